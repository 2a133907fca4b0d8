// What the reading step takes from a report before any agent runs: the language it is written in and
// the figures it states (casualties, people trapped or evacuated, direct loss), each with its source.
// Facts the commander entered win over figures read from the text. See docs/architecture.md (pipeline).
import { z } from 'zod';
import { severityCountSchema, textFactSchema } from './result.js';
import { NOT_INCIDENT_REASONS } from './taxonomy.js';

export { TEXT_FACTS, textFactSchema, type TextFact } from './result.js';

/** `trapped`: held in place and needing rescue (rubble, vehicles, mines); `stranded`: unhurt but cut off and
 *  waiting (rooftops in a flood, snowbound roads). Both raise urgency; neither is an injury. */
export const FIGURE_NAMES = ['deaths', 'seriousInjuries', 'injuries', 'trapped', 'stranded', 'missing', 'exposed', 'evacuated', 'directLossCny'] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];

export const figuresSchema = z.object(Object.fromEntries(FIGURE_NAMES.map((name) => [name, severityCountSchema.optional()])) as Record<FigureName, z.ZodOptional<typeof severityCountSchema>>);
export type Figure = z.infer<typeof severityCountSchema>;
export type Figures = Partial<Record<FigureName, Figure>>;

/** A figure the commander stated in the form and the report's text gives differently: both are kept. */
export const figureConflictSchema = z.object({
  figure: z.enum(FIGURE_NAMES),
  stated: z.number(),
  read: z.number(),
  /** Where the text's figure stands. */
  span: z.tuple([z.number().int().min(0), z.number().int().min(0)]).optional(),
  /** Which one grading used: the more severe (the larger count). */
  used: z.enum(['stated', 'read']),
});
export type FigureConflict = z.infer<typeof figureConflictSchema>;

export { NOT_INCIDENT_REASONS, type NotIncidentReason } from './taxonomy.js';

export const reportReadingSchema = z.object({
  language: z.enum(['zh', 'en']),
  figures: figuresSchema,
  facts: z.array(textFactSchema),
  conflicts: z.array(figureConflictSchema),
  /** Not an incident at all, and why (screened before the classifier's answer is taken). */
  notIncident: z.object({ reason: z.enum(NOT_INCIDENT_REASONS), cue: z.string() }).optional(),
  /** The report describes a drill or exercise: the hazard type stands, the incident is not real. */
  drill: z.object({ cue: z.string(), span: z.tuple([z.number().int().min(0), z.number().int().min(0)]) }).optional(),
});
export type ReportReading = z.infer<typeof reportReadingSchema>;
