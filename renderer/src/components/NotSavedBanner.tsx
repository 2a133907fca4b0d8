// An answer the engine made but could not save (disk full, database locked): shown all the same, under
// a banner that says so at once (role=alert) and what to do: free disk space, export the result now,
// because it is not in the history and a reload loses it (docs/app.md, "Not saved").
import type { AnalysisResult } from '../../../engine/contract/result.js';
import { useT } from '../i18n/i18n.js';
import { downloadText, fileSafe } from '../logic/download.js';

export function NotSavedBanner({ result }: { result: AnalysisResult }) {
  const { t } = useT();
  if (!result.saveError) return null;
  return (
    <div className="alert error-notice not-saved-banner" role="alert" data-testid="not-saved-banner" data-code={result.saveError.code}>
      <p><strong>{t('notSaved.title')}</strong> {t('notSaved.todo')}</p>
      <button type="button" onClick={() => downloadText(`${fileSafe(result.id)}.json`, JSON.stringify(result, null, 2), 'application/json')} data-testid="not-saved-export">
        {t('notSaved.export')}
      </button>
      <details className="error-details">
        <summary>{t('error.details')}</summary>
        <code>{result.saveError.code}</code>
        <p>{result.saveError.message}</p>
      </details>
    </div>
  );
}
