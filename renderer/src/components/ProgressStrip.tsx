import type { ProgressEventBody } from '../../../engine/contract/api.js';
import { AGENT_NAMES } from '../../../engine/contract/taxonomy.js';
import { useT } from '../i18n/i18n.js';

/** Live state of S, F, A and E: the latest event of each agent, with its time. */
export function ProgressStrip({ events }: { events: readonly ProgressEventBody[] }) {
  const { t } = useT();
  return (
    <section aria-label={t('progress.title')} className="progress-strip">
      {AGENT_NAMES.map((agent) => {
        const last = [...events].reverse().find((e) => e.agent === agent);
        const state = last?.state ?? 'waiting';
        return (
          <div key={agent} className={`agent agent-${state}`} data-testid={`progress-${agent}`} data-state={state}>
            <strong>{t(`agent.${agent}`)}</strong>
            <span>{t(`progress.${state}`)}{last?.durationMs !== undefined ? ` · ${last.durationMs.toFixed(1)} ms` : ''}</span>
          </div>
        );
      })}
    </section>
  );
}
