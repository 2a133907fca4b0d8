// What the reading step takes from a report before any agent runs: the language it is written in and
// the figures it states (casualties, people trapped or evacuated, direct loss), each with its source.
// Facts the commander entered win over figures read from the text. See docs/architecture.md (pipeline).
import { z } from 'zod';
import { drillSchema, figureConflictSchema, notIncidentSchema, severityCountSchema, textFactSchema } from './result.js';
import { FIGURE_NAMES, type FigureName } from './taxonomy.js';

export { TEXT_FACTS, textFactSchema, figureConflictSchema, type TextFact } from './result.js';
export { FIGURE_NAMES, NOT_INCIDENT_REASONS, type FigureName, type NotIncidentReason } from './taxonomy.js';

export const figuresSchema = z.object(Object.fromEntries(FIGURE_NAMES.map((name) => [name, severityCountSchema.optional()])) as Record<FigureName, z.ZodOptional<typeof severityCountSchema>>);
export type Figure = z.infer<typeof severityCountSchema>;
export type Figures = Partial<Record<FigureName, Figure>>;
export type FigureConflict = z.infer<typeof figureConflictSchema>;

export const reportReadingSchema = z.object({
  language: z.enum(['zh', 'en']),
  figures: figuresSchema,
  facts: z.array(textFactSchema),
  conflicts: z.array(figureConflictSchema),
  /** Not an incident at all, and why (screened before the classifier's answer is taken). */
  notIncident: notIncidentSchema.optional(),
  /** The first call for help or resources the report makes (派, "send", 求救...): the learned screen never
   *  overrules it (docs/taxonomy-and-severity.md, "Not an incident"). */
  callForHelp: z.string().optional(),
  /** The first event word told as happening now ("the garage is on fire", 着火了, a clock time): the learned screen never
   *  overrules it either. */
  eventNow: z.string().optional(),
  /** The report describes a drill or exercise: the hazard type stands, the incident is not real. */
  drill: drillSchema.optional(),
});
export type ReportReading = z.infer<typeof reportReadingSchema>;
