import type { AnalysisResult } from '../../../engine/contract/result.js';
import type { FigureName, TextFact } from '../../../engine/contract/reading.js';
import { highlightSegments, type Mark } from '../logic/reportHighlights.js';
import { useT } from '../i18n/i18n.js';
import { countText } from '../logic/dateTime.js';
import { findSubstance } from '../../../engine/contract/substances.js';

/** A distance as the report gave it (not rounded), in the UI language's units: "800米" beside Chinese,
 *  never "800 m" (docs/app.md, "Language"). */
export function reportedDistanceText(metres: number, language: 'zh' | 'en'): string {
  const km = metres >= 1000;
  const value = km ? metres / 1000 : metres;
  return language === 'zh' ? `${value}${km ? '公里' : '米'}` : `${value} ${km ? 'km' : 'm'}`;
}

/** The report as written, with every figure and fact the engine read from it marked where it stands. */
export function ReportReading({ text, result }: { text: string; result: AnalysisResult }) {
  const { t, language } = useT();
  const shown = (value: TextFact['value']): string => {
    if (typeof value === 'object') {
      // A place: its name, distance and direction as the report gave them.
      const where = value.direction === null ? t('reading.place.noDirection') : typeof value.direction === 'number' ? `${value.direction}°` : t(`reading.place.${value.direction}`);
      return `${value.name} · ${reportedDistanceText(value.distanceM, language)} · ${where}`;
    }
    if (typeof value === 'boolean') return t(value ? 'reading.day' : 'reading.night');
    const substance = typeof value === 'string' ? findSubstance(value) : undefined;
    return substance ? (language === 'zh' ? substance.nameZh : substance.nameEn) : String(value);
  };
  const figures = (Object.entries(result.strategist?.figures ?? {}) as Array<[FigureName, NonNullable<AnalysisResult['strategist']>['figures'][string]]>).flatMap(([name, f]): Mark[] => (f.span && f.source === 'text'
    ? [{ span: f.span, kind: 'figure', label: t(`reading.figure.${name}`, { value: `${countText(f.value, language)}${f.lowerBound ? '+' : ''}` }) }] : []));
  const facts = (result.field?.factsFromText ?? []).map((f): Mark => ({
    span: f.span, kind: 'fact', label: t(`reading.fact.${f.fact}`, { value: shown(f.value) }),
  }));
  const marks = [...figures, ...facts];
  return (
    <section className="card report-reading" aria-labelledby="reading-title">
      <h2 id="reading-title">{t('reading.title')}</h2>
      <p className="report-text" data-testid="read-report">
        {highlightSegments(text, marks).map((s, i) => (s.mark
          ? <mark key={i} className={`read-${s.mark.kind}`} title={s.mark.label} data-testid={`read-${s.mark.kind}`}>{s.text}<span className="visually-hidden"> ({s.mark.label})</span></mark>
          : <span key={i}>{s.text}</span>))}
      </p>
      {marks.length === 0 ? <p>{t('reading.nothing')}</p> : <ul className="read-list">{marks.map((m) => <li key={`${m.span[0]}-${m.label}`}>{m.label}</li>)}</ul>}
      {facts.length > 0 && <p><small>{t('reading.factsNote')}</small></p>}
    </section>
  );
}
