// What the ICS-201 briefing needs beyond the stored run: its name, who prepared it, the ICS positions to
// fill by hand, and the running page header and footer (docs/app.md, "The ICS-201 briefing").

/** The ICS-201 organisation box's positions (command staff, then the section chiefs). The analysis assigns
 *  none of them, so the printed form leaves a line to write each name on. */
export const ICS_POSITIONS = ['commander', 'safety', 'liaison', 'information', 'operations', 'planning', 'logistics', 'finance'] as const;
export type IcsPosition = (typeof ICS_POSITIONS)[number];

export const PREPARED_BY_KEY = 'safe-edge-briefing-prepared-by';
export const incidentNameKey = (incidentId: string) => `safe-edge-briefing-name:${incidentId}`;

const NAME_MAX_CHARS = 30;

/** Until the commander names the incident: the report's first clause, in the commander's own words (a full
 *  stop only ends it before a space, so 6.2 stays whole), at most 30 characters. */
export function defaultIncidentName(reportText: string): string {
  // A report often starts with the clock time ("22:35 …"): that is not part of a name.
  const first = reportText.trim().replace(/^\d{1,2}[:：]\d{2}\s*/u, '').split(/[。；;，,!！?？\n]|\.(?=\s|$)/u)[0]?.trim() ?? '';
  const chars = [...first];
  return chars.length > NAME_MAX_CHARS ? `${chars.slice(0, NAME_MAX_CHARS - 1).join('').trimEnd()}…` : first;
}

/** A CSS string literal: quotes, backslashes and line breaks escaped (the text is the commander's own). */
export const cssString = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]+/g, ' ')}"`;

export interface PageBoxes {
  topLeft: string;
  topRight: string;
  bottomLeft: string;
  /** The page-number line with `{{page}}` and `{{pages}}` where the numbers go: "第 {{page}} 页，共 {{pages}} 页". */
  pageNumberTemplate: string;
}

/** The @page rule with its margin boxes: Chromium (and so the desktop app) prints them on every page and
 *  fills counter(page) / counter(pages) there; the test prints to PDF to check it. */
export function pageBoxesCss(boxes: PageBoxes): string {
  const numbers = boxes.pageNumberTemplate.split(/(\{\{page\}\}|\{\{pages\}\})/).filter((part) => part !== '')
    .map((part) => (part === '{{page}}' ? 'counter(page)' : part === '{{pages}}' ? 'counter(pages)' : cssString(part))).join(' ');
  const box = 'font-size: 8.5pt; color: #333;';
  return `@page { size: A4; margin: 16mm 12mm 16mm 12mm;
  @top-left { content: ${cssString(boxes.topLeft)}; ${box} }
  @top-right { content: ${cssString(boxes.topRight)}; ${box} }
  @bottom-left { content: ${cssString(boxes.bottomLeft)}; ${box} }
  @bottom-right { content: ${numbers}; ${box} } }`;
}
