// The app's releases over HTTP: `GET <APP_UPDATES_PATH><file>` from the release folder, the generic feed
// electron-updater reads (docs/updates.md, "The app itself"). Range requests are answered, one range or
// many (multipart/byteranges), so differential downloads work; the latest*.yml files are never cached, so
// a new release or a new staging percentage is seen at the next check.
import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { APP_UPDATES_PATH, isAppUpdateInfoFile } from '../../engine/contract/appUpdates.js';
import { ERROR_CODES, SafeError } from '../../engine/contract/errors.js';
import { contentRange, multipartFraming, parseRange, rangeLength, readRanges } from './byteRanges.js';

/**
 * Which names of electron-builder's output are served: the update-info files and the artifacts. Not its
 * other YAML (builder-debug.yml, builder-effective-config.yaml: build internals), not dot-files (a
 * rename in progress), nothing in a subfolder (win-unpacked/ and the like).
 */
export const isServedAppFile = (name: string): boolean =>
  /^[^/\\\0]+$/.test(name) && !name.startsWith('.') && (isAppUpdateInfoFile(name) || !/\.ya?ml$/i.test(name));

const contentTypeOf = (name: string) => (name.endsWith('.yml') ? 'text/yaml; charset=utf-8' : 'application/octet-stream');

export function registerAppFiles(app: FastifyInstance, appDir: string | null): void {
  app.get(`${APP_UPDATES_PATH}:file`, async (request, reply) => {
    const name = (request.params as { file: string }).file;
    if (!appDir) throw new SafeError(ERROR_CODES.NOT_FOUND, 'this update server serves no app releases: start it with --app-dir', 'file');
    const path = join(appDir, name);
    const size = isServedAppFile(name) ? await stat(path).then((s) => (s.isFile() ? s.size : null), () => null) : null;
    if (size === null) throw new SafeError(ERROR_CODES.NOT_FOUND, `no app release file ${name}`, 'file');

    const type = contentTypeOf(name);
    void reply.header('accept-ranges', 'bytes')
      .header('cache-control', isAppUpdateInfoFile(name) ? 'no-cache' : 'public, max-age=86400');
    const ranges = parseRange(request.headers.range, size);
    if (ranges === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${size}`).send();
    const handle = await open(path, 'r');
    if (ranges === null) {
      return reply.code(200).type(type).header('content-length', size).send(Readable.from(readRanges(handle, [{ start: 0, end: size - 1 }])));
    }
    if (ranges.length === 1) {
      const range = ranges[0] as (typeof ranges)[number];
      return reply.code(206).type(type).header('content-range', contentRange(range, size)).header('content-length', rangeLength(range))
        .send(Readable.from(readRanges(handle, ranges)));
    }
    const boundary = randomBytes(12).toString('hex');
    const { heads, tail, lengthBytes } = multipartFraming(ranges, size, type, boundary);
    return reply.code(206).type(`multipart/byteranges; boundary=${boundary}`).header('content-length', lengthBytes)
      .send(Readable.from(readRanges(handle, ranges, heads, tail)));
  });
}
