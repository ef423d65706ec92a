import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { operations } from '../../shared/api/contract';
import { PortInUseError, startLanding, type RunningLanding } from '../../infra/local/landing';
import { demoUsers } from '../../infra/local/demo-data';

let landing: RunningLanding;

beforeAll(async () => {
  landing = await startLanding({
    port: 0,
    dynamoEndpoint: inject('dynamoEndpoint'),
    tableName: `landing-local-${Date.now()}`,
    webRoot: 'web/dist',
    seedDemoData: true,
  });
});
afterAll(() => landing?.stop());

async function signIn(userId: string): Promise<string> {
  const response = await fetch(`${landing.url}/local/sign-in`, { method: 'POST', body: JSON.stringify({ userId }) });
  return ((await response.json()) as { token: string }).token;
}

describe('npm start: the local product', () => {
  it('serves the API description generated from the contract, to who is signed in', async () => {
    expect((await fetch(`${landing.url}/api/openapi.json`)).status).toBe(401);
    const response = await fetch(`${landing.url}/api/openapi.json`, {
      headers: { authorization: `Bearer ${await signIn('u-sanne')}` },
    });
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths).sort()).toEqual(
      [...new Set(Object.values(operations).map((o) => o.path))].sort(),
    );
  });

  it('answers 401 like API Gateway for a missing or forged token', async () => {
    expect((await fetch(`${landing.url}/api/transitions`)).status).toBe(401);
    const forged = await fetch(`${landing.url}/api/transitions`, {
      headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' },
    });
    expect(forged.status).toBe(401);
  });

  it('offers the seeded users and signs one in with a token carrying their organisation and role', async () => {
    const users = (await (await fetch(`${landing.url}/local/users`)).json()) as { items: { id: string }[] };
    expect(users.items.map((u) => u.id)).toEqual(demoUsers.map((u) => u.userId));
    const me = await fetch(`${landing.url}/api/me`, {
      headers: { authorization: `Bearer ${await signIn('u-sanne')}` },
    });
    expect(await me.json()).toMatchObject({
      principal: { userId: 'u-sanne', organisationId: 'org-overstap', role: 'begeleider' },
      organisation: { naam: 'Stichting De Overstap' },
    });
  });

  it('registers a transition through the gateway and the workflow records its start', async () => {
    const token = await signIn('u-youssef');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = await fetch(`${landing.url}/api/transitions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        persoon: { voornaam: 'Lieke', achternaam: 'Brouwer', geboortedatum: '1993-07-21' },
        gemeenteCode: 'GM0356',
        herkomst: 'BW',
        begeleiderIds: ['u-youssef'],
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await landing.stepFunctions.settle();
    const timeline = (await (await fetch(`${landing.url}/api/transitions/${id}/timeline`, { headers })).json()) as {
      items: { type: string }[];
    };
    expect(timeline.items.map((e) => e.type)).toEqual(['traject-gestart', 'aanmelding-geregistreerd']); // newest first
  });

  it('shows demo transitions only to their own team', async () => {
    const list = async (userId: string) =>
      (
        (await (
          await fetch(`${landing.url}/api/transitions?scope=team`, {
            headers: { authorization: `Bearer ${await signIn(userId)}` },
          })
        ).json()) as { items: { persoon: { voornaam: string; achternaam: string } }[] }
      ).items.map((t) => `${t.persoon.voornaam} ${t.persoon.achternaam}`);
    expect((await list('u-noor')).sort()).toEqual(['Henk Postma', 'Wim Verbeek']);
    expect(await list('u-ingrid')).not.toContain('Henk Postma');
    expect(await list('u-ingrid')).not.toContain('Wim Verbeek');
    // Another team of the same provider: its records are its own.
    expect(await list('u-fleur')).toEqual(['Ilse Brouwer']);
    expect(await list('u-ingrid')).not.toContain('Ilse Brouwer');
  });

  it('reports its health', async () => {
    expect(await (await fetch(`${landing.url}/api/health`)).json()).toEqual({
      status: 'ok',
      checks: { database: 'ok', auditlog: 'ok', werkprocessen: 'ok', wekkers: 'ok', webhooks: 'ok' },
    });
  });

  it('moves the demo clock and answers once the workflows the jump woke are done', async () => {
    await landing.settle();
    const now = Date.now();
    const dueInAYear = landing.scheduler.list().filter((s) => Date.parse(s.at) - now < 365 * 86_400_000);
    expect(dueInAYear.length).toBeGreaterThan(0);
    const response = await fetch(`${landing.url}/local/clock`, {
      method: 'POST',
      body: JSON.stringify({ advanceDays: 365 }),
    });
    expect(response.status).toBe(200);
    // Every alarm that was due went off, and what it started has finished by the time the answer arrives: a
    // page reloaded on the answer shows what the workflows wrote.
    const stillSet = new Set(landing.scheduler.list().map((s) => `${s.name}@${s.at}`));
    expect(dueInAYear.filter((s) => stillSet.has(`${s.name}@${s.at}`))).toEqual([]);
    expect(await landing.stepFunctions.quiet(0)).toBe(true);
  });

  it('fails fast with a clear message when its port is taken', async () => {
    const blocker: Server = await new Promise((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => resolve(server));
    });
    const port = (blocker.address() as { port: number }).port;
    await expect(
      startLanding({
        port,
        dynamoEndpoint: inject('dynamoEndpoint'),
        tableName: `landing-port-${Date.now()}`,
        webRoot: 'web/dist',
        seedDemoData: false,
      }),
    ).rejects.toThrow(PortInUseError);
    blocker.close();
  });
});
