// The model update server (docs/updates.md, "Update server"): one fastify app that serves the channel
// as static files (with Range requests, so a laptop resumes a broken download), lets IT publish, revoke
// and stage versions with the channel keys it was given, takes signed reports from the devices for
// the fleet page, and serves the desktop app's own releases to electron-updater (docs/updates.md, "The
// app itself"). The channel stays plain files: nginx or a CDN can serve it instead; this server is
// then needed only for publishing and for the reports.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { createHash, timingSafeEqual, verify } from 'node:crypto';
import { z } from 'zod';
import { ERROR_CODES, HTTP_STATUS, SafeError, toErrorBody } from '../../engine/contract/errors.js';
import { CHANNEL_PATH, DEVICE_REPORT_PATH, deviceReportPayloadSchema, deviceReportSchema } from '../../engine/contract/deviceReport.js';
import { rolloutSchema } from '../../engine/contract/modelChannel.js';
import { APP_STAGING_PATH, appStagingBodySchema } from '../../engine/contract/appUpdates.js';
import { ChannelRepository } from '../channel/channelRepository.js';
import type { RoleKeys } from '../channel/keys.js';
import { FleetStore } from './fleetStore.js';
import { fleetPage, type AppReleasesView } from './fleetPage.js';
import { registerAppFiles } from './appFiles.js';
import { listAppReleases, setAppStaging } from '../releases/appReleases.js';

export interface UpdateServerOptions {
  channelDir: string;
  /** electron-builder's output folder for the app's own updates; null: none served. */
  appDir?: string | null;
  /** The targets, snapshot and timestamp keys (the root key stays offline); null: read-only server. */
  keys: Partial<RoleKeys> | null;
  stateDir: string;
  /** IT's bearer token for publishing and the fleet page. */
  adminToken: string;
  now?: () => Date;
}

const publishBody = z.object({ versionDir: z.string().min(1), version: z.number().int().positive().optional(), rollout: rolloutSchema.partial().optional() });
const modelRef = z.object({ name: z.string().regex(/^[a-z][a-z0-9-]*$/), version: z.number().int().positive() });
const revokeBody = modelRef.extend({ reason: z.string().min(1).max(500) });
const rolloutBody = modelRef.extend({ rollout: rolloutSchema.partial() });

const parse = <T>(schema: z.ZodType<T>, value: unknown): T => {
  const parsed = schema.safeParse(value);
  if (!parsed.success) { const issue = parsed.error.issues[0]; throw new SafeError(ERROR_CODES.INVALID_FIELD, `${issue?.path.join('.') || 'body'}: ${issue?.message}`, issue?.path.join('.')); }
  return parsed.data;
};

const sameToken = (given: string, expected: string) => {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
};

export function buildUpdateServer(options: UpdateServerOptions): FastifyInstance & { fleet: FleetStore } {
  const now = options.now ?? (() => new Date());
  const fleet = new FleetStore(options.stateDir);
  const app = Fastify({ logger: false, bodyLimit: 512 * 1024 });
  app.setErrorHandler((err, _request, reply) => {
    const body = toErrorBody(err, ERROR_CODES.INTERNAL);
    const status = err instanceof SafeError ? HTTP_STATUS[err.code] : (err as { statusCode?: number }).statusCode ?? 500;
    void reply.code(status).send(status >= 500 && !(err instanceof SafeError) ? { code: ERROR_CODES.INTERNAL, message: 'internal error' } : body);
  });
  const admin = async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization ?? '';
    const query = (request.query as { token?: string }).token ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7) : query;
    if (!given || !sameToken(given, options.adminToken)) {
      await reply.code(401).send({ code: ERROR_CODES.UNAUTHORIZED, message: 'the update server needs its admin token (Authorization: Bearer …)' });
    }
  };
  const writable = () => {
    if (!options.keys) throw new SafeError(ERROR_CODES.CHANNEL_INVALID, 'this update server was started without channel keys (--keys): it serves the channel read-only', 'keys');
    return ChannelRepository.open(options.channelDir, options.keys);
  };

  // The channel: plain files, Range requests on (resumable downloads), never cached stale metadata.
  void app.register(fastifyStatic, {
    root: options.channelDir, prefix: CHANNEL_PATH, acceptRanges: true, index: false,
    setHeaders: (res, path) => { res.header('cache-control', /(timestamp|\/root)\.json$/.test(path) ? 'no-cache' : 'public, max-age=31536000, immutable'); },
  });

  app.get('/api/models', async () => {
    const channel = ChannelRepository.open(options.channelDir, {});
    return { models: channel.listModels(), revocations: channel.revocations().revoked };
  });
  app.post('/api/models/publish', { preHandler: admin }, async (request) => {
    const body = parse(publishBody, request.body);
    return writable().publish(body.versionDir, { version: body.version, rollout: body.rollout });
  });
  app.post('/api/models/revoke', { preHandler: admin }, async (request) => {
    const body = parse(revokeBody, request.body);
    writable().revoke(body.name, body.version, body.reason);
    return { revoked: `${body.name}@${body.version}` };
  });
  app.post('/api/models/rollout', { preHandler: admin }, async (request) => {
    const body = parse(rolloutBody, request.body);
    return writable().setRollout(body.name, body.version, body.rollout);
  });

  // Device reports: registered on first contact by the key they carry, held to that key afterwards.
  app.post(DEVICE_REPORT_PATH, async (request, reply) => {
    const report = parse(deviceReportSchema, request.body);
    const idOfKey = createHash('sha256').update(report.publicKeyPem).digest('hex').slice(0, 32);
    if (idOfKey !== report.deviceId) throw new SafeError(ERROR_CODES.FORBIDDEN, 'the device id is not the fingerprint of the key sent with it', 'deviceId');
    const known = fleet.device(report.deviceId);
    if (known && known.publicKeyPem !== report.publicKeyPem) throw new SafeError(ERROR_CODES.FORBIDDEN, 'this device registered another key', 'publicKeyPem');
    let signed = false;
    try { signed = verify(null, Buffer.from(report.payload), report.publicKeyPem, Buffer.from(report.signature, 'base64')); } catch { signed = false; }
    if (!signed) throw new SafeError(ERROR_CODES.FORBIDDEN, 'the report is not signed by the device key', 'signature');
    const payload = parse(deviceReportPayloadSchema, JSON.parse(report.payload));
    const at = now().toISOString();
    if (!known) fleet.register(report.deviceId, report.publicKeyPem, at);
    if (!fleet.addReport(report.deviceId, at, payload.sequence, payload)) {
      throw new SafeError(ERROR_CODES.FORBIDDEN, `report sequence ${payload.sequence} is not above the last one taken from this device (a replay)`, 'payload.sequence');
    }
    return reply.code(202).send({ accepted: true, registered: !known });
  });

  // The app's releases: files for electron-updater, and IT's staging percentage across all platforms.
  const appDir = options.appDir ?? null;
  registerAppFiles(app, appDir);
  app.post(APP_STAGING_PATH, { preHandler: admin }, async (request) => {
    const body = parse(appStagingBodySchema, request.body);
    if (!appDir) throw new SafeError(ERROR_CODES.APP_RELEASES_INVALID, 'this update server was started without --app-dir: it serves no app releases', 'appDir');
    return { releases: setAppStaging(appDir, body.percent) };
  });
  const appReleasesView = (): AppReleasesView => {
    if (!appDir) return { served: false, releases: [], problem: null };
    try { return { served: true, releases: listAppReleases(appDir), problem: null }; } catch (err) { return { served: true, releases: [], problem: toErrorBody(err, ERROR_CODES.INTERNAL).message }; }
  };

  app.get('/api/fleet', { preHandler: admin }, async () => ({ devices: fleet.devices().map(({ publicKeyPem: _k, ...d }) => d), reports: fleet.latestReports() }));
  app.get('/fleet', { preHandler: admin }, async (_request, reply) => {
    const channel = ChannelRepository.open(options.channelDir, {});
    return reply.type('text/html; charset=utf-8').send(fleetPage({ models: channel.listModels(), revocations: channel.revocations().revoked, app: appReleasesView(), devices: fleet.devices(), reports: fleet.latestReports(50) }));
  });
  app.addHook('onClose', async () => fleet.close());
  return Object.assign(app, { fleet });
}
