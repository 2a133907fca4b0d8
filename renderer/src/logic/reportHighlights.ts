// The report's text cut into plain and marked pieces, so a commander can check in one glance where each
// figure and fact the engine read came from. Pure: tested under Node.

export interface Mark { span: readonly [number, number]; label: string; kind: 'figure' | 'fact' }
export interface Segment { text: string; mark?: Mark }

/** Segments of `text` in order; marks that overlap an earlier one, or fall outside the text, are left out. */
export function highlightSegments(text: string, marks: readonly Mark[]): Segment[] {
  const sorted = marks.filter((m) => m.span[0] >= 0 && m.span[1] <= text.length && m.span[0] < m.span[1]).sort((a, b) => a.span[0] - b.span[0]);
  const segments: Segment[] = [];
  let at = 0;
  for (const mark of sorted) {
    if (mark.span[0] < at) continue;
    if (mark.span[0] > at) segments.push({ text: text.slice(at, mark.span[0]) });
    segments.push({ text: text.slice(mark.span[0], mark.span[1]), mark });
    at = mark.span[1];
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}
