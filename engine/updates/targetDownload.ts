// A resumable download of one channel file over HTTP (docs/updates.md, "Downloads"). The bytes go to a
// partial file in the data directory named by the file's signed sha256, so an interrupted download
// continues with a Range request where it stopped, never into another file. What a partial file already
// holds is checked slice by slice against the chunk hashes signed with the version, and so is each slice
// as it arrives: a bad slice stops the download at once. The whole file is then checked against its
// signed length and sha256 by @tufjs/models (TargetFile.verify) before it is used. Never more than the
// signed length is read.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, openSync, closeSync, readSync, renameSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { TargetFile } from '@tufjs/models';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import { CHUNK_BYTES } from '../contract/modelChannel.js';

import type { DownloadStats } from './channelView.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Keeps the leading whole slices of a partial `file` that match `hashes` (of a file of `totalBytes`)
 *  and cuts off the rest; returns the bytes kept. */
function keepVerifiedPrefix(file: string, hashes: readonly string[] | undefined, totalBytes: number): number {
  if (!existsSync(file)) return 0;
  if (!hashes) { rmSync(file); return 0; } // nothing to check a partial file against: start over
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(CHUNK_BYTES);
  let kept = 0;
  try {
    for (let i = 0; i < hashes.length; i++) {
      const length = Math.min(CHUNK_BYTES, totalBytes - i * CHUNK_BYTES);
      if (size < kept + length) break; // an incomplete last slice is fetched again
      readSync(fd, buffer, 0, length, kept);
      if (sha256(buffer.subarray(0, length)) !== hashes[i]) break;
      kept += length;
    }
  } finally {
    closeSync(fd);
  }
  truncateSync(file, kept);
  return kept;
}

/**
 * Downloads `target` from `url` into `dest`. `partialDir` keeps interrupted downloads; `chunkHashes` are
 * the signed slice hashes (without them a partial file is not trusted and the download starts over).
 */
export async function downloadResumable(url: string, target: TargetFile, dest: string, partialDir: string, chunkHashes?: readonly string[],
  fetchImpl: typeof fetch = fetch): Promise<DownloadStats> {
  const hash = target.hashes.sha256;
  if (!hash) throw new SafeError(ERROR_CODES.UPDATE_TAMPERED, `${target.path} is listed without a sha256`, 'target');
  mkdirSync(partialDir, { recursive: true });
  const partial = join(partialDir, `${hash}.part`);
  const resumedFromBytes = keepVerifiedPrefix(partial, chunkHashes, target.length);
  let bytesReceived = 0;
  if (resumedFromBytes < target.length) {
    let response: Response;
    try {
      response = await fetchImpl(url, { headers: resumedFromBytes > 0 ? { range: `bytes=${resumedFromBytes}-` } : {}, signal: AbortSignal.timeout(120_000) });
    } catch (err) {
      throw new SafeError(ERROR_CODES.UPDATE_UNREACHABLE, `${target.path}: ${(err as Error).message}`, 'target');
    }
    if (!response.ok || !response.body) throw new SafeError(ERROR_CODES.UPDATE_UNREACHABLE, `${target.path}: HTTP ${response.status}`, 'target');
    // A server that ignores Range sends the whole file (200): start the partial file over.
    let offset = response.status === 206 ? resumedFromBytes : 0;
    if (offset === 0 && existsSync(partial)) truncateSync(partial, 0);
    const fd = openSync(partial, 'a');
    let slice = Buffer.alloc(0);
    let sliceIndex = Math.floor(offset / CHUNK_BYTES);
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        if (offset + chunk.length > target.length) {
          throw new SafeError(ERROR_CODES.UPDATE_OVERSIZE, `${target.path} is longer than its signed ${target.length} bytes; the download was stopped there`, 'target');
        }
        bytesReceived += chunk.length;
        slice = Buffer.concat([slice, chunk]);
        // Whole slices are checked before they are written: a bad one stops the download at once.
        while (slice.length >= CHUNK_BYTES || (offset + slice.length === target.length && slice.length > 0)) {
          const piece = slice.subarray(0, Math.min(CHUNK_BYTES, slice.length));
          if (chunkHashes && sha256(piece) !== chunkHashes[sliceIndex]) {
            throw new SafeError(ERROR_CODES.UPDATE_TAMPERED, `${target.path}: slice ${sliceIndex} does not match its signed hash`, 'target');
          }
          writeSync(fd, piece);
          offset += piece.length;
          sliceIndex++;
          slice = slice.subarray(piece.length);
        }
      }
    } catch (err) {
      if (err instanceof SafeError) { closeSync(fd); rmSync(partial, { force: true }); throw err; }
      closeSync(fd);
      throw new SafeError(ERROR_CODES.UPDATE_UNREACHABLE, `${target.path}: interrupted after ${offset} bytes (${(err as Error).message}); the next update resumes there`, 'target');
    }
    closeSync(fd);
  }
  try {
    await target.verify(createReadStream(partial));
  } catch (err) {
    rmSync(partial, { force: true });
    const text = (err as Error).message;
    throw new SafeError(/length/i.test(text) ? ERROR_CODES.UPDATE_OVERSIZE : ERROR_CODES.UPDATE_TAMPERED, `${target.path} does not match its signed length and hash: ${text}`, 'target');
  }
  renameSync(partial, dest);
  return { bytesReceived, resumedFromBytes };
}
