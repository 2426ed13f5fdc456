import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.js';
import { issueSessionToken, readSessionToken } from './session-token.js';

const secret = 'a-test-secret-that-is-long-enough-0123456789';

describe('session tokens', () => {
  it('round-trips the staff id until expiry', () => {
    const token = issueSessionToken('staff-1', secret, 1_000, 60_000);
    expect(readSessionToken(token, secret, 2_000)).toEqual({ staffId: 'staff-1', exp: 61_000 });
    expect(readSessionToken(token, secret, 61_001)).toBeNull();
  });

  it('rejects a token signed with another secret or tampered with', () => {
    const token = issueSessionToken('staff-1', secret, 0);
    expect(readSessionToken(token, `${secret}x`, 1)).toBeNull();
    const [payload, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ staffId: 'admin', exp: 9e15 })).toString('base64url');
    expect(readSessionToken(`${forged}.${sig}`, secret, 1)).toBeNull();
    expect(readSessionToken(`${payload}`, secret, 1)).toBeNull();
  });
});

describe('passwords', () => {
  it('verifies the right password only', async () => {
    const stored = await hashPassword('correct horse');
    expect(stored).toMatch(/^scrypt\$16384\$/);
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('wrong horse', stored)).toBe(false);
  });
});
