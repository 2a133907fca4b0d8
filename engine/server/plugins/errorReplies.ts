// The server's one error path: every failure, whether thrown by the engine, by a route's schema or by
// fastify itself (body too large, wrong content type, bad JSON, unknown route), answers a contract error
// body with a SAFE_E_ code, the field it concerns and the code's own HTTP status. fastify's errors are
// mapped by their stable `code`, never by their message.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_CODES, HTTP_STATUS, RETRY_AFTER_S, SafeError, toErrorBody, type ErrorCode, type SafeErrorBody } from '../../contract/errors.js';
import { MAX_INCIDENT_BYTES } from '../../contract/incident.js';
import type { Logger } from '../../logging.js';

/** fastify's own error codes (FST_ERR_*) that a client can cause, and what each means in our terms. */
const FASTIFY_CODES: Record<string, { code: ErrorCode; field: string; message: (err: FastifyError) => string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: ERROR_CODES.INPUT_TOO_LARGE, field: '(body)', message: () => `request body is larger than ${MAX_INCIDENT_BYTES} bytes` },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: ERROR_CODES.UNSUPPORTED_MEDIA_TYPE, field: 'content-type', message: () => 'send the body as JSON with "content-type: application/json"' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: ERROR_CODES.INVALID_FIELD, field: 'content-length', message: () => 'content-length does not match the body sent' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: ERROR_CODES.INVALID_JSON, field: '(body)', message: () => 'the body is empty: send a JSON object' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: ERROR_CODES.INVALID_JSON, field: '(body)', message: () => 'the body is not valid JSON (or carries __proto__/constructor keys)' },
  FST_ERR_BAD_URL: { code: ERROR_CODES.INVALID_FIELD, field: 'url', message: () => 'the request path is not a valid URL' },
};

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
  return toErrorBody(err, ERROR_CODES.INTERNAL);
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
