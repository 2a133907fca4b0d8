// A small, bounded pool of body-parsing worker threads (docs/hardening.md#load). Each worker parses one
// body at a time; the others wait in order. How many wait is bounded by the engine's body budget (a body
// is held against it before it is read), so the queue needs no bound of its own. Workers start on the
// first large body and do not keep the process alive. A worker idle for `idleExitMs` exits: parsing a
// 15 MB body grows its heap by about a hundred megabytes that V8 would otherwise keep, and a worker
// starts again in a few milliseconds (docs/hardening.md#memory). After a body of `retireAfterBytes` or
// more it exits at once: the heap such a body grew would otherwise be held through a flood of them.
import { Worker } from 'node:worker_threads';
import { ERROR_CODES, SafeError } from '../../contract/errors.js';
import type { Incident } from '../../contract/incident.js';
import { markValidated } from '../../contract/parseIncident.js';
import { collectWhileParsing } from '../../orchestrator/largeBodyCollections.js';
import type { ParseReply, ParseRequest } from './parserProtocol.js';

const WORKER_URL = new URL('./incidentParserWorker.js', import.meta.url);

interface Task { taskId: number; bytes: Uint8Array; /** Its length before it was handed to a worker. */ byteLength: number; resolve: (incident: Incident) => void; reject: (err: SafeError) => void }
interface Slot { worker: Worker; task: Task | null; idleTimer: NodeJS.Timeout | null; retiring: boolean }

/** How long a parsing worker may wait for another body before it exits. */
export const PARSER_IDLE_EXIT_MS = 2000;
/** A worker that parsed a body this large exits after it. A 15 MB incident grows its heap by 100 MB or
 *  more; a new worker costs a few milliseconds, small beside parsing a body this large. */
export const PARSER_RETIRE_AFTER_BYTES = 4 * 1024 * 1024;
/** A parsing worker's young generation, capped as the agent workers' is: V8's default (48 MB) is filled
 *  and copied again and again while a 15 MB body is parsed, all of it live. With 24 MB a 15 MB incident's
 *  peak RSS was 17–20 MB lower per worker and its parse no slower (docs/hardening.md#memory). */
export const PARSER_WORKER_LIMITS = { maxYoungGenerationSizeMb: 24 };

export class IncidentParserPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Task[] = [];
  private nextTaskId = 1;
  private closed = false;
  /** Bodies parsed off the serving thread since start (tests and the bench read it). */
  parsedCount = 0;

  constructor(private readonly size: number, private readonly worker: { url: URL; workerData?: unknown } = { url: WORKER_URL },
    private readonly idleExitMs = PARSER_IDLE_EXIT_MS, private readonly retireAfterBytes = PARSER_RETIRE_AFTER_BYTES) {}

  /** Parsing workers alive now (tests read it: idle ones exit). */
  get workerCount(): number { return this.slots.length; }

  /** Bodies being parsed or waiting for a worker. */
  get pending(): number { return this.waiting.length + this.slots.filter((s) => s.task !== null).length; }

  /** The validated incident in `bytes` (a JSON body), or the coded error its parsing raised. */
  parse(bytes: Uint8Array): Promise<Incident> {
    if (this.closed) return Promise.reject(new SafeError(ERROR_CODES.SHUTTING_DOWN, 'the engine is shutting down'));
    return new Promise<Incident>((resolve, reject) => {
      this.waiting.push({ taskId: this.nextTaskId++, bytes, byteLength: bytes.byteLength, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const closing = () => new SafeError(ERROR_CODES.SHUTTING_DOWN, 'the engine is shutting down');
    for (const task of this.waiting.splice(0)) task.reject(closing());
    for (const slot of this.slots) { slot.task?.reject(closing()); if (slot.idleTimer) clearTimeout(slot.idleTimer); }
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const slot = this.slots.find((s) => s.task === null) ?? (this.slots.length < this.size ? this.startWorker() : null);
      if (!slot) return;
      const task = this.waiting.shift() as Task;
      if (slot.idleTimer) { clearTimeout(slot.idleTimer); slot.idleTimer = null; }
      slot.task = task;
      slot.worker.postMessage({ taskId: task.taskId, bytes: task.bytes } satisfies ParseRequest, transferable(task.bytes));
      collectWhileParsing(task.byteLength);
    }
    for (const slot of this.slots) if (slot.task === null && slot.idleTimer === null) slot.idleTimer = setTimeout(() => this.retire(slot), this.idleExitMs).unref();
  }

  /** An idle worker exits, and its heap goes back to the system with it. */
  private retire(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (slot.task !== null || this.closed || index === -1) return;
    slot.retiring = true;
    this.slots.splice(index, 1);
    void slot.worker.terminate();
  }

  private startWorker(): Slot {
    const worker = new Worker(this.worker.url, { workerData: this.worker.workerData, resourceLimits: PARSER_WORKER_LIMITS });
    worker.unref();
    const slot: Slot = { worker, task: null, idleTimer: null, retiring: false };
    worker.on('message', (reply: ParseReply) => {
      const task = slot.task;
      slot.task = null;
      if (task && task.byteLength >= this.retireAfterBytes) this.retire(slot);
      if (task && task.taskId === reply.taskId) {
        if (reply.ok) {
          // Rebuilding from the worker's JSON costs this thread less than parsing and validating did.
          const incident = JSON.parse(reply.json) as Incident;
          this.parsedCount++;
          task.resolve(markValidated(incident));
        } else {
          task.reject(new SafeError(reply.error.code, reply.error.message, reply.error.field));
        }
      }
      this.dispatch();
    });
    const fail = (err: Error) => {
      if (slot.retiring) return;
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots.splice(index, 1);
      slot.task?.reject(new SafeError(ERROR_CODES.INTERNAL, `a body-parsing worker failed: ${err.message}`));
      slot.task = null;
      if (!this.closed) this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => { if (!this.closed) fail(new Error(`exited with code ${code}`)); });
    this.slots.push(slot);
    return slot;
  }
}

/** The body's memory moves to the worker when it is the whole of its buffer (large bodies are); else copied. */
function transferable(bytes: Uint8Array): ArrayBuffer[] {
  const buffer = bytes.buffer;
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength ? [buffer] : [];
}
