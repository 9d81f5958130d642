import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../http/api-error.js';
import { AccessTokens } from './access-tokens.js';

const SECRET = 's'.repeat(48);

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('AccessTokens', () => {
  const tokens = new AccessTokens(SECRET, 60);

  it('round-trips the actor', async () => {
    const token = await tokens.sign({ id: 'usr-tech', role: 'technician', groupIds: ['grp-field'] });
    expect(await tokens.verify(token)).toEqual({ id: 'usr-tech', role: 'technician', groupIds: ['grp-field'] });
  });

  it('says when a token expired', async () => {
    const token = await new SignJWT({ role: 'agent', groupIds: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setIssuer('servicedesk')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(new TextEncoder().encode(SECRET));
    const error = await rejection(tokens.verify(token));
    expect(error.statusCode).toBe(401);
    expect(error.message).toMatch(/expired/);
  });

  it('refuses tokens from another secret, another issuer or without claims', async () => {
    const other = await new AccessTokens('o'.repeat(48), 60).sign({ id: 'u', role: 'admin', groupIds: [] });
    expect((await rejection(tokens.verify(other))).message).toMatch(/invalid/);
    const key = new TextEncoder().encode(SECRET);
    const foreignIssuer = await new SignJWT({ role: 'admin', groupIds: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setIssuer('elsewhere')
      .setExpirationTime('1m')
      .sign(key);
    expect((await rejection(tokens.verify(foreignIssuer))).statusCode).toBe(401);
    const noRole = await new SignJWT({ groupIds: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setIssuer('servicedesk')
      .setExpirationTime('1m')
      .sign(key);
    expect((await rejection(tokens.verify(noRole))).message).toMatch(/claims/);
    const badRole = await new SignJWT({ role: 'root', groupIds: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setIssuer('servicedesk')
      .setExpirationTime('1m')
      .sign(key);
    expect((await rejection(tokens.verify(badRole))).statusCode).toBe(401);
  });
});
