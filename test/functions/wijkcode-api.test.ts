import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTransitionsApi } from '../../functions/transitions/api';
import type { TransitionsDeps } from '../../functions/transitions/ports';
import { DynamoOrganisationDirectory } from '../../functions/storage/dynamo-organisation-directory';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import { StepFunctionsTransitionWorkflow } from '../../functions/workflow/step-functions-workflow';
import type { Problem } from '../../shared/api/problem';
import type { Transition } from '../../shared/domain/transition/transition';
import { invoke } from '../support/api-events';
import { createTestTable, type TestTable } from '../support/dynamo';
import { aanmelding, people, seedOrganisations } from '../support/factories';

// Step Functions is an AWS-only service: mocked. DynamoDB is the real DynamoDB Local.
const sfn = mockClient(SFNClient);
let table: TestTable;
let handler: ReturnType<typeof createTransitionsApi>;

beforeAll(async () => {
  table = await createTestTable('wijkcode');
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
    now: () => new Date('2027-01-11T09:00:00Z'),
    newId: randomUUID,
  };
  handler = createTransitionsApi(() => deps);
});

type Body = Transition & Problem;
const post = (routeKey: string, transitionId: string, body: unknown, extra: Record<string, string> = {}) =>
  invoke<Body>(handler, {
    routeKey,
    principal: people.sanne,
    pathParameters: { transitionId, ...extra },
    body,
  });

/** A transition of Utrecht (GM0344) in the phase woning. */
async function inWoning(): Promise<Transition> {
  let t = (
    await invoke<Transition>(handler, {
      routeKey: 'POST /api/transitions',
      principal: people.sanne,
      body: aanmelding(),
    })
  ).body;
  const step = async (routeKey: string, body: Record<string, unknown>, extra: Record<string, string> = {}) => {
    const response = await post(routeKey, t.id, { ...body, expectedVersion: t.version }, extra);
    expect(response.status).toBe(200);
    t = response.body;
  };
  await step('POST /api/transitions/{transitionId}/fase', { naar: 'voorbereiding', reden: 'Intake gehad' });
  for (const itemId of ['overdrachtsformulier', 'signaleringsplan'])
    await step('PUT /api/transitions/{transitionId}/gereedheid/{itemId}', { gedaan: true }, { itemId });
  await step('POST /api/transitions/{transitionId}/fase', { naar: 'woning', reden: 'Voorbereiding rond' });
  return t;
}

const offer = {
  corporatieId: 'corp-w',
  adres: { straat: 'Kanaalweg', huisnummer: '12', postcode: '3526 KL', plaats: 'Utrecht' },
  wijk: 'Kanaleneiland',
  huurPerMaandCent: 64_950,
  beschikbaarVanaf: '2027-03-01',
  reactieUiterlijk: '2027-01-25',
};
const register = (t: Transition, extra: Record<string, unknown>) =>
  post('POST /api/transitions/{transitionId}/aanbiedingen', t.id, { ...offer, ...extra, expectedVersion: t.version });
const reread = async (t: Transition) =>
  (
    await invoke<Transition>(handler, {
      routeKey: 'GET /api/transitions/{transitionId}',
      principal: people.sanne,
      pathParameters: { transitionId: t.id },
    })
  ).body;

describe('the CBS wijkcode of a woning', () => {
  it('is kept with the offer, in capitals', async () => {
    const t = await inWoning();
    const response = await register(t, { wijkcode: ' wk034401 ' });
    expect(response.status).toBe(200);
    expect(response.body.aanbiedingen[0]).toMatchObject({ wijk: 'Kanaleneiland', wijkcode: 'WK034401' });
  });

  it('may be left out: an offer without one is valid, as before', async () => {
    const t = await inWoning();
    const response = await register(t, {});
    expect(response.status).toBe(200);
    expect(response.body.aanbiedingen[0]).not.toHaveProperty('wijkcode');
  });

  it('refuses a code that is not WK and six digits with a Dutch problem, and writes nothing', async () => {
    const t = await inWoning();
    for (const wijkcode of ['WK3444', 'BU03440101', 'Kanaleneiland', 'WK03440A']) {
      const response = await register(t, { wijkcode });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.invalidParams?.[0]).toMatchObject({
        name: 'wijkcode',
        reason: 'Een wijkcode is WK met zes cijfers, zoals WK034401.',
      });
    }
    expect((await reread(t)).version).toBe(t.version);
  });

  it("refuses a wijk of another municipality: the code's first four digits are the gemeentecode", async () => {
    const t = await inWoning();
    const response = await register(t, { wijkcode: 'WK035601' });
    expect(response.status).toBe(409);
    expect(response.body.title).toBe(
      'De wijkcode WK035601 hoort bij een andere gemeente (GM0356), niet bij Utrecht (GM0344).',
    );
    expect((await reread(t)).aanbiedingen).toEqual([]);
  });
});
