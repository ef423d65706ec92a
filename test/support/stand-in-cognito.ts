import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for Cognito's hosted pages, for browser tests: the endpoints the SPA uses (authorize, token with
 * the code and refresh grants, revoke, logout), with the checks Cognito makes on them. There is no login form: whoever arrives at /oauth2/authorize is signed in
 * as the one person the test chose, and gets the ID token `idToken()` makes (signed so the local gateway
 * accepts it, as API Gateway accepts Cognito's).
 */
export interface StandInCognitoOptions {
  clientId: string;
  /** The callback URL registered for the client. */
  redirectUri: string;
  /** The sign-out URL registered for the client. */
  logoutUri: string;
  idToken: () => Promise<string>;
}

export interface StandInCognito {
  url: string;
  /** Every answer of /oauth2/token to the code grant: the OAuth error, or undefined when a token was issued. */
  tokenAnswers: (string | undefined)[];
  /** Every answer of /oauth2/token to the refresh grant: the ID token issued, or the OAuth error. */
  refreshAnswers: ({ idToken: string } | { error: string })[];
  /** How long the tokens issued from now on live (expires_in), per grant; an hour unless a test shortens it. */
  tokenLifetime: Record<'authorization_code' | 'refresh_token', number>;
  /** Every refresh token revoked through /oauth2/revoke. */
  revoked: string[];
  /** Refuse every refresh (invalid_grant), as Cognito does once the refresh token expired or was revoked. */
  refuseRefresh: boolean;
  /** The query of every accepted /logout. */
  logouts: URLSearchParams[];
  stop(): Promise<void>;
}

interface IssuedCode {
  codeChallenge: string;
  redirectUri: string;
}

export async function startStandInCognito(options: StandInCognitoOptions): Promise<StandInCognito> {
  const codes = new Map<string, IssuedCode>();
  const refreshTokens = new Set<string>();
  const tokenAnswers: (string | undefined)[] = [];
  const refreshAnswers: StandInCognito['refreshAnswers'] = [];
  const tokenLifetime = { authorization_code: 3600, refresh_token: 3600 };
  const revoked: string[] = [];
  const logouts: URLSearchParams[] = [];

  const standIn: StandInCognito = {
    url: '',
    tokenAnswers,
    refreshAnswers,
    tokenLifetime,
    revoked,
    refuseRefresh: false,
    logouts,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };

  const authorize = (query: URLSearchParams, res: ServerResponse) => {
    // Like Cognito: an unknown client or an unregistered callback gets an error page, never a redirect.
    if (query.get('client_id') !== options.clientId || query.get('redirect_uri') !== options.redirectUri)
      return text(res, 400, 'invalid_request');
    const back = new URL(options.redirectUri);
    const state = query.get('state');
    if (state) back.searchParams.set('state', state);
    const challenge = query.get('code_challenge');
    const scopes = (query.get('scope') ?? '').split(' ');
    const error =
      query.get('response_type') !== 'code'
        ? 'unsupported_response_type'
        : !scopes.includes('openid')
          ? 'invalid_scope'
          : !challenge || query.get('code_challenge_method') !== 'S256'
            ? 'invalid_request'
            : undefined;
    if (error) back.searchParams.set('error', error);
    else {
      const code = randomBytes(16).toString('hex');
      codes.set(code, { codeChallenge: challenge!, redirectUri: options.redirectUri });
      back.searchParams.set('code', code);
    }
    res.writeHead(302, { location: back.toString() }).end();
  };

  const token = async (req: IncomingMessage, res: ServerResponse) => {
    const form = await readForm(req);
    if (form.get('grant_type') === 'refresh_token') return refresh(form, res);
    const code = form.get('code') ?? '';
    const issued = codes.get(code);
    codes.delete(code); // a code is redeemed at most once, whether this attempt succeeds or not
    const verifier = form.get('code_verifier') ?? '';
    const valid =
      form.get('grant_type') === 'authorization_code' &&
      form.get('client_id') === options.clientId &&
      issued !== undefined &&
      form.get('redirect_uri') === issued.redirectUri &&
      createHash('sha256').update(verifier).digest('base64url') === issued.codeChallenge;
    if (!valid) {
      tokenAnswers.push('invalid_grant');
      return json(res, 400, { error: 'invalid_grant' });
    }
    tokenAnswers.push(undefined);
    const refreshToken = randomBytes(16).toString('hex');
    refreshTokens.add(refreshToken);
    json(res, 200, {
      id_token: await options.idToken(),
      access_token: randomBytes(16).toString('hex'),
      refresh_token: refreshToken,
      token_type: 'Bearer',
      expires_in: tokenLifetime.authorization_code,
    });
  };

  // Like Cognito: a public client's refresh token alone is enough; the answer has new ID and access tokens and
  // no new refresh token.
  const refresh = async (form: URLSearchParams, res: ServerResponse) => {
    const known = refreshTokens.has(form.get('refresh_token') ?? '');
    if (form.get('client_id') !== options.clientId || !known || standIn.refuseRefresh) {
      refreshAnswers.push({ error: 'invalid_grant' });
      return json(res, 400, { error: 'invalid_grant' });
    }
    const idToken = await options.idToken();
    refreshAnswers.push({ idToken });
    json(res, 200, {
      id_token: idToken,
      access_token: randomBytes(16).toString('hex'),
      token_type: 'Bearer',
      expires_in: tokenLifetime.refresh_token,
    });
  };

  const revoke = async (req: IncomingMessage, res: ServerResponse) => {
    const form = await readForm(req);
    const token = form.get('token') ?? '';
    if (form.get('client_id') !== options.clientId) return json(res, 400, { error: 'invalid_client' });
    // Cognito revokes refresh tokens only; an access token is an unsupported_token_type.
    if (!refreshTokens.delete(token)) return json(res, 400, { error: 'unsupported_token_type' });
    revoked.push(token);
    res.writeHead(200).end();
  };

  const logout = (query: URLSearchParams, res: ServerResponse) => {
    if (query.get('client_id') !== options.clientId || query.get('logout_uri') !== options.logoutUri)
      return text(res, 400, 'invalid_request');
    logouts.push(query);
    res.writeHead(302, { location: options.logoutUri }).end();
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    // The SPA calls the token endpoint from its own origin, as it calls Cognito's.
    res.setHeader('access-control-allow-origin', '*');
    if (req.method === 'OPTIONS')
      return res
        .writeHead(204, {
          'access-control-allow-methods': 'POST',
          'access-control-allow-headers': 'content-type, accept',
        })
        .end();
    if (req.method === 'GET' && url.pathname === '/oauth2/authorize') return authorize(url.searchParams, res);
    if (req.method === 'POST' && url.pathname === '/oauth2/token')
      return void token(req, res).catch(() => json(res, 500, { error: 'server_error' }));
    if (req.method === 'POST' && url.pathname === '/oauth2/revoke')
      return void revoke(req, res).catch(() => json(res, 500, { error: 'server_error' }));
    if (req.method === 'GET' && url.pathname === '/logout') return logout(url.searchParams, res);
    text(res, 404, 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  standIn.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return standIn;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const form = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
  return new URLSearchParams(form ? await readBody(req) : '');
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

function text(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(body);
}
