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

/**
 * A write made under `version = :expected` (or a pool's `ledgerSeq = :expected`) found that the
 * record moved on since it was read. The adapters throw it for that condition alone, so it is the
 * one signal `retryStale` (versioned.ts) retries on: read again, decide again, write again.
 * A 409 like any conflict (its name stays `ConflictError`, which the ASL files' Catch clauses
 * match), with the rule `<record>-version` the API has always answered.
 */
export class StaleWriteError extends DomainError {
  constructor(
    readonly record: string,
    readonly id: string,
  ) {
    super('conflict', `${record} ${id} was changed by someone else; reload and try again`, [], { rule: `${record}-version` });
  }

  /** What the caller gets when the record moved under every attempt: a 409 that says to try again shortly. */
  busy(attempts: number): DomainError {
    return conflict(`${this.record} ${this.id} was changed by others ${attempts} times while this was being saved; try again in a moment`, {
      rule: `${this.record}-busy`,
      attempts,
    });
  }
}
