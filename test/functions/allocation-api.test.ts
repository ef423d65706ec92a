import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTransitionsApi } from '../../functions/transitions/api';
import { DynamoOrganisationDirectory } from '../../functions/storage/dynamo-organisation-directory';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import { StepFunctionsTransitionWorkflow } from '../../functions/workflow/step-functions-workflow';
import type { TransitionOverview } from '../../shared/api/contract';
import type { Problem } from '../../shared/api/problem';
import type { Principal } from '../../shared/domain/organisation/principal';
import type { TimelineEvent } from '../../shared/domain/transition/timeline';
import type { Transition } from '../../shared/domain/transition/transition';
import type { VowDraft } from '../../shared/domain/support/iwmo';
import { invoke } from '../support/api-events';
import { createTestTable } from '../support/dynamo';
import { aanmelding, people, seedOrganisations } from '../support/factories';

const sfn = mockClient(SFNClient);
let handler: ReturnType<typeof createTransitionsApi>;
const today = new Date('2027-01-11T09:00:00Z');

beforeAll(async () => {
  const table = await createTestTable('allocation');
  await seedOrganisations(table.db, table.tableName);
  sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn', startDate: new Date() });
  const arn = 'arn:aws:states:eu-west-1:0:stateMachine:t';
  const workflow = new StepFunctionsTransitionWorkflow(new SFNClient({ region: 'eu-west-1' }), {
    transition: arn,
    move: `${arn}-move`,
    signals: `${arn}-signals`,
  });
  handler = createTransitionsApi(() => ({
    store: new DynamoTransitionStore(table.db, table.tableName),
    directory: new DynamoOrganisationDirectory(table.db, table.tableName),
    workflow,
    now: () => today,
    newId: randomUUID,
  }));
});

const call = <T>(routeKey: string, t: Transition, body?: unknown, principal: Principal = people.sanne) =>
  invoke<T & Problem>(handler, {
    routeKey,
    principal,
    pathParameters: { transitionId: t.id },
    ...(body !== undefined ? { body } : {}),
  });
const read = async (t: Transition) => (await call<Transition>('GET /api/transitions/{transitionId}', t)).body;
const overviewOf = async (t: Transition, principal?: Principal) =>
  call<TransitionOverview>('GET /api/transitions/{transitionId}/overview', t, undefined, principal);
const recordAllocation = (t: Transition, body: Record<string, unknown>, principal?: Principal) =>
  call<Transition>(
    'PUT /api/transitions/{transitionId}/toewijzing',
    t,
    { expectedVersion: t.version, ...body },
    principal,
  );
const draftVow = (t: Transition, body: Record<string, unknown>, principal?: Principal) =>
  call<VowDraft>('POST /api/transitions/{transitionId}/toewijzing/verzoek-om-wijziging', t, body, principal);

const threeHoursAWeek = {
  toewijzingNummer: '20270001',
  productCategorie: '02',
  productCode: '02a01',
  ingangsdatum: '2027-01-01',
  einddatum: '2027-12-31',
  omvang: { volume: 3, eenheid: '04', frequentie: '2' },
};

/** A new transition on regulier, with a temporary scale-up to verhoogd from 1 February to 15 March. */
async function scalingUpInFebruary(): Promise<Transition> {
  let t = (
    await invoke<Transition>(handler, {
      routeKey: 'POST /api/transitions',
      principal: people.sanne,
      body: aanmelding(),
    })
  ).body;
  for (const change of [
    { niveau: 'regulier', modaliteiten: ['thuis'], reden: 'Start begeleiding', vanaf: '2027-01-11' },
    {
      niveau: 'verhoogd',
      modaliteiten: ['thuis'],
      reden: 'Onrustig rond de verhuizing',
      vanaf: '2027-02-01',
      tot: '2027-03-15',
    },
  ]) {
    t = (
      await call<Transition>('POST /api/transitions/{transitionId}/ondersteuning', t, {
        ...change,
        expectedVersion: t.version,
      })
    ).body;
  }
  return t;
}

describe('recording the iWmo allocation', () => {
  it('stores it with who recorded it, puts it on the timeline, and the overview shows the excess', async () => {
    const t = await scalingUpInFebruary();

    const recorded = await recordAllocation(t, threeHoursAWeek);
    const view = await overviewOf(recorded.body);
    const timeline = await call<{ items: TimelineEvent[] }>('GET /api/transitions/{transitionId}/timeline', t);

    expect(recorded.status).toBe(200);
    expect(recorded.body.toewijzing).toEqual({
      ...threeHoursAWeek,
      productCode: '02A01',
      vastgelegdOp: '2027-01-11',
      vastgelegdDoor: { id: 'u-sanne', naam: 'Sanne de Vries' },
    });
    expect(view.body.ondersteuning.toewijzing).toEqual({
      urenPerWeekToegewezen: 3,
      overschrijding: { vanaf: '2027-02-01', urenPerWeekGepland: 6, urenPerWeekToegewezen: 3 },
    });
    expect(timeline.body.items[0]).toMatchObject({
      type: 'toewijzing-vastgelegd',
      omschrijving: '20270001: 3 uur per week vanaf 1 januari 2027 tot en met 31 december 2027',
    });
  });

  it('answers 400 with field messages for unknown codes, a volume of nothing and dates in the wrong order, writing nothing', async () => {
    const t = await scalingUpInFebruary();
    const omvang = threeHoursAWeek.omvang;

    const responses = await Promise.all([
      recordAllocation(t, { ...threeHoursAWeek, omvang: { ...omvang, eenheid: '05' } }),
      recordAllocation(t, { ...threeHoursAWeek, omvang: { ...omvang, frequentie: '9' } }),
      recordAllocation(t, { ...threeHoursAWeek, omvang: { ...omvang, volume: 0 } }),
      recordAllocation(t, { ...threeHoursAWeek, einddatum: '2026-12-31' }),
      recordAllocation(t, { ...threeHoursAWeek, bsn: '123456782' }),
    ]);

    expect(responses.map((r) => r.status)).toEqual([400, 400, 400, 400, 400]);
    expect(responses.slice(0, 4).map((r) => r.body.invalidParams?.[0])).toEqual([
      expect.objectContaining({ name: 'omvang.eenheid', reason: 'Kies een eenheid uit de iWmo-codelijst (WMO756).' }),
      expect.objectContaining({
        name: 'omvang.frequentie',
        reason: 'Kies een frequentie uit de iWmo-codelijst (WMO757).',
      }),
      expect.objectContaining({ name: 'omvang.volume', reason: 'Het volume moet meer dan nul zijn.' }),
      expect.objectContaining({ name: 'einddatum', reason: 'De einddatum ligt vóór de ingangsdatum.' }),
    ]);
    expect(await read(t)).toMatchObject({ version: t.version });
    expect((await read(t)).toewijzing).toBeUndefined();
  });

  it('hides another organisation’s transition behind 404: recording, the overview and the draft', async () => {
    const t = await scalingUpInFebruary();

    const record = await recordAllocation(t, threeHoursAWeek, people.noor);
    const view = await overviewOf(t, people.noor);
    const draft = await draftVow(t, { redenVerzoek: '01', gewensteIngangsdatum: '2027-02-01' }, people.noor);

    expect([record.status, view.status, draft.status]).toEqual([404, 404, 404]);
  });
});

describe('drafting a verzoek om wijziging', () => {
  it('answers 409 while there is no allocation, and a draft once there is, storing nothing', async () => {
    const t = await scalingUpInFebruary();
    const input = {
      redenVerzoek: '01',
      gewensteIngangsdatum: '2027-02-01',
      toelichting: 'Tijdelijk meer begeleiding rond de verhuizing.',
    };

    const without = await draftVow(t, input);
    const recorded = (await recordAllocation(t, threeHoursAWeek)).body;
    const draft = await draftVow(t, input);

    expect(without.status).toBe(409);
    expect(without.body).toMatchObject({
      code: 'rule-violation',
      title: 'Er is nog geen toewijzing vastgelegd: leg die eerst vast.',
    });
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({
      bericht: 'WMO317',
      Verzoek: {
        RedenVerzoek: '01',
        TeWijzigenProducten: [
          {
            ToewijzingNummer: '20270001',
            GewensteIngangsdatum: '2027-02-01',
            Einddatum: '2027-12-31',
            Omvang: { Volume: 6, Eenheid: '04', Frequentie: '2' },
          },
        ],
      },
      redenVerzoekOmschrijving: 'Verandering cliëntsituatie',
      toelichting: input.toelichting,
      persoonRef: t.persoonRef,
      ontbreekt: ['Bsn'],
    });
    expect(JSON.stringify(draft.body)).not.toContain(t.persoon.achternaam);
    expect((await read(t)).version).toBe(recorded.version);
  });

  it('refuses an unknown reason with 400', async () => {
    const t = await scalingUpInFebruary();

    const response = await draftVow(t, { redenVerzoek: '03', gewensteIngangsdatum: '2027-02-01' });

    expect(response.status).toBe(400);
    expect(response.body.invalidParams?.[0]?.name).toBe('redenVerzoek');
  });
});
