// The model update channel's public shape (docs/updates.md): where files sit in a channel, what the
// signed `custom` field of a model version's manifest target says, and the revocation list. Written by
// the update server's channel tools, read by the engine's update client; TUF (tuf-js, @tufjs/models)
// signs and verifies everything, this file only names the layout and the facts.
import { z } from 'zod';
import { manifestSchema } from './modelManifest.js';

/** A channel is plain static files: `metadata/` (TUF roles, consistent snapshots) and `targets/`. */
export const CHANNEL_METADATA_DIR = 'metadata';
export const CHANNEL_TARGETS_DIR = 'targets';
/** A signed target listing the versions IT withdrew: a device moves off them, and a lower version
 *  offered in their place is a rollback IT asked for, not a downgrade attack. */
export const REVOCATIONS_TARGET = 'revocations.json';

/** Target path of one file of a model version: `<name>/<version>/<file>`. */
export const modelTargetPath = (name: string, version: number, file: string): string => `${name}/${version}/${file}`;
export const MANIFEST_FILE = 'manifest.json';
/** Beside the shipped models: the root that names the release key (the channel's targets role)... */
export const RELEASE_ROOT_FILE = 'release-root.json';
/** ...and the targets metadata it signed, listing every shipped model file under modelTargetPath
 *  (docs/models.md#signed-models; written by `safe-edge channel sign-models`). */
export const RELEASE_TARGETS_FILE = 'release-targets.json';
/** The slice size of the chunk hashes signed with each file (64 KiB: a resumed download re-fetches at
 *  most this much of what it already had). */
export const CHUNK_BYTES = 64 * 1024;
/** The evaluation set a gate scores a staged version on (signed with it; docs/updates.md, "Gate"). */
export const EVALUATION_FILE = 'evaluation.json';

/** Signed metadata is canonical JSON, which has no fractions: shares and scores travel as integers in
 *  basis points (1 bp = 0.01 %), named `…Bp`. */
const basisPoints = z.number().int().min(0).max(1_000_000);
export const toBasisPoints = (fraction: number): number => Math.round(fraction * 10_000);
export const fromBasisPoints = (bp: number): number => bp / 10_000;

export const rolloutStrategySchema = z.enum(['immediate', 'canary', 'shadow']);
export type RolloutStrategy = z.infer<typeof rolloutStrategySchema>;

export const rolloutSchema = z.object({
  /** Devices whose stable bucket (0–99) is below this take the version; the others keep the previous one. */
  percent: z.number().int().min(0).max(100),
  strategy: rolloutStrategySchema,
  /** The gate's agreement floor with the live version on the evaluation set, and a trial's with the live
   *  results, in basis points (9000 = 90 %). */
  minAgreementBp: basisPoints,
  /** Canary: the share of analyses shown from the new version, in basis points (default 1000 = 10 %). */
  canaryShareBp: basisPoints.optional(),
});
export type Rollout = z.infer<typeof rolloutSchema>;

/** What a model version's manifest target carries in its signed `custom` field. */
export const modelTargetFactsSchema = z.object({
  name: manifestSchema.shape.name,
  version: manifestSchema.shape.version,
  task: z.string(),
  /** The fp32 network's sha256 and size (also checked by TUF as a target of its own). */
  sha256: manifestSchema.shape.sha256,
  bytes: z.number().int().positive(),
  inputs: manifestSchema.shape.inputs,
  outputs: manifestSchema.shape.outputs,
  minEngineVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
  /** The figures published with the version, in basis points (held-out accuracy, or P95 relative error
   *  for a surrogate): what the gate holds the staged copy to. */
  scoresBp: z.record(z.string(), basisPoints),
  rollout: rolloutSchema,
  /** Every file of the version, each its own TUF target under `<name>/<version>/`. */
  files: z.array(z.string().regex(/^[A-Za-z0-9._-]+$/)).min(2),
  /** File → the sha256 of each CHUNK_BYTES slice: a resumed download checks what it already has slice by
   *  slice and stops at the first bad slice instead of fetching a whole tampered file. */
  chunkSha256: z.record(z.string(), z.array(manifestSchema.shape.sha256)).optional(),
  publishedAt: z.string(),
});
export type ModelTargetFacts = z.infer<typeof modelTargetFactsSchema>;
/** The key in a target's `custom` object under which the facts sit. */
export const MODEL_FACTS_KEY = 'safeEdgeModel';

export const revocationsSchema = z.object({
  revoked: z.array(z.object({ name: z.string(), version: z.number().int().positive(), reason: z.string(), revokedAt: z.string() })),
});
export type Revocations = z.infer<typeof revocationsSchema>;

/** `a` compared with `b` as dotted numeric versions ("0.10.0" > "0.9.1"): negative, 0 or positive. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
