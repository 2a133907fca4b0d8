// Places labels on the hazard map so that they do not cover each other: each label tries a few spots
// around its mark (right, left, above, below, then farther out) and takes the first that overlaps no
// label placed before it, no fixed obstacle (north arrow, wind arrow, scale bar) and stays inside the view.
// Text widths are estimated (the SVG is laid out before the browser measures it): a CJK character is
// one em wide, other characters about 0.6 em.

export interface PxBox { x0: number; y0: number; x1: number; y1: number }
export interface LabelRequest { id: string; x: number; y: number; text: string }
/** `leader`: the label was moved off its mark's row, so a thin line joins them (which square is which site). */
export interface PlacedLabel { id: string; x: number; y: number; anchor: 'start' | 'middle' | 'end'; box: PxBox; leader: boolean }

export const LABEL_FONT_PX = 13;
const GAP_PX = 8;
/** The smallest label on screen, in CSS pixels: the map scales down to a phone's width (a 560 px view in
 *  about 260 px at 320 px), its labels must not (docs/app.md, "The map"). */
export const MIN_LABEL_SCREEN_PX = 11;

/**
 * The labels' font size in view units: the page's own label size (`cssLabelPx`, .765rem), or larger where
 * the map is drawn smaller than its view (`screenPerViewPx` below 1), so that on screen a label is never
 * under MIN_LABEL_SCREEN_PX. The geometry keeps scaling; only the text keeps its size.
 */
export function mapLabelFontPx(screenPerViewPx: number, cssLabelPx = LABEL_FONT_PX): number {
  if (!(screenPerViewPx > 0) || !Number.isFinite(screenPerViewPx)) return cssLabelPx;
  return Math.max(cssLabelPx, MIN_LABEL_SCREEN_PX / screenPerViewPx);
}

export function textWidthPx(text: string, fontPx = LABEL_FONT_PX): number {
  let em = 0;
  for (const ch of text) em += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.6;
  return em * fontPx;
}

const overlap = (a: PxBox, b: PxBox) => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

/** The label's box with a little room: a 13 px font's line box runs about 15 px above the baseline and 4 below. */
function boxAt(x: number, baseline: number, anchor: PlacedLabel['anchor'], widthPx: number, fontPx = LABEL_FONT_PX): PxBox {
  const x0 = anchor === 'start' ? x : anchor === 'end' ? x - widthPx : x - widthPx / 2;
  const k = fontPx / LABEL_FONT_PX;
  return { x0: x0 - 2 * k, y0: baseline - fontPx - 3 * k, x1: x0 + widthPx + 2 * k, y1: baseline + 5 * k };
}

/** Spots around a mark at (x, y): baseline position and anchor, nearest first. */
type Spot = { x: number; y: number; anchor: PlacedLabel['anchor']; leader: boolean };
/** Offsets grow with the font (`k`: its size over 13 px), so a larger label keeps the same room around it. */
function candidates(x: number, y: number, fontPx: number): Spot[] {
  const k = fontPx / LABEL_FONT_PX;
  const mid = 4 * k; // half a line: the baseline that centres a label on its mark's row
  const spots: Spot[] = [
    { x: x + GAP_PX, y: y + mid, anchor: 'start', leader: false }, { x: x - GAP_PX, y: y + mid, anchor: 'end', leader: false },
    { x, y: y - GAP_PX - 2, anchor: 'middle', leader: false }, { x, y: y + GAP_PX + fontPx, anchor: 'middle', leader: false },
  ];
  for (const rows of [-1, 1, -2, 2, -3, 3]) {
    const dy = rows * 22 * k;
    spots.push({ x: x + 2 * GAP_PX, y: y + mid + dy, anchor: 'start', leader: true }, { x: x - 2 * GAP_PX, y: y + mid + dy, anchor: 'end', leader: true });
  }
  return spots;
}

/** `fontPx`: the labels' size in view units (mapLabelFontPx). */
export function placeLabels(requests: readonly LabelRequest[], view: { widthPx: number; heightPx: number }, obstacles: readonly PxBox[] = [], fontPx = LABEL_FONT_PX): PlacedLabel[] {
  const taken: PxBox[] = [...obstacles];
  const inside = (b: PxBox) => b.x0 >= 0 && b.y0 >= 0 && b.x1 <= view.widthPx && b.y1 <= view.heightPx;
  return requests.map((req) => {
    const widthPx = textWidthPx(req.text, fontPx);
    let best: PlacedLabel | null = null, bestCost = Infinity;
    for (const spot of candidates(req.x, req.y, fontPx)) {
      const box = boxAt(spot.x, spot.y, spot.anchor, widthPx, fontPx);
      // Leaving the view is worse than touching a neighbour: a cut-off name cannot be read at all.
      const cost = taken.reduce((s, t) => s + overlap(box, t), 0) + (inside(box) ? 0 : 1e6);
      if (cost < bestCost) { best = { id: req.id, ...spot, box }; bestCost = cost; }
      if (cost === 0) break;
    }
    const placed = best as PlacedLabel;
    taken.push(placed.box);
    return placed;
  });
}

/** A circle to label with its radius (the isolation circle; a quake's intensity rings), in view pixels. */
export interface CircleLabelRequest { id: string; cx: number; cy: number; rPx: number; text: string }
/** `tick`: a mark from the circle outward at the label's bearing, up to the label (so a label set farther
 *  out, `leader`, is joined to its ring). */
export interface PlacedCircleLabel extends PlacedLabel { bearingDeg: number; tick: { x0: number; y0: number; x1: number; y1: number } }

/** Bearings tried for a circle's label, clockwise from north: the top first (where a reader looks for
 *  it), then either side and down, so concentric rings with close radii put their labels apart. */
const CIRCLE_BEARINGS_DEG = [0, -40, 40, -75, 75, 180, -140, 140, -110, 110];
/** How far past the tick a label may go, in pixels, when every bearing at the ring itself is taken. */
const CIRCLE_STEPS_PX = [0, 20, 40, 60];
const TICK_PX = 4;

/** Labels for circles (outermost first: its label has the most room) at the first bearing and distance
 *  where the label covers no label placed before it, no obstacle, and stays inside the view. Obstacles:
 *  the map's furniture and the origin's mark. The same rule as placeLabels, so no two boxes meet. */
export function placeCircleLabels(requests: readonly CircleLabelRequest[], view: { widthPx: number; heightPx: number }, obstacles: readonly PxBox[] = [], fontPx = LABEL_FONT_PX): PlacedCircleLabel[] {
  const taken: PxBox[] = [...obstacles];
  const inside = (b: PxBox) => b.x0 >= 0 && b.y0 >= 0 && b.x1 <= view.widthPx && b.y1 <= view.heightPx;
  const placedById = new Map<string, PlacedCircleLabel>();
  for (const req of [...requests].sort((a, b) => b.rPx - a.rPx)) {
    const widthPx = textWidthPx(req.text, fontPx);
    let best: PlacedCircleLabel | null = null, bestCost = Infinity;
    search: for (const stepPx of CIRCLE_STEPS_PX) {
      for (const bearingDeg of CIRCLE_BEARINGS_DEG) {
        const spot = circleSpot(req, bearingDeg, stepPx * (fontPx / LABEL_FONT_PX), widthPx, fontPx);
        const cost = taken.reduce((s, t) => s + overlap(spot.box, t), 0) + (inside(spot.box) ? 0 : 1e6);
        if (cost < bestCost) { best = spot; bestCost = cost; }
        if (cost === 0) break search;
      }
    }
    const placed = best as PlacedCircleLabel;
    taken.push(placed.box);
    placedById.set(req.id, placed);
  }
  return requests.map((req) => placedById.get(req.id) as PlacedCircleLabel);
}

/** The label of one circle at a bearing: the tick on the ring, the text just outside it (above at the top,
 *  below at the bottom, beside it on the flanks), `stepPx` farther out along the bearing with a leader. */
function circleSpot(req: CircleLabelRequest, bearingDeg: number, stepPx: number, widthPx: number, fontPx: number): PlacedCircleLabel {
  const rad = (bearingDeg * Math.PI) / 180;
  const ux = Math.sin(rad), uy = -Math.cos(rad);
  const on = { x: req.cx + req.rPx * ux, y: req.cy + req.rPx * uy };
  const at = { x: on.x + (TICK_PX + stepPx) * ux, y: on.y + (TICK_PX + stepPx) * uy };
  const tick = { x0: on.x, y0: on.y, x1: at.x, y1: at.y };
  const anchor: PlacedLabel['anchor'] = ux > 0.5 ? 'start' : ux < -0.5 ? 'end' : 'middle';
  const x = anchor === 'start' ? at.x + 2 : anchor === 'end' ? at.x - 2 : at.x;
  // Baseline: above the point on the upper half, below it on the lower half, centred on the flanks.
  const y = anchor !== 'middle' ? at.y + 4 * (fontPx / LABEL_FONT_PX) : uy <= 0 ? at.y - 3 : at.y + fontPx + 1;
  return { id: req.id, x, y, anchor, box: boxAt(x, y, anchor, widthPx, fontPx), leader: stepPx > 0, bearingDeg, tick };
}
