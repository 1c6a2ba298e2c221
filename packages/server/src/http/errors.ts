// Every error leaves the server as `{ error: { code, message } }` (core's errorBody) with a
// 4xx/5xx status. Bad input of any kind maps to a stable 4xx code; only our own bugs give 500.
import { errorBody, type ErrorCode } from '@relais/core/errors';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(code);
  }
}

/** Unknown id, or an id of another organisation: the same answer, so existence never leaks. */
export const notFound = (): HttpError => new HttpError(404, 'NOT_FOUND');
export const forbidden = (): HttpError => new HttpError(403, 'FORBIDDEN');

/** A validation failure found by the handler rather than by the schema. */
export function invalid(path: string, code: string): HttpError {
  return new HttpError(400, 'VALIDATION_FAILED', { in: 'body', issues: [{ path, code }] });
}

const FASTIFY_CODES: Record<string, [number, ErrorCode]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'MALFORMED_JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'MALFORMED_JSON'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'BODY_TOO_LARGE'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'VALIDATION_FAILED'],
  FST_ERR_BAD_URL: [400, 'VALIDATION_FAILED'],
};

const STATUS_CODES: Record<number, ErrorCode> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  413: 'BODY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).send(errorBody(error.code, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      // Paths and issue codes only: the rejected values are never echoed back (nor logged).
      const issues = error.validation.map((issue) => ({ path: issue.instancePath, code: issue.keyword }));
      return reply.code(400).send(errorBody('VALIDATION_FAILED', { in: error.validationContext, issues }));
    }
    const known = error.code === undefined ? undefined : FASTIFY_CODES[error.code];
    if (known !== undefined) return reply.code(known[0]).send(errorBody(known[1]));
    if (error instanceof SyntaxError && error.statusCode === 400) return reply.code(400).send(errorBody('MALFORMED_JSON'));
    // PostgreSQL "data exception" (class 22): a value the schema let through but the database
    // cannot hold, such as a NUL character in a name. Bad input, so a 400, never a 500.
    if (isDataException(error)) return reply.code(400).send(errorBody('VALIDATION_FAILED', { in: 'body', issues: [{ path: '', code: 'unstorable_value' }] }));
    const status = error.statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      return reply.code(status).send(errorBody(STATUS_CODES[status] ?? 'VALIDATION_FAILED'));
    }
    logFailure(request, error);
    return reply.code(500).send(errorBody('INTERNAL'));
  });
}

function isDataException(error: FastifyError): boolean {
  return typeof error.code === 'string' && /^22[0-9A-Z]{3}$/.test(error.code) && 'severity' in error;
}

/**
 * Logs a server failure without the error's enumerable extras: a database error's `detail` can
 * quote a whole row, and no row content may reach the logs.
 */
function logFailure(request: FastifyRequest, error: FastifyError): void {
  const code = typeof error.code === 'string' ? error.code : undefined;
  request.log.error({ err: { type: error.name, code, message: error.message.slice(0, 300), stack: error.stack?.slice(0, 2000) } }, 'request failed');
}

/** Errors fastify raises before routing (malformed URL, ...), in the same body format. */
export function frameworkErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const known = FASTIFY_CODES[error.code];
  void reply.code(known?.[0] ?? 400).send(errorBody(known?.[1] ?? 'VALIDATION_FAILED'));
}
