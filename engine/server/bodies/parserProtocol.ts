// Messages between the serving thread and a body-parsing worker (docs/hardening.md#load).
import type { SafeErrorBody } from '../../contract/errors.js';

export interface ParseRequest { taskId: number; bytes: Uint8Array }
export type ParseReply =
  | { taskId: number; ok: true; /** The validated incident as JSON. */ json: string }
  | { taskId: number; ok: false; error: SafeErrorBody };
