// The hazard map's point marks, each a shape of its own so they read without colour (docs/app.md): the
// origin by what it is (release ●, ignition ★, levee breach ◆, epicentre ⊕, incident ✕), places ▲, sites ■.
// Colours come from classes (CSS variables), never from the SVG.
import type { ReactNode } from 'react';
import type { OriginKind } from '../logic/mapText.js';

const STAR = Array.from({ length: 10 }, (_, i) => {
  const r = i % 2 === 0 ? 8 : 3.4, a = (Math.PI * i) / 5;
  return `${i === 0 ? 'M' : 'L'}${(r * Math.sin(a)).toFixed(1)},${(-r * Math.cos(a)).toFixed(1)}`;
}).join(' ') + ' Z';

/** The origin's mark centred on (0, 0), about 16 px across. */
export function OriginShape({ kind }: { kind: OriginKind }) {
  const cls = `origin-mark origin-${kind}`;
  switch (kind) {
    case 'release': return <circle r="6" className={cls} />;
    case 'ignition': return <path d={STAR} className={cls} />;
    case 'breach': return <path d="M0,-8 L8,0 L0,8 L-8,0 Z" className={cls} />;
    case 'epicentre': return <g className={cls}><circle r="7" className="origin-ring" /><path d="M-9,0 L9,0 M0,-9 L0,9" className="origin-cross" /></g>;
    default: return <path d="M-6,-6 L6,6 M6,-6 L-6,6" className={`${cls} origin-cross`} />;
  }
}

export const PLACE_PATH = 'M0,-7 L6,5 L-6,5 Z';

/** A mark for the text legend: the same shape in a small inline SVG, hidden from screen readers (the text says it). */
export function LegendMark({ children }: { children: ReactNode }) {
  return <svg className="legend-mark" viewBox="-10 -10 20 20" aria-hidden="true" focusable="false">{children}</svg>;
}
