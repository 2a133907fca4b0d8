// How a live model swap loads the new models (docs/updates.md#how-a-swap-loads): beside the live ones when
// the memory that costs fits, else drain and swap. Pure arithmetic here; the orchestrator does the swap.
import { freemem } from 'node:os';
import type { SwapRecord } from '../contract/modelUpdates.js';
import { listModelNames, listVersions, readManifest } from '../inference/modelRepository.js';

/** The inference core counts a loaded session as its file's bytes twice (the weights plus the runtime's
 *  copies; engine/inference/inferenceCore.ts), and so does the gate's memory check: one factor for all. */
export const SESSION_BYTES_PER_FILE_BYTE = 2;
/** Memory left free beyond the estimate before loading beside counts as safe: the estimate misses the
 *  runtime's own allocations and the rest of the laptop keeps running. */
export const SWAP_SAFETY_MARGIN_BYTES = 256 * 1024 * 1024;
/** How long a drain waits for the analyses in flight before it gives up and loads beside after all. */
export const DRAIN_TIMEOUT_MS = 30_000;

/** Free memory now, in bytes; os.freemem() by default, a fake in tests. */
export type FreeMemorySource = () => number;
export const osFreeMemory: FreeMemorySource = () => freemem();

export type { SwapRecord };

/** Bytes of the model files the workers load from `modelsDir` (the newest version of each model, in the
 *  precision they run; an fp32 file where the variant is missing, as the loader does). */
export function modelSetFileBytes(modelsDir: string, precision: 'fp32' | 'int8'): number {
  let total = 0;
  for (const name of listModelNames(modelsDir)) {
    const version = listVersions(modelsDir, name)[0];
    if (version === undefined) continue;
    const manifest = readManifest(modelsDir, name, version);
    total += (precision === 'int8' ? manifest.variants?.int8?.bytes : undefined) ?? manifest.bytes;
  }
  return total;
}

export interface SwapPlanInput {
  /** Bytes of the new set's model files (modelSetFileBytes). */
  newFileBytes: number;
  workers: number;
  freeBytes: number;
  rssBytes: number;
  budgetBytes: number | null;
  marginBytes?: number;
}

/** Beside when free memory minus the margin holds the estimate and the engine stays within its budget;
 *  drained otherwise. */
export function planSwap(input: SwapPlanInput): Omit<SwapRecord, 'drainTimedOut'> {
  const marginBytes = input.marginBytes ?? SWAP_SAFETY_MARGIN_BYTES;
  const estimateBytes = Math.round(input.newFileBytes * SESSION_BYTES_PER_FILE_BYTE * input.workers);
  const freeBytes = Math.max(0, Math.round(input.freeBytes));
  const rssBytes = Math.max(0, Math.round(input.rssBytes));
  const mib = (b: number) => `${(b / 1048576).toFixed(1)} MiB`;
  const base = { estimateBytes, freeBytes, marginBytes, budgetBytes: input.budgetBytes, rssBytes, workers: input.workers };
  if (estimateBytes > freeBytes - marginBytes) {
    return { ...base, way: 'drained', reason: `loading beside needs ${mib(estimateBytes)}; ${mib(freeBytes)} free, ${mib(marginBytes)} kept in reserve` };
  }
  if (input.budgetBytes !== null && rssBytes + estimateBytes > input.budgetBytes) {
    return { ...base, way: 'drained', reason: `loading beside would take the engine to ${mib(rssBytes + estimateBytes)}, over its ${mib(input.budgetBytes)} budget` };
  }
  return { ...base, way: 'beside', reason: `loading beside needs ${mib(estimateBytes)}; ${mib(freeBytes)} free` };
}
