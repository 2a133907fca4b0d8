// Engine log: one JSON object per line on stderr (stdout carries results in the CLI). Quiet by default
// in tests; the level is the configuration's logLevel (env SAFE_EDGE_LOG).
//
// A log that cannot be written never takes the engine down (docs/hardening.md#saving): when a write fails
// (ENOSPC when the log shares a full disk, EPIPE when whoever read stderr went away, EIO), the line is
// dropped and counted, the failure is reported once to whoever watches (`delivery.onChange`: the bootstrap
// raises the health problem "log"), and when lines get through again the first says how many were lost.
// stderr is written by file descriptor, synchronously, and process.stderr gets an 'error' listener: an
// unheard stream error is thrown by Node and ends the process.
import { fstatSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Where lines go: a file descriptor (2, stderr, by default), a stream, or a function (tests collect lines). */
export type LogSink = number | NodeJS.WritableStream | ((line: string) => void);

/** Whether the log's lines reach their stream, and how many did not. */
export interface LogDeliveryState {
  /** true from the first failed write until a write succeeds again. */
  failing: boolean;
  /** Lines dropped since the engine started. */
  lostLines: number;
  /** The failure's system code (ENOSPC, EPIPE, EIO), or its message when it has none; null before any. */
  lastError: string | null;
}

export interface LogDelivery {
  state(): LogDeliveryState;
  /** Told once when the log starts failing and once when it works again; returns the unsubscribe. */
  onChange(listener: (state: LogDeliveryState) => void): () => void;
}

export type DeliveringLogger = Logger & { delivery: LogDelivery };

const errorName = (err: unknown): string => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : err instanceof Error ? err.message : String(err);
};

/** Streams already guarded: the one 'error' listener is added once however many loggers share a stream. */
const guarded = new WeakMap<NodeJS.WritableStream, Set<(err: unknown) => void>>();

function onStreamError(stream: NodeJS.WritableStream, handler: (err: unknown) => void): void {
  let handlers = guarded.get(stream);
  if (!handlers) {
    const set = new Set<(err: unknown) => void>();
    handlers = set;
    guarded.set(stream, set);
    stream.on('error', (err: unknown) => { for (const h of set) h(err); });
  }
  handlers.add(handler);
}

/** The delivery state and its watchers, shared by every kind of sink. */
function deliveryTracker() {
  const state: LogDeliveryState = { failing: false, lostLines: 0, lastError: null };
  const listeners = new Set<(state: LogDeliveryState) => void>();
  const tell = () => { for (const listener of listeners) { try { listener({ ...state }); } catch { /* a watcher must not break logging */ } } };
  return {
    state,
    lost(err: unknown) {
      state.lostLines++;
      state.lastError = errorName(err);
      if (!state.failing) { state.failing = true; tell(); }
    },
    delivered() {
      if (state.failing) { state.failing = false; tell(); }
    },
    delivery: {
      state: () => ({ ...state }),
      onChange: (listener) => { listeners.add(listener); return () => { listeners.delete(listener); }; },
    } satisfies LogDelivery,
  };
}

/** Writes each line with `writeLines` (synchronous; throws on failure). After an outage the first line
 *  that gets through is preceded by how many were lost. */
function syncWriter(writeLines: (lines: string[]) => void) {
  const tracker = deliveryTracker();
  let reported = 0;
  return {
    delivery: tracker.delivery,
    write(line: string) {
      const lost = tracker.state.lostLines - reported;
      const lines = lost > 0
        ? [JSON.stringify({ time: new Date().toISOString(), level: 'warn', msg: 'log lines were lost', lostLines: lost, error: tracker.state.lastError }), line]
        : [line];
      try {
        writeLines(lines);
        reported += lost;
        tracker.delivered();
      } catch (err) {
        tracker.lost(err);
      }
    },
  };
}

/** A Node stream cannot be written again after an error, so once it failed every line is lost (counted). */
function streamWriter(stream: NodeJS.WritableStream & { destroyed?: boolean; writableEnded?: boolean; errored?: unknown }) {
  const tracker = deliveryTracker();
  let streamError: unknown = null;
  // The stream's own 'error' event would otherwise be thrown and end the process; the failed line is
  // counted by its write callback.
  onStreamError(stream, (err) => { streamError = err; });
  return {
    delivery: tracker.delivery,
    write(line: string) {
      if (stream.destroyed === true || stream.writableEnded === true || (stream.errored ?? null) !== null) {
        tracker.lost(streamError ?? stream.errored ?? 'the log stream is closed');
        return;
      }
      try {
        stream.write(line + '\n', (err?: Error | null) => { if (err) tracker.lost(err); });
      } catch (err) {
        tracker.lost(err);
      }
    },
  };
}

const STDERR_FD = 2;
const ignore = () => {};

/** All of `text` to a blocking file descriptor (a write near a full disk may be partial, then fail). */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset);
}

/**
 * stderr redirected to a file (or a device such as /dev/full) is written by file descriptor: each line is
 * tried on its own, so the log resumes when the disk has room again, where a Node stream stays dead after
 * one error. A pipe, socket or terminal keeps Node's stream, which libuv writes without blocking (a full
 * pipe must not lose lines); its failures there (EPIPE) do not pass.
 */
function stderrSink(): LogSink {
  try {
    const stat = fstatSync(STDERR_FD);
    if (stat.isFile() || (stat.isCharacterDevice() && !isatty(STDERR_FD))) return STDERR_FD;
  } catch { /* no stderr at all: the stream path counts every line as lost */ }
  return process.stderr;
}

/** `sink`: stderr by default (see stderrSink); a number is a file descriptor written synchronously. */
export function createLogger(level: LogLevel = 'info', sink: LogSink = stderrSink()): DeliveringLogger {
  // Other writers of stderr (the CLI's messages) must not end the process on a failed write either.
  if (sink === STDERR_FD || sink === process.stderr) onStreamError(process.stderr, ignore);
  const writer = typeof sink === 'number' ? syncWriter((lines) => { writeAll(sink, lines.join('\n') + '\n'); })
    : typeof sink === 'function' ? syncWriter((lines) => { for (const line of lines) sink(line); })
      : streamWriter(sink);
  const at = (lvl: Exclude<LogLevel, 'silent'>) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (RANK[lvl] >= RANK[level]) writer.write(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...fields }));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), delivery: writer.delivery };
}
