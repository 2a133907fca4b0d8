// Messages between the desktop app's main process and the engine in its utility process: any operation
// of the table (operations.ts) by name with its arguments. The engine answers each request once, and
// sends the operation's events (analysis progress, a stream's messages) before its reply.
import { z } from 'zod';
import { OPERATION_NAMES, type OperationArgsInput, type OperationName } from './operations.js';
import type { SafeErrorBody } from './errors.js';

/** The supervisor's liveness ping uses this request id; its reply is never a caller's. */
export const PING_REQUEST_ID = -2;

export const hostRequestSchema = z.object({
  id: z.number().int(),
  op: z.enum(OPERATION_NAMES),
  /** Checked against the operation's own argument schema by the host. */
  args: z.unknown(),
});

/** A request as the main process builds it (typed per operation). */
export type HostRequest = { [K in OperationName]: { id: number; op: K; args: OperationArgsInput<K> } }[OperationName];

export type HostMessage =
  | { type: 'ready'; version: string }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: SafeErrorBody }
  | { type: 'event'; requestId: number; event: unknown };
