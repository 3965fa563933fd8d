// One error type for every business rule; the HTTP edge maps codes to status once.
export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'mfa_required'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'rate_limited'
  | 'gone'
  | 'payload_too_large';

export interface FieldIssue {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
    /** Extra members of the problem document (RFC 9457 extensions), e.g. the conflicting dates. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} was not found.`);
export const forbidden = (msg = 'You do not have permission to do that.') => new DomainError('forbidden', msg);
export const invalid = (field: string, message: string) =>
  new DomainError('validation', `${field}: ${message}`, [{ field, message }]);
