// One failed call as the commander reads it: what happened and what to do, in the UI language, with a
// retry where trying again can help (logic/engineErrors.ts). The engine's own words and the code stay
// one click away for IT support.
import { describeEngineError, messageKeys } from '../logic/engineErrors.js';
import { useT } from '../i18n/i18n.js';

/** `detailsOpen`: where the engine's own words are the point (the Models page, read by IT), show them at once. */
export function ErrorNotice({ error, onRetry, testId = 'error-notice', detailsOpen = false }: { error: unknown; onRetry?: (() => void) | undefined; testId?: string; detailsOpen?: boolean }) {
  const { t } = useT();
  const shown = describeEngineError(error);
  const keys = messageKeys(shown.code);
  return (
    <div className="alert error-notice" role="alert" data-testid={testId} data-code={shown.code}>
      <p><strong>{t(keys.what)}</strong> {t(keys.todo)}</p>
      {shown.retry && onRetry && <button type="button" onClick={onRetry} data-testid={`${testId}-retry`}>{t('error.retry')}</button>}
      <details className="error-details" open={detailsOpen}>
        <summary>{t('error.details')}</summary>
        <code>{shown.code}</code>
        {shown.field && <p>{t('error.field', { field: shown.field })}</p>}
        {shown.detail && <p>{shown.detail}</p>}
      </details>
    </div>
  );
}
