// The UI opened with the read-only viewer token (docs/app.md#read-only-viewer): a note under the header on
// every page, and in place of a page that reads or changes incidents, what it is and where to go instead.
import { routeHash, VIEWER_HOME } from '../logic/routes.js';
import { useT } from '../i18n/i18n.js';

export function ViewerBanner() {
  const { t } = useT();
  return (
    <div className="viewer-banner no-print" role="note" data-testid="viewer-banner">
      <p><strong>{t('viewer.title')}</strong> {t('viewer.body')}</p>
    </div>
  );
}

export function ViewerOnlyPage() {
  const { t } = useT();
  return (
    <section aria-labelledby="viewer-only-title" data-testid="viewer-only">
      <h1 id="viewer-only-title">{t('viewer.pageTitle')}</h1>
      <p>{t('viewer.pageBody')}</p>
      <p><a href={routeHash(VIEWER_HOME)} data-testid="viewer-open-device">{t('viewer.openDevice')}</a></p>
    </section>
  );
}
