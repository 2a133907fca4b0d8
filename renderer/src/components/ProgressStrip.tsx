import { useEffect, useState } from 'react';
import type { ProgressEventBody } from '../../../engine/contract/api.js';
import type { AnalysisResult } from '../../../engine/contract/result.js';
import { agentProgress, elapsedSeconds } from '../logic/progress.js';
import { useT } from '../i18n/i18n.js';

/** Live state of S, F, A and E: each agent's latest event with its time, settled by the result once it
 *  is in (logic/progress.ts); while running, the time since submission, ticking. */
export function ProgressStrip({ events, result, startedAtMs }: { events: readonly ProgressEventBody[]; result?: AnalysisResult; startedAtMs?: number }) {
  const { t } = useT();
  const running = !result && startedAtMs !== undefined;
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => setNowMs(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return (
    <section aria-label={t('progress.title')} className="progress-strip">
      {agentProgress(events, result).map(({ agent, state, durationMs }) => (
        <div key={agent} className={`agent agent-${state}`} data-testid={`progress-${agent}`} data-state={state}>
          <strong>{t(`agent.${agent}`)}</strong>
          <span>{t(`progress.${state}`)}{durationMs !== undefined ? ` · ${durationMs.toFixed(1)} ms` : ''}</span>
        </div>
      ))}
      {running && <p className="elapsed" data-testid="progress-elapsed">{t('progress.elapsed', { s: elapsedSeconds(startedAtMs, nowMs) })}</p>}
    </section>
  );
}
