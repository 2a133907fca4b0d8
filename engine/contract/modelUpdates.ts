// What the model-update operations answer (docs/updates.md): an update's report per model, a rollback,
// the pinned channel, and the device's model history (versions with their states, and every event).
import { z } from 'zod';
import { modelTargetFactsSchema } from './modelChannel.js';

export const versionStateSchema = z.enum(['staged', 'ready', 'live', 'refused', 'rolled_back', 'revoked', 'retired']);

const errorCode = z.string().regex(/^SAFE_E_[A-Z0-9_]+$/);

/** Figures a staged version was gated on, each beside the bound it had to meet. */
export const gateCheckSchema = z.object({
  check: z.enum(['loads', 'score', 'agreement', 'latency', 'memory']),
  passed: z.boolean(),
  value: z.number().nullable(),
  bound: z.number().nullable(),
  detail: z.string(),
});
export const gateResultSchema = z.object({ passed: z.boolean(), checks: z.array(gateCheckSchema), durationMs: z.number() });
export type GateCheck = z.infer<typeof gateCheckSchema>;
export type GateResult = z.infer<typeof gateResultSchema>;

export const modelUpdateOutcomeSchema = z.object({
  name: z.string(),
  fromVersion: z.number().int().nullable(),
  toVersion: z.number().int().nullable(),
  /** `held`: the newest version was rolled back on this device (by hand or automatically) and is not taken again. */
  outcome: z.enum(['updated', 'up-to-date', 'refused', 'outside-rollout', 'waiting', 'rolled-back', 'held', 'trial']),
  code: errorCode.optional(),
  message: z.string(),
  gate: gateResultSchema.optional(),
});
export type ModelUpdateOutcome = z.infer<typeof modelUpdateOutcomeSchema>;

export const channelMetadataSchema = z.object({
  timestampVersion: z.number().int(), snapshotVersion: z.number().int(), targetsVersion: z.number().int(),
  timestampExpires: z.string(), expiredTimestampAccepted: z.boolean(),
});

/** How a live swap loaded the new models (docs/updates.md#how-a-swap-loads): beside the live ones, or
 *  drained (new analyses queued, running ones finished, old sessions released, then the new set loaded). */
export const swapRecordSchema = z.object({
  way: z.enum(['beside', 'drained']),
  /** Extra memory loading the new set beside the live one costs, over every worker (file bytes × 2 × workers). */
  estimateBytes: z.number().int().min(0),
  /** Free memory when the swap decided, and what is kept in reserve beyond the estimate. */
  freeBytes: z.number().int().min(0),
  marginBytes: z.number().int().min(0),
  /** The engine's memory budget when one is set (null: none), and its resident memory then. */
  budgetBytes: z.number().int().min(0).nullable(),
  rssBytes: z.number().int().min(0),
  workers: z.number().int().min(1),
  /** A drain whose analyses outlasted the drain timeout: the swap loaded beside after all. */
  drainTimedOut: z.boolean(),
  reason: z.string(),
});
export type SwapRecord = z.infer<typeof swapRecordSchema>;

export const updateReportSchema = z.object({
  channel: z.string(),
  checkedAt: z.string(),
  metadata: channelMetadataSchema,
  device: z.object({ deviceId: z.string(), bucket: z.number().int() }),
  models: z.array(modelUpdateOutcomeSchema),
  /** Model name → version now live, after the swap (when anything changed). */
  live: z.record(z.string(), z.number().int()),
  swapped: z.boolean(),
  /** How the swap loaded, when the workers swapped. */
  swap: swapRecordSchema.optional(),
});
export type UpdateReport = z.infer<typeof updateReportSchema>;

export const rollbackResultSchema = z.object({ name: z.string(), fromVersion: z.number().int(), toVersion: z.number().int(), durationMs: z.number() });
export type RollbackResult = z.infer<typeof rollbackResultSchema>;

export const trustedRootSchema = z.object({ version: z.number().int(), expires: z.string(), keyIds: z.record(z.string(), z.array(z.string())), file: z.string() });

export const modelVersionSchema = z.object({
  name: z.string(), version: z.number().int(), source: z.string(), state: versionStateSchema, sha256: z.string(),
  facts: modelTargetFactsSchema.nullable(), gate: gateResultSchema.nullable(), updatedAt: z.string(),
});
export const modelEventSchema = z.object({
  id: z.number().int(), at: z.string(), name: z.string(), version: z.number().int().nullable(), event: z.string(), code: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

export const modelUpdatesViewSchema = z.object({
  /** The pinned channel root; null until `safe-edge models trust`. */
  trustedRoot: trustedRootSchema.nullable(),
  /** The channel updates are read from when none is named (configuration), if any. */
  channel: z.string().nullable(),
  device: z.object({ deviceId: z.string(), bucket: z.number().int() }),
  /** Model name → the version live now, where it came from, and the version a rollback would make live
   *  (null: a rollback would be refused with SAFE_E_MODEL_MISSING, nothing earlier is held). */
  live: z.record(z.string(), z.object({ version: z.number().int(), source: z.string(), rollbackTo: z.number().int().nullable() })),
  versions: z.array(modelVersionSchema),
  events: z.array(modelEventSchema),
  /** The canary or shadow trial running now, with the figures so far (docs/updates.md). */
  trial: z.object({
    name: z.string(), version: z.number().int(), strategy: z.enum(['canary', 'shadow']), canaryShare: z.number(), startedAt: z.string(),
    decision: z.enum(['continue', 'promote', 'rollback']), reason: z.string(),
    figures: z.object({
      samples: z.number().int(), agreement: z.number().nullable(), liveErrorRate: z.number(), trialErrorRate: z.number(), errorZ: z.number(),
      latencyRatio: z.number().nullable(), failedWindows: z.number().int(),
    }),
    rules: z.object({
      minSamples: z.number().int(), windowSize: z.number().int(), failedWindowsToRollback: z.number().int(), minAgreement: z.number(), latencyRatio: z.number(),
      errorZ: z.number(), warmupPairs: z.number().int(),
    }),
  }).nullable(),
  /** The last channel metadata this device verified, and how old its timestamp is. */
  lastMetadata: channelMetadataSchema.extend({ checkedAt: z.string() }).nullable(),
});
export type ModelUpdatesView = z.infer<typeof modelUpdatesViewSchema>;
