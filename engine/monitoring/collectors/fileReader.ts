// Reads the small /proc and /sys files the Linux collector samples every second (docs/device-health.md,
// "What monitoring costs") into one reused buffer. On the machine's own /proc and /sys each file is opened
// once and read again from offset 0 (pread): the kernel regenerates the text at each read, so there is no
// open, close or string per sample. Files of a fake root or an overlay (tests, fault injection) are opened
// at each read instead, because the fakes replace them by renaming and a kept descriptor would read the old
// file. The reads are synchronous: they run on the sampler's own thread (samplerWorker.ts), never on the
// engine's, and a /proc or /sys read takes microseconds.
import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';

/** Below a page (less a margin), one short read is the whole file; at or past it, read on (readAll). */
const SHORT_READ_MAY_CONTINUE = 3072;

/** A file of the real /proc or /sys: its descriptor, kept open, or missing (until forgetMissing). */
type Kept = { fd: number } | null;

export class FileReader {
  /** The bytes of the last read; valid until the next read. */
  buf: Buffer = Buffer.allocUnsafe(16 * 1024);
  private readonly kept = new Map<string, Kept>();
  private readonly keepOpen: boolean;

  /** `root`: the machine (`/`) or a fake one; `overlayRoot`: files there replace the same paths under `root`. */
  constructor(private readonly root: string, private readonly overlayRoot: string | undefined) {
    this.keepOpen = root === '/' && overlayRoot === undefined;
  }

  /** Reads `path` (relative to the root) into `buf`; its length, or -1 when it cannot be read. */
  read(path: string): number {
    if (!this.keepOpen) {
      const overlaid = this.overlayRoot !== undefined ? this.readOnce(join(this.overlayRoot, path)) : -1;
      return overlaid >= 0 ? overlaid : this.readOnce(join(this.root, path));
    }
    let kept = this.kept.get(path);
    if (kept === undefined) {
      try { kept = { fd: openSync(join(this.root, path), 'r') }; } catch { kept = null; }
      this.kept.set(path, kept);
    }
    if (kept === null) return -1;
    try { return this.readAll(kept.fd); } catch {
      // The attribute went away (a battery removed): missing until the next forgetMissing().
      closeSync(kept.fd);
      this.kept.set(path, null);
      return -1;
    }
  }

  /** A folder's entries (the overlay's folder replaces the root's); none when it cannot be read. Listing is
   *  the collector's slow path: it lists at start and then once a minute (linuxCollector.ts). */
  list(path: string): string[] {
    const at = (base: string) => { try { return readdirSync(join(base, path)); } catch { return null; } };
    return (this.overlayRoot !== undefined ? at(this.overlayRoot) : null) ?? at(this.root) ?? [];
  }

  /** Forgets which files were missing, so a battery or sensor that appeared since is found; kept
   *  descriptors stay open. */
  forgetMissing(): void {
    for (const [path, kept] of this.kept) if (kept === null) this.kept.delete(path);
  }

  close(): void {
    for (const kept of this.kept.values()) if (kept !== null) closeSync(kept.fd);
    this.kept.clear();
  }

  /** A fake's file, opened for this read alone; -1 when it cannot be read. */
  private readOnce(file: string): number {
    let fd: number;
    try { fd = openSync(file, 'r'); } catch { return -1; }
    try { return this.readAll(fd); } catch { return -1; } finally { closeSync(fd); }
  }

  /** The whole file from offset 0, growing the buffer for a long one (a machine with many cores or
   *  interfaces). A short read of a small file reached its end: /proc and /sys give a small file's text in
   *  one read, and asking again past its end would make the kernel generate it a second time. A file of
   *  records (/proc/net/dev on a host with many interfaces) may come a page at a time, so past
   *  SHORT_READ_MAY_CONTINUE bytes it is read until a read returns nothing. */
  private readAll(fd: number): number {
    let length = 0;
    for (;;) {
      const room = this.buf.length - length;
      const n = readSync(fd, this.buf, length, room, length);
      length += n;
      if (n === 0 || (n < room && length < SHORT_READ_MAY_CONTINUE)) return length;
      if (length === this.buf.length) {
        const bigger = Buffer.allocUnsafe(this.buf.length * 2);
        this.buf.copy(bigger, 0, 0, length);
        this.buf = bigger;
      }
    }
  }
}
