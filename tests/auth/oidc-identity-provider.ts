/**
 * The city's identity provider, stood in by a real OpenID Provider (`oidc-provider`) on a local
 * port: discovery, JWKS, authorization with its development login and consent pages, token and
 * userinfo endpoints. Accounts are keyed by the login typed on its sign-in page.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  email: string;
  email_verified: boolean;
  name: string;
}

export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registers the relying parties' callbacks once their ports are known (call once, before signing in). */
  trustRedirectUris(uris: string[]): void;
  /** Serves a JWKS of a different key under the same key id, as an impostor's metadata would. */
  serveForeignJwks(on: boolean): void;
  stop(): Promise<void>;
}

/** A signing key as a private JWK with a fixed key id. */
function signingKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: 'signing-key', use: 'sig', alg: 'RS256' };
}

/** Starts the provider on 127.0.0.1 with one confidential client and the given accounts. */
export async function startIdentityProvider(
  accounts: Record<string, TestAccount>,
): Promise<TestIdentityProvider> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  let foreignJwks = false;
  const foreignKey = signingKey();
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...foreignPublic } = foreignKey;
  const server = createServer((req, res) => {
    if (foreignJwks && req.url === '/jwks') {
      res.writeHead(200, { 'content-type': 'application/jwk-set+json' });
      res.end(JSON.stringify({ keys: [foreignPublic] }));
      return;
    }
    if (handler) handler(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = { clientId: 'civicdesk-staff', clientSecret: 'a-test-client-secret-for-civicdesk' };

  return {
    issuer,
    ...client,
    trustRedirectUris(uris) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: client.clientId,
            client_secret: client.clientSecret,
            redirect_uris: uris,
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
        jwks: { keys: [signingKey()] },
        cookies: { keys: ['a-test-cookie-signing-key'] },
        findAccount: (_ctx, id) => {
          const account = accounts[id];
          if (!account) return undefined;
          return { accountId: id, claims: () => ({ sub: id, ...account }) };
        },
      });
      handler = provider.callback();
    },
    serveForeignJwks(on) {
      foreignJwks = on;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
