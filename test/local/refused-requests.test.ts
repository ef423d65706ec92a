import { SignJWT } from 'jose';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoAuditLog } from '../../functions/storage/dynamo-audit-log';
import { createDocumentClient } from '../../functions/storage/dynamo-client';
import { localClient } from '../../infra/local/dynamodb-local';
import { startLanding, type RunningLanding } from '../../infra/local/landing';
import { principalClaims } from '../../shared/domain/organisation/principal';
import type { RefusedRequest } from '../../shared/domain/audit/audit';
import { settle } from '../support/local-api';

/**
 * Every way in that is refused, through the local gateway (API Gateway's authorizers) and the handlers: no
 * token, an expired, tampered or forged one, a token without a role, a refused API key, a role that may not.
 * Each answer carries no data, and each attempt lands in the audit trail — the gateway's own refusals by way
 * of its access log, as on AWS.
 */
let landing: RunningLanding;
let audit: DynamoAuditLog;
const secret = randomBytes(32);
const tableName = `landing-refusals-${Date.now()}`;

beforeAll(async () => {
  landing = await startLanding({
    port: 0,
    dynamoEndpoint: inject('dynamoEndpoint'),
    tableName,
    webRoot: 'web/dist',
    seedDemoData: true,
    authSecret: secret,
    demoReceiverPort: false,
  });
  audit = new DynamoAuditLog(createDocumentClient(localClient(inject('dynamoEndpoint'))), `${tableName}-audit`, 30);
});
afterAll(() => landing?.stop());

/** A token as the local sign-in makes them (issuer, audience, HS256), with claims and expiry of our choosing. */
function token(subject: string, claims: Record<string, string>, expiresAt: Date, key: Uint8Array = secret) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuer('urn:landing:local')
    .setAudience('landing-spa')
    .setIssuedAt(Math.floor(expiresAt.getTime() / 1000) - 3600)
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key);
}

const sanne = {
  [principalClaims.naam]: 'Sanne de Vries',
  [principalClaims.organisationId]: 'org-overstap',
  [principalClaims.role]: 'begeleider',
  [principalClaims.teamId]: 'team-utrecht',
};
const inAnHour = () => new Date(Date.now() + 3_600_000);

async function get(path: string, authorization?: string) {
  const response = await fetch(`${landing.url}${path}`, authorization ? { headers: { authorization } } : {});
  return { status: response.status, text: await response.text() };
}

async function refusalsToday(): Promise<RefusedRequest[]> {
  await settle(landing);
  return (await audit.refusedRequestsOn(new Date().toISOString().slice(0, 10), { limit: 100 })).items;
}

describe('refused requests', () => {
  it('answers 401 for a missing, expired, tampered or forged token, with nothing in the body, and records each attempt', async () => {
    const valid = await token('u-sanne', sanne, inAnHour());
    expect((await get('/api/transitions?scope=mine', `Bearer ${valid}`)).status).toBe(200);
    const [header, , signature] = valid.split('.');
    const elevated = Buffer.from(
      JSON.stringify({
        ...sanne,
        sub: 'u-sanne',
        [principalClaims.role]: 'teamleider',
        iss: 'urn:landing:local',
        aud: 'landing-spa',
        exp: Math.floor(Date.now() / 1000) + 600,
      }),
    ).toString('base64url');
    const attempts = {
      'geen-token': undefined,
      verlopen: `Bearer ${await token('u-sanne', sanne, new Date(Date.now() - 60_000))}`,
      ongeldig: `Bearer ${header}.${elevated}.${signature}`,
      vervalst: `Bearer ${await token('u-sanne', sanne, inAnHour(), randomBytes(32))}`,
    };
    for (const [name, authorization] of Object.entries(attempts)) {
      const response = await get('/api/transitions?scope=mine', authorization);
      expect(response.status, name).toBe(401);
      expect(JSON.parse(response.text), name).toEqual({ message: 'Unauthorized' });
    }
    const recorded = (await refusalsToday()).filter((r) => r.route === 'GET /api/transitions');
    expect(recorded.map((r) => r.reden).sort()).toEqual(['geen-token', 'ongeldig', 'ongeldig', 'verlopen']);
    for (const r of recorded)
      expect(r).toMatchObject({
        status: 401,
        waar: { kanaal: 'web-api', requestId: expect.any(String), bron: expect.any(String) },
      });
  });

  it('answers 401 for a genuine token without organisation or role, and records whose it was', async () => {
    const { [principalClaims.role]: _role, ...withoutRole } = sanne;
    const response = await get('/api/me', `Bearer ${await token('u-sanne', withoutRole, inAnHour())}`);
    expect(response.status).toBe(401);
    expect(response.text).not.toContain('Sanne');
    const recorded = (await refusalsToday()).find((r) => r.route === 'GET /api/me');
    expect(recorded).toMatchObject({ reden: 'onvolledig', gebruikerId: 'u-sanne', status: 401 });
  });

  it('refuses an unknown API key on the corporations’ API (403), and records it on that channel', async () => {
    const response = await get('/api/corporatie/signalen', 'Bearer lnd_unknown_key_that_was_never_issued');
    expect(response.status).toBe(403);
    expect(JSON.parse(response.text)).toEqual({ message: 'Forbidden' });
    const recorded = (await refusalsToday()).filter((r) => r.waar.kanaal === 'corporatie-api');
    expect(recorded.map((r) => r.reden)).toContain('sleutel-geweigerd');
  });

  it('records a role that may not (the administrator asking for a team’s transitions) on the user’s trail, without data', async () => {
    const bram = await token(
      'u-bram',
      {
        [principalClaims.naam]: 'Bram Koster',
        [principalClaims.organisationId]: 'org-overstap',
        [principalClaims.role]: 'beheerder',
      },
      inAnHour(),
    );
    const response = await fetch(`${landing.url}/api/transitions?scope=team`, {
      headers: { authorization: `Bearer ${bram}` },
    });
    expect(response.status).toBe(403);
    expect(Object.keys((await response.json()) as object).sort()).toEqual(['code', 'status', 'title', 'type']);
    await settle(landing);
    const trail = (await audit.ofUser('u-bram', { limit: 100 })).items;
    expect(trail.find((e) => e.actie === 'geweigerd' && e.operatie === 'listTransitions')).toMatchObject({
      weigering: 'role',
      gebruiker: { rol: 'beheerder' },
    });
  });
});
