// Keeps the engine's utility process alive (VS Code's extension-host habit): health pings, restart with
// exponential backoff when it dies or stops answering, and no request lost silently — requests in flight
// when the engine dies are resubmitted once to the new engine (an analysis keeps its id), and fail with
// SAFE_E_ENGINE_RESTARTED if the engine dies again. Electron is injected, so this runs under plain Node.
// Requests name an operation of the table (engine/contract/operations.ts); replies are typed by it.
import { PING_REQUEST_ID, type HostMessage, type HostRequest } from '../../engine/contract/hostProtocol.js';
import { ERROR_CODES, SafeError } from '../../engine/contract/errors.js';
import type { OperationArgs, OperationArgsInput, OperationEvent, OperationName, OperationResult } from '../../engine/contract/operations.js';
import type { EngineStatus } from '../../engine/contract/ipc.js';

export interface EngineProcess {
  postMessage(message: HostRequest): void;
  onMessage(listener: (message: HostMessage) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SupervisorOptions {
  spawn: () => EngineProcess;
  onStatus?: (status: EngineStatus) => void;
  /** Waits between restarts after consecutive failures; the last value repeats. */
  backoffMs?: number[];
  pingIntervalMs?: number;
  pingTimeoutMs?: number;
  /** An engine that has not said ready within this time is killed and restarted. */
  readyTimeoutMs?: number;
  /** Restarts after this many consecutive failures without a healthy minute stop: status `failed`. */
  maxConsecutiveRestarts?: number;
  timers?: Timers;
}

/** A request without its id (distributes over the union so each operation keeps its own arguments). */
type Body = HostRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;
interface Pending { body: Body; resolve: (v: unknown) => void; reject: (e: SafeError) => void; onEvent?: (e: unknown) => void; attempts: number }

export class EngineSupervisor {
  private process: EngineProcess | null = null;
  private ready = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly waiting: Pending[] = [];
  private consecutiveFailures = 0;
  private restarts = 0;
  private stopped = false;
  private pingTimer: unknown = null;
  private pingDeadline: unknown = null;
  private stableTimer: unknown = null;
  private readyDeadline: unknown = null;
  private failed = false;
  private readonly timers: Timers;
  private readonly backoffMs: number[];

  constructor(private readonly options: SupervisorOptions) {
    this.timers = options.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
    this.backoffMs = options.backoffMs ?? [250, 1000, 2000, 5000, 10_000];
  }

  start(): void {
    this.stopped = false;
    this.launch();
  }

  private readonly resultListeners = new Map<OperationName, Array<(result: unknown) => void>>();

  /** Calls `listener` with every successful result of `op` (the shell's notifications). */
  onResult<K extends OperationName>(op: K, listener: (result: OperationResult<K>) => void): void {
    this.resultListeners.set(op, [...(this.resultListeners.get(op) ?? []), listener as (result: unknown) => void]);
  }

  /** Calls an operation in the engine; resolves with its value, rejects with a SafeError carrying the engine's code. */
  request<K extends OperationName>(op: K, args: OperationArgsInput<K> | OperationArgs<K>, onEvent?: (event: OperationEvent<K>) => void): Promise<OperationResult<K>> {
    if (this.failed) return Promise.reject(new SafeError(ERROR_CODES.ENGINE_FAILED, 'the engine has failed and is not being restarted; restart the app'));
    return new Promise((resolve, reject) => {
      // The engine answers with the operation's own result (the host checks arguments; tests check replies against the schema).
      const item: Pending = { body: { op, args } as Body, resolve: resolve as (v: unknown) => void, reject, onEvent: onEvent as ((e: unknown) => void) | undefined, attempts: 0 };
      if (this.ready && this.process) this.send(item); else this.waiting.push(item);
    });
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    this.process?.kill();
    this.process = null;
    for (const item of [...this.pending.values(), ...this.waiting.splice(0)]) item.reject(new SafeError(ERROR_CODES.SHUTTING_DOWN, 'the app is closing'));
    this.pending.clear();
  }

  private status(state: EngineStatus['state'], message?: string): void {
    this.options.onStatus?.({ state, restarts: this.restarts, ...(message ? { message } : {}) });
  }

  private launch(): void {
    this.ready = false;
    this.status(this.restarts === 0 ? 'starting' : 'restarting');
    const child = this.options.spawn();
    this.process = child;
    child.onMessage((message) => this.onMessage(child, message));
    child.onExit((code) => { if (this.process === child) this.onDeath(`engine exited with code ${code}`); });
    // An engine that never says ready (a model that hangs while loading) counts as dead.
    this.readyDeadline = this.timers.setTimeout(() => {
      if (this.process === child && !this.ready) { this.onDeath('engine did not become ready'); child.kill(); }
    }, this.options.readyTimeoutMs ?? 30_000);
  }

  private onMessage(child: EngineProcess, message: HostMessage): void {
    if (child !== this.process) return;
    if (message.type === 'ready') {
      this.ready = true;
      if (this.readyDeadline) this.timers.clearTimeout(this.readyDeadline);
      this.readyDeadline = null;
      this.status('ready');
      // A minute of health resets the backoff: the next crash restarts quickly again.
      this.stableTimer = this.timers.setTimeout(() => { this.consecutiveFailures = 0; }, 60_000);
      for (const item of this.waiting.splice(0)) this.send(item);
      this.schedulePing();
      return;
    }
    if (message.type === 'event') {
      this.pending.get(message.requestId)?.onEvent?.(message.event);
      return;
    }
    if (message.id === PING_REQUEST_ID) {
      if (this.pingDeadline) this.timers.clearTimeout(this.pingDeadline);
      this.pingDeadline = null;
      this.schedulePing();
      return;
    }
    const item = this.pending.get(message.id);
    if (!item) return;
    this.pending.delete(message.id);
    if (!message.ok) { item.reject(SafeError.fromBody(message.error)); return; }
    item.resolve(message.value);
    for (const listener of this.resultListeners.get(item.body.op) ?? []) listener(message.value);
  }

  private send(item: Pending): void {
    const id = this.nextId++;
    item.attempts++;
    this.pending.set(id, item);
    this.process?.postMessage({ ...item.body, id } as HostRequest);
  }

  private schedulePing(): void {
    const interval = this.options.pingIntervalMs ?? 5000;
    this.pingTimer = this.timers.setTimeout(() => {
      if (!this.process || !this.ready) return;
      this.process.postMessage({ id: PING_REQUEST_ID, op: 'health', args: {} });
      this.pingDeadline = this.timers.setTimeout(() => {
        const child = this.process;
        this.onDeath('engine stopped answering health pings');
        child?.kill();
      }, this.options.pingTimeoutMs ?? 3000);
    }, interval);
  }

  private clearTimers(): void {
    for (const handle of [this.pingTimer, this.pingDeadline, this.stableTimer, this.readyDeadline]) if (handle) this.timers.clearTimeout(handle);
    this.pingTimer = this.pingDeadline = this.stableTimer = this.readyDeadline = null;
  }

  private onDeath(reason: string): void {
    if (this.stopped) return;
    this.clearTimers();
    this.process = null;
    this.ready = false;
    // Requests in flight go back to the queue once; a second loss fails them visibly.
    for (const item of this.pending.values()) {
      if (item.attempts < 2) this.waiting.push(item);
      else item.reject(new SafeError(ERROR_CODES.ENGINE_RESTARTED, `the engine restarted twice while handling this request (${reason})`));
    }
    this.pending.clear();
    this.consecutiveFailures++;
    const max = this.options.maxConsecutiveRestarts ?? 8;
    if (this.consecutiveFailures > max) {
      this.failed = true;
      this.status('failed', reason);
      for (const item of this.waiting.splice(0)) item.reject(new SafeError(ERROR_CODES.ENGINE_FAILED, `the engine keeps failing: ${reason}`));
      return;
    }
    this.restarts++;
    this.status('restarting', reason);
    const delay = this.backoffMs[Math.min(this.consecutiveFailures - 1, this.backoffMs.length - 1)] as number;
    this.timers.setTimeout(() => { if (!this.stopped) this.launch(); }, delay);
  }
}
