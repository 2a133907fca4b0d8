// What the reading step takes from a report before any agent runs: the language it is written in and
// the figures it states (casualties, people trapped or evacuated, direct loss), each with its source.
// Facts the commander entered win over figures read from the text. See docs/architecture.md (pipeline).
import { z } from 'zod';
import { severityCountSchema, textFactSchema } from './result.js';

export { TEXT_FACTS, textFactSchema, type TextFact } from './result.js';

/** `trapped`: held in place and needing rescue (rubble, vehicles, mines); `stranded`: unhurt but cut off and
 *  waiting (rooftops in a flood, snowbound roads). Both raise urgency; neither is an injury. */
export const FIGURE_NAMES = ['deaths', 'seriousInjuries', 'injuries', 'trapped', 'stranded', 'missing', 'exposed', 'evacuated', 'directLossCny'] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];

export const figuresSchema = z.object(Object.fromEntries(FIGURE_NAMES.map((name) => [name, severityCountSchema.optional()])) as Record<FigureName, z.ZodOptional<typeof severityCountSchema>>);
export type Figure = z.infer<typeof severityCountSchema>;
export type Figures = Partial<Record<FigureName, Figure>>;

export const reportReadingSchema = z.object({
  language: z.enum(['zh', 'en']),
  figures: figuresSchema,
  facts: z.array(textFactSchema),
});
export type ReportReading = z.infer<typeof reportReadingSchema>;
