import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError, type ErrorCode, type FieldIssue } from '../errors.js';

// Every error leaves as RFC 9457 problem+json. Messages are written for people and never
// echo submitted values, so no PHI can leak through an error.
const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  mfa_required: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  locked: 423,
  rate_limited: 429,
};
const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Sign-in required',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  410: 'Gone',
  413: 'Request too large',
  414: 'Address too long',
  415: 'Unsupported media type',
  423: 'Locked',
  429: 'Too many requests',
  500: 'Something went wrong',
  503: 'Service unavailable',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: FieldIssue[];
  instance?: string;
}

export function sendProblem(reply: FastifyReply, status: number, detail: string, code?: string, errors?: FieldIssue[], extensions?: Record<string, unknown>) {
  const body: Problem = {
    ...extensions,
    type: code ? `https://hearth.dev/problems/${code}` : 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...(code ? { code } : {}),
    ...(errors && errors.length ? { errors } : {}),
    instance: `urn:request:${reply.request.id}`,
  };
  return reply.status(status).type('application/problem+json').send(body);
}

function fieldName(context: string | undefined, instancePath: string, params: Record<string, unknown>): string[] {
  const base = instancePath.replace(/^\//, '').replace(/\//g, '.');
  // Unknown keys: name each offending field, so "extra fields" errors are actionable.
  if (Array.isArray(params.keys) && params.keys.length) {
    return (params.keys as string[]).map((k) => (base ? `${base}.${k}` : k));
  }
  if (base) return [base];
  return [context === 'querystring' ? 'query' : (context ?? 'body')];
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof DomainError) {
      return sendProblem(reply, STATUS[err.code], err.message, err.code, err.issues, err.extensions);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const errors: FieldIssue[] = [];
      for (const v of err.validation) {
        for (const field of fieldName(err.validationContext, v.instancePath, v.params as Record<string, unknown>)) {
          const message = v.keyword === 'unrecognized_keys' ? 'is not a recognised field' : (v.message ?? 'is invalid');
          errors.push({ field, message });
        }
      }
      const summary = errors.map((e) => `${e.field} ${e.message}`).join('; ');
      return sendProblem(reply, 400, `Please correct: ${summary}`.slice(0, 500), 'validation', errors);
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err: { type: 'ResponseSerializationError', route: req.routeOptions.url } }, 'response did not match schema');
      return sendProblem(reply, 500, 'The server could not complete the request.', 'internal');
    }
    const status = err.statusCode ?? 500;
    if (status === 429) return sendProblem(reply, 429, 'Too many requests. Please wait a minute and try again.', 'rate_limited');
    if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.name === 'SyntaxError')
      return sendProblem(reply, 400, 'The request body is not valid JSON.', 'malformed_json', [{ field: 'body', message: 'is not valid JSON' }]);
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return sendProblem(reply, 413, 'The request body is larger than the server accepts.', 'payload_too_large');
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return sendProblem(reply, 415, 'Send the request body as application/json.', 'unsupported_media_type');
    if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
      return sendProblem(reply, 400, 'The request body is empty.', 'validation', [{ field: 'body', message: 'is required' }]);
    if (status >= 400 && status < 500) {
      // Fastify's own 4xx messages describe the request shape, not its values.
      return sendProblem(reply, status, 'The request could not be processed.', 'bad_request');
    }
    // Database constraint errors that validation should have caught: still a clean 4xx.
    const pgCode = (err as unknown as { code?: string }).code;
    if (pgCode === '23505') return sendProblem(reply, 409, 'That record already exists.', 'conflict');
    if (pgCode === '23503') return sendProblem(reply, 400, 'A referenced record does not exist.', 'validation');
    if (pgCode === '23514' || pgCode === '22P02' || pgCode === '22007' || pgCode === '22008' || pgCode === '22001' || pgCode === '22021')
      return sendProblem(reply, 400, 'A value is out of range or malformed.', 'validation');
    // Log the failure without its message (driver messages can quote stored values).
    const stack = (err.stack ?? '').split('\n').slice(1, 8).join('\n');
    req.log.error({ err: { type: err.name, code: pgCode ?? err.code, stack } }, 'unhandled error');
    return sendProblem(reply, 500, 'The server could not complete the request. It has been logged.', 'internal');
  });
}
