// Where a form's draft is kept (incidentDraft.ts keeps and checks it). Apart from the draft's schema so the
// app's shell can name the key without carrying zod in the first bundle (docs/performance.md, bench:ui).
const DRAFT_PREFIX = 'safe-edge-draft:';

/** The draft's key: `null` for a new incident, the runId when the form re-runs a stored analysis. */
export const draftKey = (fromRunId: string | null): string => `${DRAFT_PREFIX}${fromRunId ? `run:${fromRunId}` : 'new'}`;
