// Importing an incident another post exported (docs/handover.md). A file whose history parts ways with
// this post's runs is refused by the engine; the commander can then import it under a new id, and
// nothing saved here changes either way.
import { useState } from 'react';
import type { EngineTransport } from '../transport/engineTransport.js';
import { EngineError } from '../transport/engineTransport.js';
import { ERROR_CODES } from '../../../engine/contract/errors.js';
import { useT } from '../i18n/i18n.js';
import { ErrorNotice } from './ErrorNotice.js';

const CONFLICT_CODE = ERROR_CODES.HANDOVER_CONFLICT;

/** `error`: a sentence of ours (a file that is not JSON), or what the engine answered (shown by ErrorNotice in the UI language). */
type Outcome = { kind: 'done'; incidentId: string; imported: number; alreadyPresent: number } | { kind: 'conflict'; bundle: unknown; message: string } | { kind: 'error'; error: unknown };

export function ImportIncident({ transport, onImported }: { transport: EngineTransport; onImported: () => void }) {
  const { t } = useT();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [newId, setNewId] = useState('');
  const send = async (bundle: unknown, asIncidentId?: string) => {
    try {
      const r = await transport.call('importIncident', { bundle, ...(asIncidentId ? { asIncidentId } : {}) });
      setOutcome({ kind: 'done', ...r });
      onImported();
    } catch (err) {
      const body = err instanceof EngineError ? err.body : null;
      if (body?.code === CONFLICT_CODE && !asIncidentId) setOutcome({ kind: 'conflict', bundle, message: body.message });
      else setOutcome({ kind: 'error', error: err });
    }
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    let bundle: unknown;
    try {
      bundle = JSON.parse(await file.text()) as unknown;
    } catch {
      setOutcome({ kind: 'error', error: t('handover.notJson', { name: file.name }) });
      return;
    }
    await send(bundle);
  };
  return (
    <details className="import-incident" data-testid="import-incident">
      <summary>{t('handover.import')}</summary>
      <label>{t('handover.chooseFile')}
        <input type="file" accept=".json,application/json" data-testid="import-file" onChange={(e) => { void onFile(e.target.files?.[0]); e.target.value = ''; }} />
      </label>
      {outcome?.kind === 'done' && <p role="status" data-testid="import-done">{t('handover.imported', { id: outcome.incidentId, n: outcome.imported, m: outcome.alreadyPresent })}</p>}
      {outcome?.kind === 'error' && (typeof outcome.error === 'string' ? <p className="alert" role="alert">{outcome.error}</p> : <ErrorNotice error={outcome.error} testId="import-error" />)}
      {outcome?.kind === 'conflict' && (
        <form role="alert" data-testid="import-conflict" onSubmit={(e) => { e.preventDefault(); if (newId.trim()) void send(outcome.bundle, newId.trim()); }}>
          <p className="alert">{t('handover.conflict')}</p>
          {/* The engine's own words (English) only under technical details, as every error shows them. */}
          <details className="error-details"><summary>{t('error.details')}</summary><p className="muted">{CONFLICT_CODE}: {outcome.message}</p></details>
          <label>{t('handover.newId')}<input value={newId} onChange={(e) => setNewId(e.target.value)} maxLength={128} required /></label>
          <button type="submit">{t('handover.importAsNew')}</button>
        </form>
      )}
    </details>
  );
}
