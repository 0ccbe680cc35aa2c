/**
 * Domain errors carry the HTTP-independent kind of failure plus the field and rule that were
 * broken, so every layer (API, workflow task, CLI) can tell the user exactly what to fix.
 */
type ErrorKind = 'validation' | 'unauthorised' | 'forbidden' | 'not-found' | 'conflict';

export interface FieldIssue {
  field: string;
  rule: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = `${kindName[kind]}Error`;
  }
}

const kindName: Record<ErrorKind, string> = {
  validation: 'Validation',
  unauthorised: 'Unauthorised',
  forbidden: 'Forbidden',
  'not-found': 'NotFound',
  conflict: 'Conflict',
};

export const invalid = (field: string, rule: string, message: string): DomainError =>
  new DomainError('validation', `${field}: ${message}`, [{ field, rule, message }]);

export const notFound = (what: string, id: string): DomainError =>
  new DomainError('not-found', `${what} ${id} does not exist`, [], { what, id });

export const forbidden = (message: string): DomainError => new DomainError('forbidden', message);

export const conflict = (message: string, details: Record<string, unknown> = {}): DomainError =>
  new DomainError('conflict', message, [], details);
