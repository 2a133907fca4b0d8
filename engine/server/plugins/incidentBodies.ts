// Incident bodies under load (docs/hardening.md#load), for every route whose body is an incident:
// - held against the engine's body budget from the first byte (the announced length, else as bytes
//   arrive) until the analysis ends: beyond the budget SAFE_E_BUSY with Retry-After, before the body is read;
// - a body larger than `offThreadBytes` is parsed and validated on a body-parsing worker thread, so the
//   serving thread keeps answering /health; smaller ones take fastify's own JSON parser, as before.
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Transform } from 'node:stream';
import { OPERATIONS, isOperationName, type HttpBinding } from '../../contract/operations.js';
import type { BodyBudget, HeldBytes } from '../../orchestrator/bodyBudget.js';
import type { IncidentParserPool } from '../bodies/incidentParserPool.js';
import { operationOf } from './access.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** This request's incident body held against the body budget (null: the route carries none). */
    heldBody: HeldBytes | null;
  }
}

export interface IncidentBodiesOptions {
  budget: BodyBudget;
  pool: IncidentParserPool;
  offThreadBytes: number;
}

function carriesIncident(request: FastifyRequest): boolean {
  const name = operationOf(request);
  if (!isOperationName(name)) return false;
  const http: HttpBinding = OPERATIONS[name].http;
  return http.body === 'incident';
}

function announcedLength(request: FastifyRequest): number | null {
  const header = request.headers['content-length'];
  if (header === undefined) return null;
  const length = Number(header);
  return Number.isSafeInteger(length) && length >= 0 ? length : null;
}

async function incidentBodies(app: FastifyInstance, { budget, pool, offThreadBytes }: IncidentBodiesOptions): Promise<void> {
  app.decorateRequest('heldBody', null);
  // After the access checks (registered later than them): a refused caller holds nothing.
  app.addHook('onRequest', async (request, reply) => {
    if (!carriesIncident(request)) return;
    const held = budget.reserve(announcedLength(request) ?? 0);
    request.heldBody = held;
    // Whatever ends the request (an answer, an error, a client gone): the bytes go back unless an
    // analysis took the body, whose end releases them.
    reply.raw.once('close', () => { if (!held.kept) held.release(); });
  });
  app.addHook('preParsing', async (request, _reply, payload) => {
    const held = request.heldBody;
    if (!held || announcedLength(request) !== null) return payload;
    // A chunked body announces no length: its hold grows with each chunk, refused once over the budget.
    return payload.pipe(new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        try {
          held.grow(chunk.length);
          callback(null, chunk);
        } catch (err) {
          callback(err as Error);
        }
      },
    }));
  });

  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body: Buffer, done) => {
    if (body.length > offThreadBytes && carriesIncident(request)) {
      pool.parse(body).then((incident) => done(null, incident), (err: Error) => done(err, undefined));
      return;
    }
    parseJson(request, body.toString('utf8'), done);
  });
  app.addHook('onClose', async () => { await pool.close(); });
}

export const incidentBodiesPlugin = fp(incidentBodies, { name: 'safe-edge-incident-bodies', dependencies: ['safe-edge-access'] });
