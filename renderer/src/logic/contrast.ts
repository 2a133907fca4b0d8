// WCAG 2.1 contrast maths (success criteria 1.4.3 and 1.4.11), used by the theme tests to check every
// palette in docs/app.md ("Themes"): text ≥ 4.5:1 (large text ≥ 3:1), focus rings ≥ 3:1.

/** A colour as the browser computes it: sRGB channels 0–255 and alpha 0–1. */
export interface Rgba { r: number; g: number; b: number; a: number }

export class ColourParseError extends Error {
  readonly code = 'SAFE_E_COLOUR_PARSE';
  constructor(readonly input: string) { super(`not a colour this module reads: ${JSON.stringify(input)}`); }
}

/** Reads `#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb(…)`/`rgba(…)` (comma or space separated, as
 *  getComputedStyle returns them) and `transparent`. */
export function parseColour(input: string): Rgba {
  const s = input.trim().toLowerCase();
  if (s === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(s);
  if (hex) {
    const h = hex[1] as string;
    const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
    const byte = (i: number) => parseInt(full.slice(i, i + 2), 16);
    return { r: byte(0), g: byte(2), b: byte(4), a: full.length === 8 ? byte(6) / 255 : 1 };
  }
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(s);
  if (fn) {
    const alpha = fn[4] === undefined ? 1 : fn[4].endsWith('%') ? parseFloat(fn[4]) / 100 : parseFloat(fn[4]);
    const [r, g, b] = [fn[1], fn[2], fn[3]].map((v) => Number(v));
    if ([r, g, b, alpha].every((v) => Number.isFinite(v))) return { r: r as number, g: g as number, b: b as number, a: alpha };
  }
  throw new ColourParseError(input);
}

/** `top` painted over an opaque `bottom` (source-over). */
export function composite(top: Rgba, bottom: Rgba): Rgba {
  const mix = (t: number, b: number) => t * top.a + b * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

/** The opaque colour seen through a stack of backgrounds, nearest first (an element's own, then its
 *  ancestors'); the page behind everything is `canvas`. */
export function effectiveBackground(stackNearestFirst: readonly Rgba[], canvas: Rgba): Rgba {
  let seen = canvas;
  for (let i = stackNearestFirst.length - 1; i >= 0; i--) seen = composite(stackNearestFirst[i] as Rgba, seen);
  return seen;
}

/** WCAG relative luminance of an opaque sRGB colour. */
export function relativeLuminance({ r, g, b }: Rgba): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** (L1 + 0.05) / (L2 + 0.05), lighter over darker: 1 to 21. A translucent foreground is composited
 *  over the background first, as it is drawn. */
export function contrastRatio(foreground: Rgba, background: Rgba): number {
  const fg = foreground.a < 1 ? composite(foreground, background) : foreground;
  const [a, b] = [relativeLuminance(fg), relativeLuminance(background)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** WCAG "large scale" text: at least 18 pt (24 px), or 14 pt (18.66 px) bold. */
export function isLargeText(fontSizePx: number, fontWeight: number): boolean {
  return fontSizePx >= 24 || (fontSizePx >= 18.66 && fontWeight >= 700);
}

export const TEXT_MIN_RATIO = 4.5;
export const LARGE_TEXT_MIN_RATIO = 3;
/** Focus indicators and other non-text marks (1.4.11). */
export const NON_TEXT_MIN_RATIO = 3;

export function requiredTextRatio(fontSizePx: number, fontWeight: number): number {
  return isLargeText(fontSizePx, fontWeight) ? LARGE_TEXT_MIN_RATIO : TEXT_MIN_RATIO;
}
