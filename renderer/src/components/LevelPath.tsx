// A response level as its colour chip (SEVERITY_COLOURS, engine/contract/taxonomy.ts), and the path of
// levels across an incident's runs with the change said in words, never by colour alone (docs/app.md).
import { SEVERITY_COLOURS, type SeverityLevel } from '../../../engine/contract/taxonomy.js';
import type { Escalation } from '../logic/incidentGroups.js';
import { useT } from '../i18n/i18n.js';

/** `full`: the level's whole name (IV 级（一般）) where there is room, as on the briefing. */
export function LevelChip({ level, full = false }: { level: SeverityLevel; full?: boolean }) {
  const { t } = useT();
  return <span className={`level-chip severity-${SEVERITY_COLOURS[level]}`} data-level={level} title={t(`severity.${level}`)}>{full ? t(`severity.${level}`) : t('incidents.level', { level })}</span>;
}

/** IV → III with "escalated" (or "de-escalated"); the latest level alone when it never changed. */
export function LevelPath({ path, escalation }: { path: readonly SeverityLevel[]; escalation: Escalation | null }) {
  const { t } = useT();
  const latest = path.at(-1);
  if (!latest) return <span className="muted">{t('incidents.notGraded')}</span>;
  if (!escalation) return <LevelChip level={latest} />;
  return (
    <span className={`level-path ${escalation.direction}`} data-testid="level-path" data-direction={escalation.direction}>
      {path.map((level, i) => <span key={`${level}-${i}`}>{i > 0 && <span aria-hidden="true"> → </span>}<LevelChip level={level} /></span>)}
      {' '}<strong className="level-change">{t(`incidents.${escalation.direction}`)}</strong>
    </span>
  );
}
