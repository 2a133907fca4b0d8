// HTTP Range requests (RFC 9110 §14) for the app's installers, including several ranges in one request
// answered as multipart/byteranges: electron-updater's differential download asks for every changed block
// of an installer in one request, and a server that answers it with the whole file (as @fastify/static
// does) makes every differential download fall back to a full one.
import type { FileHandle } from 'node:fs/promises';

/** An inclusive byte range, as HTTP writes them: bytes=0-99 is the first 100 bytes. */
export interface ByteRange { start: number; end: number }

/** electron-updater asks for at most 1000 ranges per request; more is not a client of ours. */
export const MAX_RANGES = 1024;
const READ_CHUNK_BYTES = 64 * 1024;

/**
 * The ranges a Range header asks of a file of `sizeBytes`, in the order asked. null: serve the whole file
 * (no header, one that does not parse, overlapping ranges or too many of them, all of which RFC 9110 lets a
 * server ignore); 'unsatisfiable': none of them lies inside the file (416).
 */
export function parseRange(header: string | undefined, sizeBytes: number): ByteRange[] | 'unsatisfiable' | null {
  const match = header === undefined ? null : /^bytes=(.+)$/.exec(header.trim());
  if (!match) return null;
  const specs = (match[1] as string).split(',').map((s) => s.trim());
  if (specs.length > MAX_RANGES) return null;
  const ranges: ByteRange[] = [];
  for (const spec of specs) {
    const m = /^(\d*)-(\d*)$/.exec(spec);
    if (!m || (m[1] === '' && m[2] === '')) return null;
    if (m[1] === '') {
      // A suffix: the last N bytes.
      const suffix = Number(m[2]);
      if (suffix > 0 && sizeBytes > 0) ranges.push({ start: Math.max(0, sizeBytes - suffix), end: sizeBytes - 1 });
      continue;
    }
    const start = Number(m[1]);
    const end = m[2] === '' ? Infinity : Number(m[2]);
    if (end < start) return null;
    if (start < sizeBytes) ranges.push({ start, end: Math.min(end, sizeBytes - 1) });
  }
  if (!ranges.length) return 'unsatisfiable';
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  if (sorted.some((r, i) => i > 0 && r.start <= (sorted[i - 1] as ByteRange).end)) return null;
  return ranges;
}

export const rangeLength = (r: ByteRange) => r.end - r.start + 1;
export const contentRange = (r: ByteRange, sizeBytes: number) => `bytes ${r.start}-${r.end}/${sizeBytes}`;

/** The framing of a multipart/byteranges body: each part's head, the closing delimiter, and the total length. */
export function multipartFraming(ranges: ByteRange[], sizeBytes: number, contentType: string, boundary: string): { heads: Buffer[]; tail: Buffer; lengthBytes: number } {
  const heads = ranges.map((r, i) => Buffer.from(`${i === 0 ? '' : '\r\n'}--${boundary}\r\nContent-Type: ${contentType}\r\nContent-Range: ${contentRange(r, sizeBytes)}\r\n\r\n`));
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const lengthBytes = heads.reduce((n, h) => n + h.length, 0) + ranges.reduce((n, r) => n + rangeLength(r), 0) + tail.length;
  return { heads, tail, lengthBytes };
}

/**
 * The bytes of `ranges` from one open file, each preceded by `heads[i]` and followed by `tail`. One handle
 * for the whole response, so a release replaced while it is read never mixes two files. Closes the handle
 * when done or when the client goes away.
 */
export async function* readRanges(handle: FileHandle, ranges: ByteRange[], heads: Buffer[] = [], tail?: Buffer): AsyncGenerator<Buffer> {
  try {
    for (const [i, range] of ranges.entries()) {
      const head = heads[i];
      if (head) yield head;
      for (let at = range.start; at <= range.end;) {
        const want = Math.min(READ_CHUNK_BYTES, range.end - at + 1);
        const { bytesRead, buffer } = await handle.read(Buffer.alloc(want), 0, want, at);
        if (bytesRead === 0) throw new Error(`the file ended at ${at} bytes, before ${range.end + 1}: it was truncated while being served`);
        yield bytesRead === want ? buffer : buffer.subarray(0, bytesRead);
        at += bytesRead;
      }
    }
    if (tail) yield tail;
  } finally {
    await handle.close();
  }
}
