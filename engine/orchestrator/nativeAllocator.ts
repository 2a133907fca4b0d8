// glibc's allocator keeps what a large incident freed (docs/hardening.md#memory). glibc serves blocks
// above its mmap threshold from mmap and gives them back on free, but it raises that threshold to the size
// of the largest such block freed (up to 32 MB): after one 15 MB body, its copies and SQLite's copy of its
// text, blocks of up to that size come from heaps that keep freed memory, and the process's RSS stays
// high. Fixing the thresholds (what MALLOC_MMAP_THRESHOLD_ and MALLOC_TRIM_THRESHOLD_ do when set before
// a process starts) is done here with mallopt(3), called through koffi, so every engine host gets it
// without a launcher: node cannot set its own environment before it starts. Nothing else of the
// allocator is changed. Where there is no glibc (macOS, Windows, musl) nothing is done, and said so.
import { createRequire } from 'node:module';
import type * as Koffi from 'koffi';

/** Blocks of at least this size come from mmap and go back to the system when freed (glibc's starting value). */
export const MMAP_THRESHOLD_BYTES = 128 * 1024;
/** Free memory above this at the top of a heap goes back to the system (glibc's starting value). */
export const TRIM_THRESHOLD_BYTES = 128 * 1024;
/** The environment settings an operator may have chosen instead; the engine then leaves them alone. */
export const ALLOCATOR_ENVIRONMENT = ['MALLOC_MMAP_THRESHOLD_', 'MALLOC_TRIM_THRESHOLD_'] as const;

// <malloc.h>
const M_TRIM_THRESHOLD = -1;
const M_MMAP_THRESHOLD = -3;

export type AllocatorTuning =
  | { state: 'tuned'; mmapThresholdBytes: number; trimThresholdBytes: number }
  | { state: 'set-by-environment'; settings: string[] }
  | { state: 'unavailable'; reason: string };

/** mallopt(3) of the C library in this process, or the reason it cannot be reached. */
export type MalloptLoader = () => ((param: number, value: number) => number) | string;

function loadGlibcMallopt(): ((param: number, value: number) => number) | string {
  if (process.platform !== 'linux') return `not Linux (${process.platform}): the system's allocator is left as it is`;
  try {
    // Loaded here, not when the module is imported: about 40 ms, spent while the agent workers load their models.
    // eslint-disable-next-line no-restricted-syntax -- a deferred load of a third-party package, named by the type import above, so the layering rules still see it
    const koffi = createRequire(import.meta.url)('koffi') as typeof Koffi;
    // glibc's soname; musl has none by this name, and its allocator has no mallopt.
    const libc = koffi.load('libc.so.6');
    return libc.func('int mallopt(int param, int value)') as (param: number, value: number) => number;
  } catch (err) {
    return `glibc's mallopt could not be reached: ${(err as Error).message}`;
  }
}

/** Sets the thresholds through `load`'s mallopt unless the environment chose them; says what it did. */
export function applyAllocatorTuning(env: NodeJS.ProcessEnv, load: MalloptLoader): AllocatorTuning {
  const chosen = ALLOCATOR_ENVIRONMENT.filter((name) => env[name] !== undefined).map((name) => `${name}=${env[name]}`);
  if (chosen.length > 0) return { state: 'set-by-environment', settings: chosen };
  const mallopt = load();
  if (typeof mallopt === 'string') return { state: 'unavailable', reason: mallopt };
  // mallopt answers 1 when it took the value.
  if (mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) !== 1 || mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES) !== 1) {
    return { state: 'unavailable', reason: 'mallopt refused the thresholds' };
  }
  return { state: 'tuned', mmapThresholdBytes: MMAP_THRESHOLD_BYTES, trimThresholdBytes: TRIM_THRESHOLD_BYTES };
}

let tuned: AllocatorTuning | null = null;

/** Fixes glibc's thresholds for the whole process, once (every thread's allocations after it). */
export function tuneNativeAllocator(): AllocatorTuning {
  tuned ??= applyAllocatorTuning(process.env, loadGlibcMallopt);
  return tuned;
}

/** What `tuneNativeAllocator` did in this process, or null before it ran. */
export function nativeAllocatorTuning(): AllocatorTuning | null {
  return tuned;
}
