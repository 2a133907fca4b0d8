// The HTTP routes of one feature (an encapsulated fastify plugin per HttpGroup), derived from the
// operations table: method, path, argument schemas split into params / query / body, reply schemas, for
// streams a Server-Sent Events reply, and for a text result its content type. No route is written by hand.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ERROR_CODES, HTTP_STATUS } from '../../contract/errors.js';
import { errorBodySchema } from '../../contract/result.js';
import { OPERATION_NAMES, OPERATIONS, argsFromHttp, pathParams, type HttpBinding, type HttpGroup, type OperationName, type OperationSpec } from '../../contract/operations.js';
import { callOperation } from '../../operationHandlers.js';
import type { OperationHandlers } from '../../contract/operations.js';

const ERROR_STATUSES = [...new Set(Object.values(HTTP_STATUS))];

/** The route schemas of an operation: which arguments travel in the path, the query and the body. */
function routeSchema(spec: OperationSpec) {
  const http: HttpBinding = spec.http;
  const params = pathParams(http.path);
  const shape = spec.args.shape as Record<string, z.ZodType>;
  const pick = (keep: (key: string) => boolean) => z.object(Object.fromEntries(Object.entries(shape).filter(([k]) => keep(k))));
  const body = http.body !== undefined ? shape[http.body] : undefined;
  // Arguments carried by headers (the idempotency key) are checked with the others by callOperation.
  const inQuery = (k: string) => !params.includes(k) && k !== http.body && !Object.hasOwn(http.headers ?? {}, k);
  return {
    ...(params.length ? { params: pick((k) => params.includes(k)) } : {}),
    // A stream's query may also carry the token (EventSource cannot send headers).
    querystring: http.tokenInQuery ? pick(inQuery).extend({ token: z.string().optional() }) : pick(inQuery),
    ...(body && !(body instanceof z.ZodUnknown) ? { body } : {}),
    response: {
      // A text result (http.contentType) is sent as is: no JSON serializer for it.
      ...(spec.kind === 'stream' || http.contentType ? {} : { [http.status ?? 200]: spec.result }),
      ...Object.fromEntries(ERROR_STATUSES.map((status) => [status, errorBodySchema])),
      // A command that saves answers a failed save with its own body: the error and what was made.
      ...(spec.notSaved ? { [HTTP_STATUS[ERROR_CODES.SAVE_FAILED]]: spec.notSaved } : {}),
    },
  };
}

function sendEventStream(reply: FastifyReply, request: FastifyRequest, handlers: OperationHandlers, name: OperationName, args: Record<string, unknown>): Promise<void> {
  const { token: _token, ...rest } = args;
  const abort = new AbortController();
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
  };
  request.raw.on('close', () => abort.abort());
  // Stream messages are `{ kind, data }` (contract/api.ts): one SSE event named `kind` carrying `data`.
  const emit = (message: unknown) => {
    start();
    const { kind, data } = message as { kind: string; data: unknown };
    reply.raw.write(`event: ${kind}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  return callOperation(handlers, name, rest, { emit, signal: abort.signal, access: request.callerAccess }).then(() => {
    start();
    reply.raw.end();
  });
}

/** The plugin serving every operation of `group`. */
export function operationRoutes(group: HttpGroup, handlers: OperationHandlers) {
  return async (app: FastifyInstance): Promise<void> => {
    for (const name of OPERATION_NAMES) {
      const spec: OperationSpec = OPERATIONS[name];
      if (spec.group !== group) continue;
      const http: HttpBinding = spec.http;
      app.route({
        method: http.method, url: http.path, schema: routeSchema(spec), config: { operation: name },
        handler: async (request, reply) => {
          const args = argsFromHttp(name, { params: request.params, query: request.query, body: request.body, headers: request.headers });
          if (spec.kind === 'stream') return sendEventStream(reply, request, handlers, name, args);
          const value = await callOperation(handlers, name, args, { emit: () => {}, access: request.callerAccess, ...(request.heldBody ? { heldBody: request.heldBody } : {}) });
          if (http.contentType) return reply.code(http.status ?? 200).type(http.contentType).send(value);
          return reply.code(http.status ?? 200).send(value);
        },
      });
    }
  };
}
