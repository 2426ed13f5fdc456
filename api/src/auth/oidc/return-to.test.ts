import { describe, expect, it } from 'vitest';
import { safeReturnTo, withSigninError } from './return-to.js';

describe('safeReturnTo', () => {
  it('keeps paths on this origin, with their query and fragment', () => {
    expect(safeReturnTo('/designer/')).toBe('/designer/');
    expect(safeReturnTo('/staff?department=streets#task-4')).toBe('/staff?department=streets#task-4');
  });

  it.each([
    undefined,
    '',
    'staff',
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
    `/${'a'.repeat(600)}`,
  ])('sends %j to the staff queue instead', (wanted) => {
    expect(safeReturnTo(wanted)).toBe('/staff');
  });
});

describe('withSigninError', () => {
  it('adds the code beside an existing query and keeps the fragment', () => {
    expect(withSigninError('/staff?x=1#top', 'unknown_staff')).toBe(
      '/staff?x=1&signin_error=unknown_staff#top',
    );
  });
});
