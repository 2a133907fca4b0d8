// Messages between the desktop app's main process and the engine running in its utility process.
// Requests carry an id; the engine answers each once, and streams progress events for analyses.
import { z } from 'zod';
import { historyQuerySchema, type ProgressEventBody } from './api.js';
import type { SafeErrorBody } from './errors.js';

export const HOST_METHODS = ['health', 'analyze', 'history', 'run', 'models', 'stats'] as const;
export type HostMethod = (typeof HOST_METHODS)[number];

export const hostRequestSchema = z.discriminatedUnion('method', [
  z.object({ id: z.number().int(), method: z.literal('health') }),
  z.object({ id: z.number().int(), method: z.literal('models') }),
  z.object({ id: z.number().int(), method: z.literal('stats') }),
  z.object({ id: z.number().int(), method: z.literal('analyze'), incident: z.unknown(), analysisId: z.string().max(128).optional() }),
  z.object({ id: z.number().int(), method: z.literal('history'), query: historyQuerySchema }),
  z.object({ id: z.number().int(), method: z.literal('run'), runId: z.string().min(1).max(128) }),
]);
export type HostRequest = z.infer<typeof hostRequestSchema>;

export type HostMessage =
  | { type: 'ready'; version: string }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: SafeErrorBody }
  | { type: 'progress'; requestId: number; event: ProgressEventBody };
