/**
 * A duplicate link or follow that was refused for a reason the caller can fix; `field` names the
 * input at fault, as everywhere else in CivicDesk (FieldError).
 */
export class DuplicateRefusedError extends Error {
  constructor(
    readonly field: string,
    message: string,
    /** 'not_found' when a named request does not exist (or not here); 'invalid' otherwise. */
    readonly reason: 'not_found' | 'invalid' = 'invalid',
  ) {
    super(message);
    this.name = 'DuplicateRefusedError';
  }
}

/** Parses an Open311 service_request_id (string or bigint) into the database key. */
export function requestKey(field: string, value: string | bigint): bigint {
  if (typeof value === 'bigint') return value;
  if (!/^[0-9]{1,19}$/.test(value.trim()))
    throw new DuplicateRefusedError(field, `${field} must be a request number such as 1042, not '${value}'.`);
  return BigInt(value.trim());
}
