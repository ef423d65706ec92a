import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTransitionsApi } from '../../functions/transitions/api';
import type { TransitionsDeps } from '../../functions/transitions/ports';
import { DynamoOrganisationDirectory } from '../../functions/storage/dynamo-organisation-directory';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import { StepFunctionsTransitionWorkflow } from '../../functions/workflow/step-functions-workflow';
import type { TransitionOverview } from '../../shared/api/contract';
import type { Problem } from '../../shared/api/problem';
import type { Transition } from '../../shared/domain/transition/transition';
import { invoke } from '../support/api-events';
import { createTestTable, type TestTable } from '../support/dynamo';
import { aanmelding, people, seedOrganisations } from '../support/factories';

const sfn = mockClient(SFNClient);
let table: TestTable;
let handler: ReturnType<typeof createTransitionsApi>;
const today = new Date('2027-01-11T09:00:00Z');

beforeAll(async () => {
  table = await createTestTable('housing-first');
  await seedOrganisations(table.db, table.tableName);
  sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn', startDate: new Date() });
  const deps: TransitionsDeps = {
    store: new DynamoTransitionStore(table.db, table.tableName),
    directory: new DynamoOrganisationDirectory(table.db, table.tableName),
    workflow: new StepFunctionsTransitionWorkflow(new SFNClient({ region: 'eu-west-1' }), {
      transition: 'arn:aws:states:eu-west-1:0:stateMachine:t',
      move: 'arn:aws:states:eu-west-1:0:stateMachine:move',
      signals: 'arn:aws:states:eu-west-1:0:stateMachine:signals',
    }),
    now: () => today,
    newId: randomUUID,
  };
  handler = createTransitionsApi(() => deps);
});

type Body = Transition & Problem;
const offer = {
  corporatieId: 'corp-w',
  adres: { straat: 'Kanaalweg', huisnummer: '12', postcode: '3526kl', plaats: 'Utrecht' },
  wijk: 'Kanaleneiland',
  huurPerMaandCent: 64_950,
  beschikbaarVanaf: '2027-03-01',
  reactieUiterlijk: '2027-01-25',
};

async function start(geboortedatum?: string) {
  const created = await invoke<Transition>(handler, {
    routeKey: 'POST /api/transitions',
    principal: people.sanne,
    body: aanmelding(geboortedatum ? { persoon: { ...aanmelding().persoon, geboortedatum } } : {}),
  });
  let t = created.body;
  const step = async (routeKey: string, body: Record<string, unknown>, extra: Record<string, string> = {}) => {
    const r = await invoke<Body>(handler, {
      routeKey,
      principal: people.sanne,
      pathParameters: { transitionId: t.id, ...extra },
      body: { ...body, expectedVersion: t.version },
    });
    if (r.status === 200) t = r.body;
    return r;
  };
  const view = async () =>
    (
      await invoke<TransitionOverview>(handler, {
        routeKey: 'GET /api/transitions/{transitionId}/overview',
        principal: people.sanne,
        pathParameters: { transitionId: t.id },
      })
    ).body;
  return { step, view, current: () => t };
}

const tick = 'PUT /api/transitions/{transitionId}/gereedheid/{itemId}';
const fase = 'POST /api/transitions/{transitionId}/fase';
const uitkering = 'PUT /api/transitions/{transitionId}/uitkering';

describe('Housing First through the API', () => {
  it('gets a woning with schulden still open and a garantstelling recorded; wijk items wait for the woning', async () => {
    const { step, view, current } = await start();
    expect((await step(fase, { naar: 'voorbereiding', reden: 'Intake gehad' })).status).toBe(200);
    const garant = await step(
      tick,
      { gedaan: true, notitie: 'Gemeente staat garant voor de huur' },
      {
        itemId: 'garantstelling',
      },
    );
    expect(garant.status).toBe(200);
    expect(current().gereedheid.garantstelling).toMatchObject({ notitie: 'Gemeente staat garant voor de huur' });

    const tooEarly = await step(tick, { gedaan: true }, { itemId: 'daginvulling' });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.title).toContain('nieuwe wijk');

    for (const itemId of ['overdrachtsformulier', 'signaleringsplan'])
      expect((await step(tick, { gedaan: true }, { itemId })).status).toBe(200);
    expect(current().gereedheid['schulden-stabiel']).toBeUndefined();
    expect((await view()).gereedheid).toMatchObject({ ready: true, openBlocking: [] });
    expect((await step(fase, { naar: 'woning', reden: 'Housing First: eerst een woning' })).status).toBe(200);

    await step('POST /api/transitions/{transitionId}/aanbiedingen', offer);
    await step(
      'POST /api/transitions/{transitionId}/aanbiedingen/{aanbiedingId}/besluit',
      { besluit: 'geaccepteerd' },
      { aanbiedingId: current().aanbiedingen[0]!.id },
    );
    expect((await step(tick, { gedaan: true }, { itemId: 'daginvulling' })).status).toBe(200);
  });

  it('records the prepared application, the W&I contact, maatwerk and bijzondere bijstand', async () => {
    const { step, view, current } = await start();
    const saved = await step(uitkering, {
      klaargezetOp: '2027-01-04',
      contactWerkInkomen: 'Els Jansen, 030-1234567',
      maatwerkAfgesproken: true,
      bijzondereBijstand: { aangevraagdOp: '2027-01-05', toegekend: true, bedragCent: 150_000 },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(current().uitkering).toEqual({
      klaargezetOp: '2027-01-04',
      contactWerkInkomen: 'Els Jansen, 030-1234567',
      maatwerkAfgesproken: true,
      bijzondereBijstand: { aangevraagdOp: '2027-01-05', toegekend: true, bedragCent: 150_000 },
    });
    expect((await view()).uitkering).toMatchObject({ level: 'open', reden: expect.stringContaining('klaargezet') });
  });

  it('refuses bijzondere bijstand that does not add up, in Dutch, and writes nothing', async () => {
    const { step, current } = await start();
    const before = current().version;
    const noAmountYet = await step(uitkering, {
      bijzondereBijstand: { aangevraagdOp: '2027-01-05', toegekend: false, bedragCent: 50_000 },
    });
    expect(noAmountYet.status).toBe(409);
    expect(noAmountYet.body.title).toContain('toegekende bijzondere bijstand');
    const negative = await step(uitkering, { bijzondereBijstand: { bedragCent: -5 } });
    expect(negative.status).toBe(400);
    expect(JSON.stringify(negative.body)).toContain('meer dan nul');
    expect(current().version).toBe(before);
  });

  it('warns for the jongerennorm from the date of birth, on the move date', async () => {
    const young = await start('2007-01-01');
    expect((await young.view()).jongeren).toMatchObject({
      leeftijd: 20,
      reden: expect.stringContaining('jongerennorm'),
    });
    expect((await young.view()).jongeren?.reden).toContain('vier weken');
    expect((await (await start('1990-01-01')).view()).jongeren).toBeUndefined();
  });
});
