// The server's one error path: every failure, whether thrown by the engine, by a route's schema or by
// fastify itself (body too large, wrong content type, bad JSON, unknown route, a malformed URL or request,
// a non-canonical path to the UI's files, a request arriving while the server closes), answers a contract
// error body with a SAFE_E_ code, the field it concerns and the code's own HTTP status. fastify's errors
// are mapped by their stable `code`, never by their message (docs/hardening.md, Edges).
import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_CODES, HTTP_STATUS, RETRY_AFTER_S, SafeError, toErrorBody, type ErrorCode, type SafeErrorBody } from '../../contract/errors.js';
import { MAX_INCIDENT_BYTES } from '../../contract/incident.js';
import { PROTOTYPE_KEY_REFUSAL } from '../../contract/untrustedJson.js';
import type { Logger } from '../../logging.js';

/** fastify's own error codes (FST_ERR_*) that a client can cause, and what each means in our terms. */
const FASTIFY_CODES: Record<string, { code: ErrorCode; field: string; message: (err: FastifyError) => string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: ERROR_CODES.INPUT_TOO_LARGE, field: '(body)', message: () => `request body is larger than ${MAX_INCIDENT_BYTES} bytes` },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: ERROR_CODES.UNSUPPORTED_MEDIA_TYPE, field: 'content-type', message: () => 'send the body as JSON with "content-type: application/json"' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: ERROR_CODES.INVALID_FIELD, field: 'content-length', message: () => 'content-length does not match the body sent' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: ERROR_CODES.INVALID_JSON, field: '(body)', message: () => 'the body is empty: send a JSON object' },
  // fastify's parser does not say which of the two it was (contract/untrustedJson.ts applies the same rule elsewhere).
  FST_ERR_CTP_INVALID_JSON_BODY: { code: ERROR_CODES.INVALID_JSON, field: '(body)', message: () => `the body is not valid JSON, or it carries a "__proto__" key or a "constructor" key holding "prototype" (${PROTOTYPE_KEY_REFUSAL})` },
  FST_ERR_BAD_URL: { code: ERROR_CODES.INVALID_FIELD, field: 'url', message: () => 'the request path is not a valid URL' },
  FST_ERR_MAX_PARAM_LENGTH: { code: ERROR_CODES.INVALID_FIELD, field: 'url', message: () => 'a path segment is longer than any id (ids are up to 128 characters)' },
  // @fastify/static refuses "." / ".." / empty segments in a path to the UI's files.
  FST_STATIC_FORBIDDEN_PATH: { code: ERROR_CODES.INVALID_FIELD, field: 'url', message: () => 'the path is not canonical: no ".", ".." or empty segments' },
};

/** A client error fastify or a plugin raised that FASTIFY_CODES does not name yet, by its HTTP status. */
function byStatus(statusCode: number): ErrorCode {
  if (statusCode === 401) return ERROR_CODES.UNAUTHORIZED;
  if (statusCode === 404) return ERROR_CODES.NOT_FOUND;
  if (statusCode === 413) return ERROR_CODES.INPUT_TOO_LARGE;
  if (statusCode === 415) return ERROR_CODES.UNSUPPORTED_MEDIA_TYPE;
  return ERROR_CODES.INVALID_FIELD;
}

/** The error body for anything a request can raise. */
export function httpErrorBody(err: unknown): SafeErrorBody {
  if (err instanceof SafeError) return err.toBody();
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issue = err.validation[0];
    const field = issue?.instancePath.replace(/^\//, '').replace(/\//g, '.') || `(${err.validationContext ?? 'request'})`;
    return { code: ERROR_CODES.INVALID_FIELD, message: `${field}: ${issue?.message ?? 'invalid'}`, field };
  }
  const known = FASTIFY_CODES[(err as FastifyError).code ?? ''];
  if (known) return { code: known.code, message: known.message(err as FastifyError), field: known.field };
  // Any other 4xx from fastify or a plugin (their messages name the request, never the engine's state).
  const statusCode = (err as { statusCode?: unknown }).statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500 && err instanceof Error) {
    return { code: byStatus(statusCode), message: err.message, field: '(request)' };
  }
  return toErrorBody(err, ERROR_CODES.INTERNAL);
}

/** The coded body and status for a request node:http could not parse (fastify's `clientErrorHandler`). */
export function clientErrorBody(err: Error & { code?: string }): { status: number; body: SafeErrorBody } {
  const body: SafeErrorBody = err.code === 'HPE_HEADER_OVERFLOW'
    ? { code: ERROR_CODES.INPUT_TOO_LARGE, message: 'the request headers are larger than the server accepts', field: 'headers' }
    : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? { code: ERROR_CODES.INVALID_FIELD, message: 'the request did not arrive completely in time', field: '(request)' }
      : { code: ERROR_CODES.INVALID_FIELD, message: 'the request is not valid HTTP/1.1', field: '(request)' };
  return { status: HTTP_STATUS[body.code], body };
}

/** Answers an unparseable request on the socket itself (there is no request object), then closes it. */
export function clientErrorReply(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, body } = clientErrorBody(err);
  const text = JSON.stringify(body);
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(text)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${text}`);
  }
  socket.destroy(err);
}

/**
 * Requests that arrive while the server closes (on a keep-alive connection still busy, or pipelined):
 * fastify's own 503 has no code (its `return503OnClosing` is turned off in app.ts), so they are refused
 * here with SAFE_E_SHUTTING_DOWN and its Retry-After. Registered before access control: nothing is read.
 */
export function refuseWhileClosing(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => { closing = true; });
  app.addHook('onRequest', async () => {
    if (closing) throw new SafeError(ERROR_CODES.SHUTTING_DOWN, 'the engine is shutting down: retry in a moment, or on the engine once it is back');
  });
}

/** fastify's `frameworkErrors` hook: errors raised before routing (a malformed URL) get the same bodies. */
export function frameworkErrorReply(err: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const body = httpErrorBody(err);
  void reply.code(HTTP_STATUS[body.code]).send(body);
}

export function registerErrorReplies(app: FastifyInstance, logger: Logger): void {
  app.setErrorHandler((err, request, reply) => {
    const body = httpErrorBody(err);
    const status = HTTP_STATUS[body.code];
    const retryAfterS = RETRY_AFTER_S[body.code];
    if (retryAfterS !== undefined) void reply.header('retry-after', String(retryAfterS));
    if (status >= 500 && body.code === ERROR_CODES.INTERNAL) {
      logger.error('request failed', { method: request.method, url: request.routeOptions.url, error: (err as Error).message });
      return reply.code(status).send({ code: body.code, message: 'internal error; see the engine log' });
    }
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    reply.code(HTTP_STATUS[ERROR_CODES.UNKNOWN_OPERATION]).send({
      code: ERROR_CODES.UNKNOWN_OPERATION, message: `no route ${request.method} ${path}; the routes are listed in docs/architecture.md`, field: 'url',
    } satisfies SafeErrorBody);
  });
}
