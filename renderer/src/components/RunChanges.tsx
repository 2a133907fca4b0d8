import type { StoredRun } from '../transport/engineTransport.js';
import { useT } from '../i18n/i18n.js';
import { changeCause } from '../logic/modelChoice.js';
import { ErrorNotice } from './ErrorNotice.js';

export function RunChanges({ stored }: { stored: StoredRun | null }) {
  const { t } = useT();
  if (!stored) return null;
  return (
    <section className="card" aria-labelledby="diff-title" data-testid="run-changes">
      <h2 id="diff-title">{t('diff.title')}</h2>
      {stored.previousDamaged ? <ErrorNotice error={stored.previousDamaged} testId="previous-damaged" />
        : stored.run.seq <= 1 ? <p>{t('diff.first')}</p> : stored.changesSincePrevious.length === 0 ? <p>{t('diff.none')}</p> : (<>
        <p data-testid="change-cause">{t(`diff.cause.${changeCause(stored.changesSincePrevious)}`)}</p>
        <ul>{stored.changesSincePrevious.map((c) => <li key={c.what}><code>{c.what}</code>: {String(c.before ?? '—')} → <strong>{String(c.after ?? '—')}</strong></li>)}</ul>
      </>)}
      {stored.run.seq > 1 && stored.result.modelChoice === 'incident' && <p data-testid="kept-models">{t('diff.keptModels')}</p>}
    </section>
  );
}
