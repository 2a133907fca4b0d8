// Resumable downloads against a loopback HTTP server that cuts the connection where it is told to:
// an interrupted download resumes with a Range request and costs at most one slice again; a tampered
// slice stops the download at that slice; a longer file stops at its signed length; a server that
// ignores Range still gives a verified file.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TargetFile } from '@tufjs/models';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import { CHUNK_BYTES } from '../contract/modelChannel.js';
import { downloadResumable } from './targetDownload.js';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const FILE = randomBytes(CHUNK_BYTES * 20 + 1234);
const SLICES = Array.from({ length: Math.ceil(FILE.length / CHUNK_BYTES) }, (_, i) => sha256(FILE.subarray(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES)));
const target = new TargetFile({ path: 'm/1/model.onnx', length: FILE.length, hashes: { sha256: sha256(FILE) } });

interface Behaviour { body: Buffer; cutAfterBytes?: number; ignoreRange?: boolean }
let behaviour: Behaviour = { body: FILE };
let bytesSent = 0;
const server: Server = createServer((request, response) => {
  const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? '');
  const from = range && !behaviour.ignoreRange ? Number(range[1]) : 0;
  const body = behaviour.body.subarray(from);
  response.writeHead(from > 0 ? 206 : 200, { 'content-length': body.length, ...(from > 0 ? { 'content-range': `bytes ${from}-${behaviour.body.length - 1}/${behaviour.body.length}` } : {}) });
  const cut = behaviour.cutAfterBytes;
  if (cut !== undefined) {
    behaviour = { ...behaviour, cutAfterBytes: undefined }; // once
    response.write(body.subarray(0, cut), () => { bytesSent += cut; response.destroy(); });
    return;
  }
  bytesSent += body.length;
  response.end(body);
});
const url = new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/file`)));
after(() => server.close());

const dir = mkdtempSync(join(tmpdir(), 'safe-download-'));
let n = 0;
const fresh = () => ({ dest: join(dir, `out-${n}`), partial: join(dir, `partial-${n++}`) });

test('an interrupted download resumes where it stopped, re-fetching at most one slice', async () => {
  const { dest, partial } = fresh();
  behaviour = { body: FILE, cutAfterBytes: Math.floor(FILE.length * 0.61) };
  bytesSent = 0;
  await assert.rejects(downloadResumable(await url, target, dest, partial, SLICES), (err: unknown) => err instanceof SafeError && err.code === ERROR_CODES.UPDATE_UNREACHABLE);
  const second = await downloadResumable(await url, target, dest, partial, SLICES);
  assert.ok(second.resumedFromBytes > 0 && second.resumedFromBytes <= Math.floor(FILE.length * 0.61));
  assert.ok(Math.floor(FILE.length * 0.61) - second.resumedFromBytes < CHUNK_BYTES, 'only the incomplete slice is fetched again');
  assert.deepEqual(readFileSync(dest), FILE);
  assert.ok(bytesSent - FILE.length < CHUNK_BYTES, `extra bytes ${bytesSent - FILE.length}`);
});

test('a tampered slice stops the download at that slice', async () => {
  const { dest, partial } = fresh();
  const tampered = Buffer.from(FILE);
  tampered[CHUNK_BYTES * 3 + 10] = (tampered[CHUNK_BYTES * 3 + 10] as number) ^ 0xff;
  behaviour = { body: tampered };
  await assert.rejects(downloadResumable(await url, target, dest, partial, SLICES), (err: unknown) => err instanceof SafeError && err.code === ERROR_CODES.UPDATE_TAMPERED && /slice 3/.test(err.message));
});

test('a file longer than its signed length is cut off there and refused; without slice hashes the whole-file check refuses a tampered one', async () => {
  behaviour = { body: Buffer.concat([FILE, randomBytes(5000)]) };
  const a = fresh();
  await assert.rejects(downloadResumable(await url, target, a.dest, a.partial, SLICES), (err: unknown) => err instanceof SafeError && err.code === ERROR_CODES.UPDATE_OVERSIZE);
  const tampered = Buffer.from(FILE);
  tampered[100] = (tampered[100] as number) ^ 0xff;
  behaviour = { body: tampered };
  const b = fresh();
  await assert.rejects(downloadResumable(await url, target, b.dest, b.partial), (err: unknown) => err instanceof SafeError && err.code === ERROR_CODES.UPDATE_TAMPERED);
});

test('a server that ignores Range sends the whole file again: still verified and complete', async () => {
  const { dest, partial } = fresh();
  behaviour = { body: FILE, cutAfterBytes: CHUNK_BYTES * 5, ignoreRange: true };
  await assert.rejects(downloadResumable(await url, target, dest, partial, SLICES));
  const second = await downloadResumable(await url, target, dest, partial, SLICES);
  assert.equal(second.bytesReceived, FILE.length);
  assert.deepEqual(readFileSync(dest), FILE);
});
