import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAuditApi } from '../../functions/audit/api';
import { createBudgetApi } from '../../functions/budget/api';
import { createSignalsApi } from '../../functions/signals/api';
import { DynamoContactStore, DynamoSignalStore } from '../../functions/storage/dynamo-signal-store';
import { DynamoAuditLog } from '../../functions/storage/dynamo-audit-log';
import { DynamoBudgetStore } from '../../functions/storage/dynamo-budget-store';
import { DynamoOrganisationDirectory } from '../../functions/storage/dynamo-organisation-directory';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import { auditTableDesign } from '../../functions/storage/table-design';
import { createTransitionsApi } from '../../functions/transitions/api';
import { StepFunctionsTransitionWorkflow } from '../../functions/workflow/step-functions-workflow';
import { ensureTable } from '../../infra/local/dynamodb-local';
import type { Problem } from '../../shared/api/problem';
import type { AuditEntry } from '../../shared/domain/audit/audit';
import type { Principal } from '../../shared/domain/organisation/principal';
import type { Transition } from '../../shared/domain/transition/transition';
import { invoke } from '../support/api-events';
import { createTestTable, type TestTable } from '../support/dynamo';
import { aanmelding, people, seedOrganisations } from '../support/factories';

/**
 * Identity, access and audit through the real handlers on DynamoDB Local: who may see a person's record,
 * and the audit trail (NEN 7513) every look, change and refused attempt leaves.
 */
let table: TestTable;
let audit: DynamoAuditLog;
let transitionsApi: ReturnType<typeof createTransitionsApi>;
let budgetApi: ReturnType<typeof createBudgetApi>;
let auditApi: ReturnType<typeof createAuditApi>;
let signalsApi: ReturnType<typeof createSignalsApi>;
let budgets: DynamoBudgetStore;
const now = new Date('2027-06-01T09:00:00Z');
const sfn = mockClient(SFNClient);

beforeAll(async () => {
  table = await createTestTable('audit');
  await seedOrganisations(table.db, table.tableName);
  await ensureTable(table.client, `${table.tableName}-audit`, auditTableDesign);
  audit = new DynamoAuditLog(table.db, `${table.tableName}-audit`, 365);
  sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn', startDate: now });
  const store = new DynamoTransitionStore(table.db, table.tableName);
  const directory = new DynamoOrganisationDirectory(table.db, table.tableName);
  const options = { audit: () => audit, now: () => now };
  transitionsApi = createTransitionsApi(
    () => ({
      store,
      directory,
      workflow: new StepFunctionsTransitionWorkflow(new SFNClient({ region: 'eu-west-1' }), {
        transition: 't',
        move: 'm',
        signals: 's',
      }),
      now: () => now,
      newId: randomUUID,
    }),
    options,
  );
  budgets = new DynamoBudgetStore(table.db, table.tableName);
  budgetApi = createBudgetApi(
    () => ({ budgets, transitions: store, directory, now: () => now, newId: randomUUID }),
    options,
  );
  const workflow = new StepFunctionsTransitionWorkflow(new SFNClient({ region: 'eu-west-1' }), {
    transition: 't',
    move: 'm',
    signals: 's',
  });
  const signals = new DynamoSignalStore(table.db, table.tableName);
  const contacts = new DynamoContactStore(table.db, table.tableName);
  signalsApi = createSignalsApi(
    () => ({ signals, contacts, transitions: store, workflow, now: () => now, newId: randomUUID }),
    options,
  );
  auditApi = createAuditApi(() => ({ audit, transitions: store, directory }), options);
});

async function registered(by: Principal = people.sanne): Promise<Transition> {
  const response = await invoke<Transition>(transitionsApi, {
    routeKey: 'POST /api/transitions',
    principal: by,
    body: aanmelding({ begeleiderIds: [by.userId] }),
  });
  expect(response.status).toBe(201);
  return response.body;
}

const read = (t: Transition, principal: Principal, headers?: Record<string, string>) =>
  invoke<Record<string, unknown>>(transitionsApi, {
    routeKey: 'GET /api/transitions/{transitionId}',
    principal,
    pathParameters: { transitionId: t.id },
    ...(headers ? { headers } : {}),
  });
const trailOf = async (t: Transition) => (await audit.ofPerson(t.persoonRef, { limit: 100 })).items;

describe('who may see a person’s record', () => {
  it('lets the begeleider and their team in, and records each look with its ground', async () => {
    const t = await registered();
    expect((await read(t, people.sanne)).status).toBe(200);
    expect((await read(t, people.youssef)).status).toBe(200);
    const looks = (await trailOf(t)).filter((e) => e.actie === 'lezen');
    expect(looks.map((e) => [e.gebruiker.id, e.grond]).sort()).toEqual([
      ['u-sanne', 'behandelrelatie'],
      ['u-youssef', 'team'],
    ]);
    const entry = looks.find((e) => e.gebruiker.id === 'u-sanne')!;
    // What NEN 7513 asks: what, when, about whom, who (organisation and role), on whose behalf, on what ground, from where.
    expect(entry).toMatchObject({
      at: now.toISOString(),
      operatie: 'getTransition',
      onderdeel: 'traject',
      persoonRef: t.persoonRef,
      transitionId: t.id,
      gebruiker: { id: 'u-sanne', naam: 'Sanne de Vries', organisatieId: 'org-a', rol: 'begeleider' },
      namens: { id: 'u-sanne' },
      waar: { kanaal: 'web-api', requestId: expect.any(String), bron: '127.0.0.1' },
    });
  });

  it('refuses another team, another organisation, a role without access, and another municipality — with no data, and records each attempt', async () => {
    const t = await registered();
    const otherTeam = await read(t, people.kim);
    expect(otherTeam).toMatchObject({ status: 403, body: { code: 'noodtoegang-mogelijk' } });
    const otherOrganisation = await read(t, people.noor);
    expect(otherOrganisation).toMatchObject({ status: 404, body: { code: 'not-found' } });
    const budgetHolder = await read(t, people.pieter);
    expect(budgetHolder).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    const otherMunicipality = await invoke(budgetApi, {
      routeKey: 'GET /api/transitions/{transitionId}/regelbudget',
      principal: people.zara,
      pathParameters: { transitionId: t.id },
    });
    expect(otherMunicipality.status).toBe(404);
    for (const refused of [otherTeam, otherOrganisation, budgetHolder, otherMunicipality]) {
      expect(Object.keys(refused.body as object).sort()).toEqual(['code', 'status', 'title', 'type']);
      expect(JSON.stringify(refused.body)).not.toContain(t.persoon.achternaam);
    }
    const refusals = (await trailOf(t)).filter((e) => e.actie === 'geweigerd');
    expect(refusals.map((e) => [e.gebruiker.id, e.weigering]).sort()).toEqual([
      ['u-kim', 'team'],
      ['u-noor', 'organisation'],
      ['u-pieter', 'role'],
      ['u-zara', 'gemeente'],
    ]);
  });

  it('lets someone of another team break the glass with a reason, flagged for the team lead', async () => {
    const t = await registered();
    const reason = 'Nachtdienst: crisis, de eigen begeleiders zijn niet bereikbaar';
    const tooShort = await read(t, people.kim, { 'landing-noodtoegang': encodeURIComponent('even') });
    expect(tooShort.status).toBe(400);
    const glass = await read(t, people.kim, { 'landing-noodtoegang': encodeURIComponent(reason) });
    expect(glass.status).toBe(200);
    const [entry] = (await trailOf(t)).filter((e) => e.grond === 'noodtoegang');
    expect(entry).toMatchObject({ gebruiker: { id: 'u-kim' }, noodtoegang: { reden: reason }, teamId: 'team-a1' });

    const forLead = await invoke<{ items: AuditEntry[] }>(auditApi, {
      routeKey: 'GET /api/audit/noodtoegang',
      principal: people.ingrid,
    });
    expect(forLead.body.items.map((e) => e.id)).toContain(entry!.id);
    const forOtherLead = await invoke<{ items: AuditEntry[] }>(auditApi, {
      routeKey: 'GET /api/audit/noodtoegang',
      principal: people.fleur,
    });
    expect(forOtherLead.body.items.map((e) => e.id)).not.toContain(entry!.id);
  });

  it('counts the noodtoegang reason in visible characters and refuses control characters, in Dutch', async () => {
    const t = await registered();
    for (const reason of [
      '\u200b'.repeat(12),
      `ab${'\u00ad'.repeat(10)}`,
      `${'\u2800'.repeat(10)}x`,
      'Crisis nu, persoon weg\u202e',
      'Crisis nu,\u0000persoon weg',
    ]) {
      const refused = await read(t, people.kim, { 'landing-noodtoegang': encodeURIComponent(reason) });
      expect(refused.status, JSON.stringify(reason)).toBe(400);
      expect((refused.body as unknown as Problem).invalidParams?.[0]).toMatchObject({
        name: 'landing-noodtoegang',
        reason: expect.stringMatching(/noodtoegang/),
      });
    }
    expect((await trailOf(t)).filter((e) => e.grond === 'noodtoegang')).toHaveLength(0);
  });

  it('records a change with the fields that changed, before and after', async () => {
    const t = await registered();
    const changed = await invoke<Transition>(transitionsApi, {
      routeKey: 'POST /api/transitions/{transitionId}/fase',
      principal: people.youssef,
      pathParameters: { transitionId: t.id },
      body: { naar: 'voorbereiding', reden: 'Intake gedaan', expectedVersion: t.version },
    });
    expect(changed.status).toBe(200);
    const [change] = (await trailOf(t)).filter((e) => e.actie === 'wijzigen' && e.operatie === 'changeFase');
    expect(change).toMatchObject({
      gebruiker: { id: 'u-youssef' },
      grond: 'team',
      wijziging: {
        versieVoor: 1,
        versieNa: 2,
        velden: ['fase'],
        oud: { fase: 'aanmelding' },
        nieuw: { fase: 'voorbereiding' },
      },
    });
  });
});

const emergency = {
  'landing-noodtoegang': encodeURIComponent('Crisisdienst: Kees belt in paniek, zijn begeleiders zijn onbereikbaar'),
};
const onRecord = (
  t: Transition,
  route: string,
  principal: Principal,
  body?: unknown,
  headers: Record<string, string> = emergency,
) =>
  invoke<{ code?: string; title?: string; status?: string }>(
    route.includes('regelbudget')
      ? budgetApi
      : route.includes('/signalen') || route.includes('/contacten')
        ? signalsApi
        : transitionsApi,
    {
      routeKey: route,
      principal,
      pathParameters: { transitionId: t.id },
      ...(body === undefined ? {} : { body }),
      headers,
    },
  );

describe('emergency access is for looking', () => {
  it('refuses every change and every euro to someone of another team under noodtoegang, and writes nothing', async () => {
    const t = await registered();
    const grant = await onRecord(
      t,
      'PUT /api/transitions/{transitionId}/regelbudget',
      people.pieter,
      { toegekendCent: 100_000, geldigVan: '2027-01-01', geldigTot: '2027-12-31' },
      {},
    );
    expect(grant.status).toBe(200);
    for (const principal of [people.kim, people.fleur]) {
      expect((await read(t, principal, emergency)).status).toBe(200);
      const attempts = [
        await onRecord(t, 'POST /api/transitions/{transitionId}/regelbudget/uitgaven', principal, {
          categorie: 'inrichting',
          bedragCent: 10_000,
          ontvanger: 'Kringloop',
          reden: 'Een bed',
        }),
        await onRecord(t, 'POST /api/transitions/{transitionId}/contacten', principal, {
          modaliteit: 'op-afstand',
          notitie: 'Gebeld',
        }),
        await onRecord(t, 'POST /api/transitions/{transitionId}/fase', principal, {
          naar: 'voorbereiding',
          reden: 'Intake',
          expectedVersion: t.version,
        }),
      ];
      for (const attempt of attempts) {
        expect(attempt).toMatchObject({ status: 403, body: { code: 'noodtoegang-alleen-inzien', status: 403 } });
        expect(attempt.headers['content-type']).toBe('application/problem+json');
        expect(attempt.body.title).toMatch(/Noodtoegang is om in te zien/);
      }
    }
    expect((await budgets.spends(t.id)).length).toBe(0);
    const contacts = await invoke<{ items: unknown[] }>(signalsApi, {
      routeKey: 'GET /api/transitions/{transitionId}/contacten',
      principal: people.sanne,
      pathParameters: { transitionId: t.id },
    });
    expect(contacts.body.items).toEqual([]);
    expect((await read(t, people.sanne)).body).toMatchObject({ version: t.version, fase: 'aanmelding' });
    // Each refusal is on the person's own trail, with its reason.
    const refused = (await trailOf(t)).filter((e) => e.actie === 'geweigerd');
    expect(refused.map((e) => e.weigering)).toEqual(Array(6).fill('alleen-inzien'));
    expect(new Set(refused.map((e) => e.operatie))).toEqual(new Set(['proposeSpend', 'recordContact', 'changeFase']));
  });

  it('lets someone of another team pass on a signal in a crisis, on the ground noodtoegang, with the reason', async () => {
    const t = await registered();
    const signal = await onRecord(t, 'POST /api/transitions/{transitionId}/signalen', people.kim, {
      bron: 'ondersteuning-op-afstand',
      omschrijving: 'Belt in paniek naar de nachtdienst',
      fase: 'rood',
      reden: 'Paniek midden in de nacht, alleen thuis',
    });
    expect(signal.status).toBe(201);
    const [entry] = (await trailOf(t)).filter((e) => e.operatie === 'registerSignal');
    expect(entry).toMatchObject({
      actie: 'wijzigen',
      grond: 'noodtoegang',
      noodtoegang: { reden: expect.stringContaining('Crisisdienst') },
      gebruiker: { id: 'u-kim' },
    });
  });

  it('does not open the audit trail or the inzageverslag under noodtoegang, and records the refusals on the person’s trail', async () => {
    const t = await registered();
    for (const route of [
      'GET /api/transitions/{transitionId}/audit',
      'GET /api/transitions/{transitionId}/inzageverslag',
    ]) {
      const attempt = await invoke<{ code: string }>(auditApi, {
        routeKey: route,
        principal: people.fleur,
        pathParameters: { transitionId: t.id },
        headers: emergency,
      });
      expect(attempt).toMatchObject({ status: 403, body: { code: 'noodtoegang-alleen-inzien' } });
    }
    const refused = (await trailOf(t)).filter((e) => e.actie === 'geweigerd' && e.gebruiker.id === 'u-fleur');
    expect(refused.map((e) => e.operatie).sort()).toEqual(['exportAccessReport', 'getPersonAudit']);
  });
});

describe('a refused change is on the person’s trail', () => {
  it('records a refused phase or support change in the person’s trail (and so in their inzageverslag)', async () => {
    const t = await registered();
    const fase = await onRecord(
      t,
      'POST /api/transitions/{transitionId}/fase',
      people.kim,
      { naar: 'voorbereiding', reden: 'Intake', expectedVersion: t.version },
      {},
    );
    expect(fase).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    const support = await onRecord(
      t,
      'POST /api/transitions/{transitionId}/ondersteuning',
      people.bram,
      {
        niveau: 'intensief',
        modaliteiten: ['thuis'],
        vanaf: '2027-06-01',
        reden: 'Verhuizing',
        expectedVersion: t.version,
      },
      {},
    );
    expect(support.status).toBe(403);
    const refused = (await trailOf(t)).filter((e) => e.actie === 'geweigerd');
    expect(refused).toHaveLength(2);
    expect(refused).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          operatie: 'changeSupport',
          gebruiker: expect.objectContaining({ id: 'u-bram' }),
          weigering: 'role',
          transitionId: t.id,
        }),
        expect.objectContaining({
          operatie: 'changeFase',
          gebruiker: expect.objectContaining({ id: 'u-kim' }),
          weigering: 'team',
          transitionId: t.id,
        }),
      ]),
    );
    const report = await rawReport(t, people.ingrid);
    expect(report.body).toContain('"Kim de Wit"');
    expect(report.body).toContain('"Geweigerd"');
  });
});

const rawReport = async (t: Transition, principal: Principal) =>
  (await auditApi(
    (
      await import('../support/api-events')
    ).apiEvent({
      routeKey: 'GET /api/transitions/{transitionId}/inzageverslag',
      principal,
      pathParameters: { transitionId: t.id },
    }),
    { awsRequestId: 'r' } as never,
  )) as {
    statusCode: number;
    headers: Record<string, string>;
    body: string;
  };

describe('the audit trail for the team lead', () => {
  it('shows the team lead who looked at a person’s record, and a member’s trail; not to a begeleider', async () => {
    const t = await registered();
    await read(t, people.youssef);
    const trail = await invoke<{ items: AuditEntry[] }>(auditApi, {
      routeKey: 'GET /api/transitions/{transitionId}/audit',
      principal: people.ingrid,
      pathParameters: { transitionId: t.id },
    });
    expect(trail.status).toBe(200);
    expect(trail.body.items.map((e) => e.gebruiker.id)).toEqual(expect.arrayContaining(['u-sanne', 'u-youssef']));
    const member = await invoke<{ items: AuditEntry[] }>(auditApi, {
      routeKey: 'GET /api/audit/gebruikers/{userId}',
      principal: people.ingrid,
      pathParameters: { userId: 'u-youssef' },
    });
    expect(member.body.items.some((e) => e.persoonRef === t.persoonRef)).toBe(true);
    expect(
      (
        await invoke(auditApi, {
          routeKey: 'GET /api/audit/gebruikers/{userId}',
          principal: people.ingrid,
          pathParameters: { userId: 'u-kim' },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await invoke(auditApi, {
          routeKey: 'GET /api/transitions/{transitionId}/audit',
          principal: people.sanne,
          pathParameters: { transitionId: t.id },
        })
      ).status,
    ).toBe(403);
    // Looking at the trail is itself on the trail, as a look (it was once recorded as a change: found by the fuzz test).
    expect(
      (await trailOf(t))
        .filter((e) => e.operatie === 'getPersonAudit' && e.gebruiker.id === 'u-ingrid')
        .map((e) => e.actie),
    ).toEqual(['lezen']);
  });

  it('exports the person’s access report for the team lead: who, when, what, on what ground — no values of the record', async () => {
    const t = await registered();
    await read(t, people.youssef);
    // The report holds the audit trail: a begeleider gets the same 403 as for the trail itself.
    expect((await rawReport(t, people.sanne)).statusCode).toBe(403);
    const raw = await rawReport(t, people.ingrid);
    expect(raw.statusCode).toBe(200);
    expect(raw.headers['content-type']).toContain('text/csv');
    const lines = raw.body
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('datum;tijd;wie;rol;organisatie;wat;onderdeel;grond;noodtoegang');
    expect(
      lines.some(
        (l) => l.includes('"Youssef El Amrani";"Begeleider"') && l.includes('"Lid van het team van de persoon"'),
      ),
    ).toBe(true);
    // Organisations by name, as the person reads them.
    expect(lines.some((l) => l.includes('"Youssef El Amrani";"Begeleider";"Stichting A"'))).toBe(true);
    expect(raw.body).not.toContain('"org-a"');
    expect(raw.body).not.toContain(t.persoon.geboortedatum);
  });
});
