import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';
import { timeAxisLabels } from '../logic/timeAxis.js';
import type { Sensor } from '../../../engine/contract/incident.js';
import type { AwarenessResult } from '../../../engine/contract/result.js';
import { useT } from '../i18n/i18n.js';
import { useAppearance } from '../appearance/appearance.js';
import { chartColours, themedAxis } from '../appearance/chartColours.js';

type Analysis = AwarenessResult['sensors'][number];

/** One sensor's readings with its threshold line (uPlot: small, fast, canvas-based). */
export function SensorChart({ sensor, analysis }: { sensor: Sensor; analysis: Analysis }) {
  const { t } = useT();
  const host = useRef<HTMLDivElement>(null);
  const { theme, textSize } = useAppearance();
  useEffect(() => {
    // uPlot is fetched when a chart is drawn, not with the workspace's code: the charts are below the first
    // screen, and the answer band need not wait for uPlot's download and evaluation (docs/performance.md, bench:ui).
    let plot: uPlot | undefined;
    let current = true;
    void import('uplot').then(({ default: UPlot }) => {
      if (current && host.current) plot = draw(UPlot, host.current, sensor, analysis);
    }, () => {}); // not loaded (the engine that serves it is down): the figure keeps its caption, without the plot
    return () => { current = false; plot?.destroy(); };
  }, [sensor, analysis, theme, textSize]); // redrawn in the new palette when the appearance changes
  const status = analysis.exceeded
    ? t('sensor.exceeded', { threshold: analysis.thresholdValue })
    : analysis.minutesToThreshold !== null ? t('sensor.crossing', { min: analysis.minutesToThreshold, threshold: analysis.thresholdValue }) : '';
  return (
    <figure className="sensor" data-testid={`sensor-${sensor.id}`}>
      <figcaption>
        <strong>{sensor.id}</strong> · {t(`sensor.${sensor.kind}`)} · {t('sensor.latest', { value: analysis.latest })} · {t(`sensor.trend.${analysis.trend}`)}
        {status && <> · <span className={analysis.exceeded ? 'alert' : 'warn'}>{status}</span></>}
        {analysis.anomalies.length > 0 && <> · {t('sensor.anomalies', { n: analysis.anomalies.length })}</>}
      </figcaption>
      <div ref={host} />
    </figure>
  );
}

/** The plot of one sensor's readings into `into`, in the current palette. */
function draw(UPlot: typeof uPlot, into: HTMLDivElement, sensor: Sensor, analysis: Analysis): uPlot {
  const colours = chartColours();
  const axis = themedAxis(colours);
  const xs = sensor.readings.map((r) => Date.parse(r.at) / 1000);
  const ys = sensor.readings.map((r) => r.value);
  const threshold = analysis.thresholdValue;
  const data: uPlot.AlignedData = threshold === null ? [xs, ys] : [xs, ys, xs.map(() => threshold)];
  return new UPlot({
    width: 520, height: 180,
    series: [{}, { label: sensor.id, stroke: colours.series, width: 2, points: { fill: colours.pointFill } }, ...(threshold === null ? [] : [{ label: 'threshold', stroke: colours.threshold, dash: [6, 4], points: { fill: colours.pointFill } }])],
    axes: [{ ...axis, values: (u: uPlot, ticks: number[]) => timeAxisLabels(ticks, (u.scales.x?.max ?? 0) - (u.scales.x?.min ?? 0)) }, axis],
    legend: { show: false },
  }, data, into);
}
