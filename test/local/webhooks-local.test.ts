import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startLanding, type RunningLanding } from '../../infra/local/landing';
import type { Transition } from '../../shared/domain/transition/transition';
import { localApi, settle } from '../support/local-api';

/**
 * `npm start`'s webhook path end to end: a caseworker's change through the gateway, the outbox written with
 * it, DynamoDB Local's stream, the fan-out, the queue, the worker, and the demo corporation's receiver, which
 * verifies each notice with the standardwebhooks library.
 */
let landing: RunningLanding;
let sanne: Awaited<ReturnType<typeof localApi>>;

beforeAll(async () => {
  landing = await startLanding({
    port: 0,
    dynamoEndpoint: inject('dynamoEndpoint'),
    tableName: `landing-webhooks-${Date.now()}`,
    webRoot: 'web/dist',
    seedDemoData: true,
  });
  sanne = await localApi(landing, 'u-sanne');
});
afterAll(() => landing?.stop());

async function fatima(): Promise<Transition> {
  const list = await sanne.call<{ items: { id: string; persoon: { voornaam: string } }[] }>(
    'GET',
    '/api/transitions?scope=team',
  );
  const id = list.body.items.find((t) => t.persoon.voornaam === 'Fatima')!.id;
  return (await sanne.call<Transition>('GET', `/api/transitions/${id}`)).body;
}

const received = () => landing.receiver!.received();

describe('webhooks in the local product', { timeout: 60_000 }, () => {
  it('delivers a verified notice to the demo receiver when an offer is accepted', async () => {
    const t = await fatima();
    const offer = t.aanbiedingen[0]!;
    const accepted = await sanne.call<Transition>('POST', `/api/transitions/${t.id}/aanbiedingen/${offer.id}/besluit`, {
      besluit: 'geaccepteerd',
      expectedVersion: t.version,
    });
    expect(accepted.status).toBe(200);
    await settle(landing);
    const notice = received().find((n) => n.type === 'nl.beschermdthuis.woning.aanbod-geaccepteerd');
    expect(notice).toMatchObject({
      subject: t.persoonRef,
      keer: 1,
      data: {
        woning: { eenheidnummer: 'RH-33012' },
        contactpersoon: { naam: 'Sanne de Vries', telefoon: '030 760 41 12' },
      },
    });
    expect(JSON.stringify(notice)).not.toMatch(/Ouali|Fatima|geboortedatum|reden/);
  });

  it('keeps what a receiver that is down missed, and delivers it when it is back', async () => {
    landing.receiver!.setOnline(false);
    let t = await fatima();
    const contract = await sanne.call<Transition>('PUT', `/api/transitions/${t.id}/contract`, {
      vorm: 'driepartijenovereenkomst',
      ingangsdatum: t.aanbiedingen[0]!.beschikbaarVanaf,
      getekendOp: landing.clock.state().today,
      contractnummer: 'RH-2027-0001',
      expectedVersion: t.version,
    });
    expect(contract.status, JSON.stringify(contract.body)).toBe(200);
    t = contract.body;
    await settle(landing);
    expect(received().some((n) => n.type === 'nl.beschermdthuis.woning.contract-getekend')).toBe(false);

    landing.receiver!.setOnline(true);
    await sanne.advanceHours(1);
    await landing.sweep();
    await settle(landing);
    const signed = received().filter((n) => n.type === 'nl.beschermdthuis.woning.contract-getekend');
    expect(signed).toHaveLength(1);
    expect(signed[0]!.data).toMatchObject({
      contract: { vorm: 'driepartijenovereenkomst', contractnummer: 'RH-2027-0001', garantstelling: false },
    });
  });
});
