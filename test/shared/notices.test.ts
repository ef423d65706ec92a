import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoOrganisations } from '../../infra/local/demo-data';
import type { IsoDate } from '../../shared/domain/common/calendar';
import { toCloudEvent } from '../../shared/domain/notices/cloud-event';
import {
  noticeDataSchemas,
  noticeKinds,
  noticeTypes,
  noticesFor,
  type Notice,
  type NoticeKind,
} from '../../shared/domain/notices/notices';
import { toOutboxEvents } from '../../shared/domain/notices/outbox-event';
import { triage } from '../../shared/domain/signals/thermometer';
import { notStartedYet, Transition } from '../../shared/domain/transition/transition';
import {
  agreePlan,
  applyMoveStep,
  changeFase,
  confirmMove,
  changeSupport,
  decideOffer,
  endTemporaryStay,
  endTransition,
  handOver,
  startTemporaryStay,
  recordLandingReview,
  recordOmklapDecision,
  recordScaleUpEnded,
  reviewSupport,
  savePlan,
  setMoveDate,
  setReadiness,
  setUitkering,
  signContract,
  type CommandContext,
  type CommandResult,
} from '../../shared/domain/transition/transition-commands';
import type { WoningAanbieding } from '../../shared/domain/woning/woning';
import { acceptedWoning } from '../support/woning-fixtures';

// Everything a corporation must never hear: the reasons, the plan, the benefit, the urgency, the person.
const SIGN = 'Ik hoor stemmen';
const SIGN_ACTION = 'Bel de crisisdienst en zus Marloes';
const START_REASON = 'Start na Beschermd Wonen; psychose in 2024';
const DEBT_REASON = 'Tijdelijk meer contact: schulden lopen op';
const thermometer = triage({ veiligheid: 2, gezondheid: 2, welzijn: 1, omvang: 0, duur: 1 });
const THERMOMETER_REASON = `Signaal zonder teken, thermometer ${thermometer.totaal}: ${thermometer.actie}`;
const SCALE_UP_REASON = 'Rond de verhuizing; eerder psychose bij stress';
const RELAPSE_REASON = 'Terugval: weer gebruik en stemmen';
const DECLINE_REASON = 'Te dicht bij de oude dealer';
const GUARANTEE_REASON = 'BKR-registratie door schulden';
const OMKLAP_REASON = 'Eerst de betalingsregeling afronden';
const READINESS_NOTE = 'Schuldhulp via Plangroep; CJIB-boetes';
const UITKERING_APPLIED = '2026-12-17';
const UITKERING_DECIDED = '2027-01-20';
const persoon = { voornaam: 'Jorinde', achternaam: 'Vermeulen', geboortedatum: '1994-06-23' };
const contact = { id: 'u-sanne', naam: 'Sanne de Vries', telefoon: '06-11112222' };
const duo = { id: 'u-youssef', naam: 'Youssef El Amrani', telefoon: '06-33334444' };
const newContact = { id: 'u-marieke', naam: 'Marieke Jansen', telefoon: '06-55556666' };

const forbidden = [
  SIGN,
  'stemmen',
  SIGN_ACTION,
  'Marloes',
  START_REASON,
  'psychose',
  DEBT_REASON,
  'schulden',
  thermometer.actie,
  'thermometer',
  SCALE_UP_REASON,
  RELAPSE_REASON,
  DECLINE_REASON,
  'dealer',
  GUARANTEE_REASON,
  OMKLAP_REASON,
  'Ik woon hier nu echt',
  READINESS_NOTE,
  'CJIB',
  UITKERING_APPLIED,
  UITKERING_DECIDED,
  'uitkering',
  'toegekend',
  'signaleringsplan',
  'tekens',
  'ondersteuning',
  'intensief',
  'remote-24-7',
  'geboortedatum',
  persoon.geboortedatum,
  persoon.voornaam,
  persoon.achternaam,
  'reden',
  'opname',
  'overleden',
  'logeerplek',
  // The second begeleider is not the corporation's contact person.
  duo.naam,
  duo.telefoon,
];

const offerA: WoningAanbieding = {
  ...acceptedWoning,
  id: 'a1',
  corporatieId: 'corp-rijnhoven',
  status: 'open',
  eenheidnummer: 'VE-004211',
};
const offerB: WoningAanbieding = {
  ...acceptedWoning,
  id: 'a2',
  corporatieId: 'corp-vechtvaart',
  adres: { straat: 'Vechtdijk', huisnummer: '3bis', postcode: '3555 AB', plaats: 'Utrecht' },
  wijk: 'Zuilen',
  status: 'open',
};
const woningA = { adres: offerA.adres, eenheidnummer: 'VE-004211' };
const woningB = { adres: offerB.adres };
const persoonRef = 'prs-4f7c2a';

const DAY0 = '2027-02-01';
const MOVE = '2027-03-05';
const actor = { id: 'u-sanne', naam: 'Sanne de Vries' };
const ctxOn = (today: IsoDate): CommandContext => ({ today, actor });

/** A transition in the woning phase, full of what only the provider may know. */
function sensitiveTransition(): Transition {
  return Transition.parse({
    id: 't-1',
    version: 7,
    providerId: 'org-overstap',
    persoonRef,
    persoon,
    gemeenteCode: 'GM0344',
    herkomst: 'BW',
    begeleiders: [contact, duo],
    fase: 'woning',
    ...notStartedYet,
    gereedheid: { 'schulden-stabiel': { gedaanOp: '2027-01-10', notitie: READINESS_NOTE, door: actor } },
    aanbiedingen: [offerA, offerB],
    uitkering: {
      aangevraagdOp: UITKERING_APPLIED,
      besluitOp: UITKERING_DECIDED,
      toegekend: true,
      ingangsdatum: '2027-03-01',
    },
    ondersteuning: [
      {
        id: 's-start',
        niveau: 'regulier',
        modaliteiten: ['thuis'],
        reden: START_REASON,
        vanaf: '2027-01-01',
        door: actor,
      },
      {
        id: 's-signaal',
        niveau: 'verhoogd',
        modaliteiten: ['thuis', 'op-afstand'],
        reden: THERMOMETER_REASON,
        vanaf: '2027-01-10',
        tot: '2027-01-24',
        door: actor,
        signaalId: 'sig-9',
      },
    ],
    signaleringsplan: [
      {
        versie: 1,
        tekens: [
          {
            id: 'tk-1',
            fase: 'oranje',
            teken: SIGN,
            actie: SIGN_ACTION,
            wie: 'Zus Marloes',
            netwerkMagWeten: true,
            corporatieMagWeten: false,
          },
        ],
        opgesteldMet: 'Zus Marloes en een ervaringsdeskundige',
        vastgelegdOp: '2027-01-05',
        vastgelegdDoor: actor,
        akkoordPersoonOp: '2027-01-06',
      },
    ],
    signalen: {
      uitkeringRisico: 'groen',
      volgendeDeadline: { datum: '2027-02-10', wat: 'Reageren op het woningaanbod' },
    },
    createdAt: '2026-11-02T09:00:00.000Z',
    createdBy: 'u-sanne',
    updatedAt: '2027-01-24T09:00:00.000Z',
  });
}

type Command = (t: Transition, ctx: CommandContext) => CommandResult;
const cmd =
  (command: Command) =>
  (t: Transition, ctx: CommandContext): Transition =>
    command(t, ctx).next;

interface Step {
  wat: string;
  op: IsoDate;
  doe: (t: Transition, ctx: CommandContext) => Transition;
  verwacht: NoticeKind[];
}

const accept = cmd((t, ctx) => decideOffer(t, { aanbiedingId: 'a1', besluit: 'geaccepteerd' }, ctx));
const decline = cmd((t, ctx) =>
  decideOffer(t, { aanbiedingId: 'a2', besluit: 'afgewezen', reden: DECLINE_REASON }, ctx),
);

/**
 * One transition from the offers to geland, every change through its real command; where no command exists
 * (a new contact person) the object is edited as the caller would.
 */
const journey: Step[] = [
  { wat: 'aanbod B afgewezen', op: DAY0, doe: decline, verwacht: ['aanbod-afgewezen'] },
  { wat: 'aanbod A geaccepteerd', op: DAY0, doe: accept, verwacht: ['aanbod-geaccepteerd'] },
  {
    wat: 'contract getekend',
    op: DAY0,
    doe: cmd((t, ctx) =>
      signContract(
        t,
        {
          vorm: 'driepartijenovereenkomst',
          ingangsdatum: '2027-03-01',
          getekendOp: DAY0,
          omklapNaMaanden: 24,
          garantstelling: { reden: GUARANTEE_REASON },
          contractnummer: 'HC-2027-0042',
        },
        ctx,
      ),
    ),
    verwacht: ['contract-getekend'],
  },
  {
    wat: 'verhuisdatum vastgelegd',
    op: DAY0,
    doe: cmd((t, ctx) => setMoveDate(t, '2027-03-08', ctx)),
    verwacht: ['verhuisdatum-vastgelegd'],
  },
  {
    wat: 'verhuisdatum verschoven',
    op: '2027-02-03',
    doe: cmd((t, ctx) => setMoveDate(t, MOVE, ctx)),
    verwacht: ['verhuisdatum-vastgelegd'],
  },
  {
    wat: 'voorbereiding afgevinkt',
    op: '2027-02-03',
    doe: cmd((t, ctx) => setReadiness(t, { item: 'budgetbeheer', gedaan: true, notitie: READINESS_NOTE }, ctx)),
    verwacht: [],
  },
  {
    wat: 'fase verhuizing',
    op: '2027-02-03',
    doe: cmd((t, ctx) => changeFase(t, { naar: 'verhuizing', reden: 'Contract en datum rond' }, ctx)),
    verwacht: [],
  },
  {
    wat: 'intensief rond de verhuizing',
    op: '2027-02-19',
    doe: cmd((t, ctx) =>
      changeSupport(
        t,
        {
          id: 's-verhuizing',
          niveau: 'intensief',
          modaliteiten: ['thuis'],
          reden: SCALE_UP_REASON,
          vanaf: '2027-02-19',
          tot: '2027-03-19',
        },
        ctx,
      ),
    ),
    verwacht: ['bereikbaarheid-gewijzigd'],
  },
  {
    wat: 'bevestiging gevraagd',
    op: '2027-02-26',
    doe: cmd((t, ctx) => applyMoveStep(t, 'vraag-bevestiging', ctx)),
    verwacht: [],
  },
  {
    wat: 'verhuizing gevraagd',
    op: MOVE,
    doe: cmd((t, ctx) => applyMoveStep(t, 'vraag-verhuisbevestiging', ctx)),
    verwacht: [],
  },
  {
    wat: 'verhuisdag',
    op: '2027-03-16',
    doe: cmd((t, ctx) => confirmMove(t, { verhuisd: true, op: MOVE }, ctx)),
    verwacht: ['verhuisd'],
  },
  {
    wat: 'fase landing',
    op: MOVE,
    doe: cmd((t, ctx) => changeFase(t, { naar: 'landing', reden: 'Verhuisd' }, ctx)),
    verwacht: [],
  },
  {
    wat: 'nieuwe contactpersoon',
    op: '2027-03-10',
    doe: (t) => ({ ...t, begeleiders: [newContact, duo] }),
    verwacht: ['contactpersoon-gewijzigd'],
  },
  {
    wat: 'opschaling afgelopen',
    op: '2027-03-20',
    doe: cmd((t, ctx) => recordScaleUpEnded(t, 's-verhuizing', ctx)),
    verwacht: ['bereikbaarheid-gewijzigd'],
  },
  {
    wat: 'evaluatie gepland',
    op: '2027-04-16',
    doe: cmd((t, ctx) => applyMoveStep(t, 'evaluatie', ctx)),
    verwacht: [],
  },
  {
    wat: 'landingsreview na 6 maanden',
    op: '2027-09-15',
    doe: cmd((t, ctx) => applyMoveStep(t, 'landingsreview', ctx)),
    verwacht: [],
  },
  {
    wat: 'landingsreview na 12 maanden',
    op: '2028-03-15',
    doe: cmd((t, ctx) => applyMoveStep(t, 'landingsreview', ctx)),
    verwacht: [],
  },
  {
    wat: 'omklap aangekondigd',
    op: '2028-12-01',
    doe: cmd((t, ctx) => applyMoveStep(t, 'omklap-aankondigen', ctx)),
    verwacht: ['omklap-aangekondigd'],
  },
  {
    wat: 'fase omklap',
    op: '2028-12-01',
    doe: cmd((t, ctx) => changeFase(t, { naar: 'omklap', reden: 'Omklap in beeld' }, ctx)),
    verwacht: [],
  },
  {
    wat: 'landingsreview na 24 maanden',
    op: '2029-03-15',
    doe: cmd((t, ctx) => applyMoveStep(t, 'landingsreview', ctx)),
    verwacht: [],
  },
  {
    wat: 'geen besluit op de omklapdatum',
    op: '2029-03-15',
    doe: cmd((t, ctx) => applyMoveStep(t, 'omklap-herinneren', ctx)),
    verwacht: [],
  },
  {
    wat: 'omklap uitgesteld',
    op: '2029-03-20',
    doe: cmd((t, ctx) =>
      recordOmklapDecision(
        t,
        { besluit: 'uitstel', nieuweDatum: '2029-06-01', reden: OMKLAP_REASON, genomenDoor: 'Sanne en Vechtvaart' },
        ctx,
      ),
    ),
    verwacht: ['omklap-aangekondigd'],
  },
  {
    wat: 'omklap gemeld',
    op: '2029-06-01',
    doe: cmd((t, ctx) =>
      recordOmklapDecision(t, { besluit: 'omklap', per: '2029-06-01', genomenDoor: 'Sanne en Vechtvaart' }, ctx),
    ),
    verwacht: ['omklap-uitgevoerd'],
  },
  {
    wat: 'landing beoordeeld',
    op: '2029-06-01',
    doe: cmd((t, ctx) =>
      recordLandingReview(
        t,
        {
          factoren: {
            'overdracht-zorg': { oordeel: 'op-orde' },
            financien: { oordeel: 'op-orde' },
            daginvulling: { oordeel: 'aandacht' },
            netwerk: { oordeel: 'op-orde' },
          },
          perspectiefPersoon: 'Ik woon hier nu echt.',
          geland: true,
        },
        ctx,
      ),
    ),
    verwacht: [],
  },
  {
    wat: 'geland',
    op: '2029-06-01',
    doe: cmd((t, ctx) => changeFase(t, { naar: 'geland', reden: 'Gaat goed; psychose al twee jaar rustig' }, ctx)),
    verwacht: [],
  },
  {
    wat: 'warme overdracht',
    op: '2029-06-01',
    doe: cmd((t, ctx) =>
      handOver(
        t,
        { aan: 'buurtteam', contactpersoon: 'Fatima Ouali', op: '2029-06-01', overgedragen: SIGN_ACTION },
        ctx,
      ),
    ),
    verwacht: ['traject-beeindigd'],
  },
];

interface Walked {
  step: Step;
  before: Transition;
  next: Transition;
  notices: Notice[];
}

function walk(): Walked[] {
  const walked: Walked[] = [];
  let t = sensitiveTransition();
  for (const step of journey) {
    const next = step.doe(t, ctxOn(step.op));
    walked.push({ step, before: t, next, notices: noticesFor(t, next, step.op) });
    t = next;
  }
  return walked;
}

function stateAfter(wat: string): Transition {
  const found = walk().find((w) => w.step.wat === wat);
  if (!found) throw new Error(`no step ${wat}`);
  return found.next;
}

function noticesOf(
  before: Transition,
  today: IsoDate,
  doe: (t: Transition, ctx: CommandContext) => Transition,
): Notice[] {
  return noticesFor(before, doe(before, ctxOn(today)), today);
}

/** Every notice's data passes its strict schema (the allow-list), and nothing sensitive is in any of it. */
function expectOnlyAllowed(notices: readonly Notice[]): void {
  for (const n of notices) expect(noticeDataSchemas[n.soort].parse(n.data)).toEqual(n.data);
  const text = JSON.stringify(notices);
  for (const word of forbidden) expect(text, `contains "${word}"`).not.toContain(word);
}

const kinds = (notices: readonly Notice[]) => notices.map((n) => n.soort);

describe('noticesFor: what a corporation hears of a change', () => {
  it.each(journey.map((s) => [s.wat, s.verwacht] as const))('%s causes exactly %j', (wat) => {
    // Prepare + Act
    const walked = walk().find((w) => w.step.wat === wat)!;

    // Assess
    expect(kinds(walked.notices)).toEqual(walked.step.verwacht);
    expectOnlyAllowed(walked.notices);
  });

  it('covers every kind of notice but the test notice, each within the allow-list', () => {
    // Prepare
    const landing = stateAfter('fase landing');
    const stay = { soort: 'opname' as const, sinds: '2027-03-12', toelichting: RELAPSE_REASON };
    const elsewhere = startTemporaryStay(landing, stay, ctxOn('2027-03-12')).next;
    const relapse = [
      ...noticesFor(landing, elsewhere, '2027-03-12'),
      ...noticesOf(
        elsewhere,
        '2027-03-20',
        cmd((t, ctx) => endTemporaryStay(t, { op: '2027-03-20' }, ctx)),
      ),
    ];

    // Act
    const all = [...walk().flatMap((w) => w.notices), ...relapse];

    // Assess
    expect(new Set(kinds(all))).toEqual(new Set(noticeKinds.filter((k) => k !== 'test')));
    expectOnlyAllowed(all);
  });

  it('refuses, by the allow-list, any field a kind does not name', () => {
    // Prepare
    const ended = { persoonRef, woning: woningA };

    // Act
    const withReason = noticeDataSchemas['traject-beeindigd'].safeParse({ ...ended, reden: RELAPSE_REASON });
    const withBirthDate = noticeDataSchemas.verhuisd.safeParse({
      ...ended,
      verhuisdOp: MOVE,
      geboortedatum: persoon.geboortedatum,
    });
    const withWijk = noticeDataSchemas['aanbod-afgewezen'].safeParse({
      ...ended,
      woning: { ...woningA, wijk: 'Kanaleneiland' },
    });

    // Assess
    expect(noticeDataSchemas['traject-beeindigd'].safeParse(ended).success).toBe(true);
    expect([withReason.success, withBirthDate.success, withWijk.success]).toEqual([false, false, false]);
  });

  it('has no field for the person’s steunsysteem in any kind: network members are third parties', () => {
    // Prepare
    const fieldsOf = (schema: unknown, prefix = ''): string[] => {
      const shape = (schema as { shape?: Record<string, unknown> }).shape;
      const inner = (schema as { unwrap?: () => unknown }).unwrap;
      if (shape) return Object.entries(shape).flatMap(([k, v]) => [`${prefix}${k}`, ...fieldsOf(v, `${prefix}${k}.`)]);
      return typeof inner === 'function' ? fieldsOf(inner.call(schema), prefix) : [];
    };
    const networkWords = /netwerk|steunsysteem|relatie|band|bereikbaar$|toestemming|watdoethij|lid/i;

    // Act
    const fields = Object.values(noticeDataSchemas).flatMap((schema) => fieldsOf(schema));

    // Assess
    expect(fields).toContain('contactpersoon.naam');
    expect(fields.filter((f) => networkWords.test(f.split('.').at(-1)!))).toEqual([]);
    expect(
      noticeDataSchemas.verhuisd.safeParse({
        persoonRef,
        woning: woningA,
        verhuisdOp: MOVE,
        netwerk: [{ naam: 'Marieke', relatie: 'familie' }],
      }).success,
    ).toBe(false);
  });

  it('tells of a declined offer without the reason it was declined', () => {
    // Prepare
    const t = sensitiveTransition();

    // Act
    const notices = noticesOf(t, DAY0, decline);

    // Assess
    expect(notices).toEqual([
      { soort: 'aanbod-afgewezen', corporatieId: 'corp-vechtvaart', data: { persoonRef, woning: woningB } },
    ]);
    expectOnlyAllowed(notices);
  });

  it('tells of an accepted offer the date, the contact person and whether support is reachable around the clock', () => {
    // Prepare
    const t = sensitiveTransition();

    // Act
    const notices = noticesOf(t, DAY0, accept);

    // Assess
    expect(notices).toEqual([
      {
        soort: 'aanbod-geaccepteerd',
        corporatieId: 'corp-rijnhoven',
        data: {
          persoonRef,
          woning: woningA,
          beschikbaarVanaf: '2027-03-01',
          contactpersoon: { naam: contact.naam, telefoon: contact.telefoon },
          bereikbaar24uur: false,
        },
      },
    ]);
  });

  it('tells of the contract that there is a guarantee, never why', () => {
    // Prepare + Act
    const signed = walk().find((w) => w.step.wat === 'contract getekend')!;

    // Assess
    expect(signed.notices[0]?.data).toEqual({
      persoonRef,
      woning: woningA,
      contract: {
        vorm: 'driepartijenovereenkomst',
        ingangsdatum: '2027-03-01',
        contractnummer: 'HC-2027-0042',
        omklapDatum: '2029-03-01',
        garantstelling: true,
      },
    });
    expect(JSON.stringify(signed.notices)).not.toContain(GUARANTEE_REASON);
  });

  it('tells of a moved move date the one before it', () => {
    // Prepare + Act
    const walked = walk();
    const first = walked.find((w) => w.step.wat === 'verhuisdatum vastgelegd')!;
    const moved = walked.find((w) => w.step.wat === 'verhuisdatum verschoven')!;

    // Assess
    expect(first.notices[0]?.data).toEqual({ persoonRef, woning: woningA, verhuisdatum: '2027-03-08' });
    expect(moved.notices[0]?.data).toEqual({
      persoonRef,
      woning: woningA,
      verhuisdatum: MOVE,
      vorigeVerhuisdatum: '2027-03-08',
    });
  });

  it('tells of the move, the omklap notice and the omklap with their dates and the contract number', () => {
    // Prepare + Act
    const walked = walk();
    const data = (wat: string) => walked.find((w) => w.step.wat === wat)!.notices[0]?.data;

    // Assess
    expect(data('verhuisdag')).toEqual({ persoonRef, woning: woningA, verhuisdOp: MOVE });
    expect(data('omklap aangekondigd')).toEqual({
      persoonRef,
      woning: woningA,
      omklapDatum: '2029-03-01',
      contractnummer: 'HC-2027-0042',
    });
    // An uitstel tells the corporation the new date; only the omklap decision tells it the lease changed.
    expect(data('geen besluit op de omklapdatum')).toBeUndefined();
    expect(data('omklap uitgesteld')).toEqual({
      persoonRef,
      woning: woningA,
      omklapDatum: '2029-06-01',
      contractnummer: 'HC-2027-0042',
    });
    expect(data('omklap gemeld')).toEqual({
      persoonRef,
      woning: woningA,
      omklapDatum: '2029-06-01',
      contractnummer: 'HC-2027-0042',
    });
  });

  it('tells of a new first begeleider as the new contact person, and of a change of the second not at all', () => {
    // Prepare
    const landed = stateAfter('fase landing');

    // Act
    const newFirst = noticesOf(landed, '2027-03-10', (t) => ({ ...t, begeleiders: [newContact, duo] }));
    const newSecond = noticesOf(landed, '2027-03-10', (t) => ({ ...t, begeleiders: [contact, newContact] }));
    const newPhone = noticesOf(landed, '2027-03-10', (t) => ({
      ...t,
      begeleiders: [{ ...contact, telefoon: '06-99990000' }, duo],
    }));

    // Assess
    expect(newFirst).toEqual([
      {
        soort: 'contactpersoon-gewijzigd',
        corporatieId: 'corp-rijnhoven',
        data: { persoonRef, woning: woningA, contactpersoon: { naam: newContact.naam, telefoon: newContact.telefoon } },
      },
    ]);
    expect(newSecond).toEqual([]);
    expect(kinds(newPhone)).toEqual(['contactpersoon-gewijzigd']);
  });

  describe('ending the traject', () => {
    it('tells of the decision to end that the support ended, not why', () => {
      // Prepare
      const landed = stateAfter('fase landing');

      // Act
      const notices = noticesOf(
        landed,
        '2027-03-12',
        cmd((t, ctx) => endTransition(t, { reden: 'overleden', toelichting: RELAPSE_REASON }, ctx)),
      );

      // Assess
      expect(notices).toEqual([
        { soort: 'traject-beeindigd', corporatieId: 'corp-rijnhoven', data: { persoonRef, woning: woningA } },
      ]);
      expectOnlyAllowed(notices);
    });

    it('tells of the warm handover after geland that the support ended, with no reason either', () => {
      // Prepare + Act
      const geland = walk().find((w) => w.step.wat === 'warme overdracht')!;

      // Assess
      expect(geland.notices).toEqual([
        { soort: 'traject-beeindigd', corporatieId: 'corp-rijnhoven', data: { persoonRef, woning: woningA } },
      ]);
    });
  });

  describe('reachability around the clock', () => {
    const placed = () => accept(sensitiveTransition(), ctxOn(DAY0));
    const TODAY = '2027-02-05';

    it('flips to reachable when an intensief scale-up starts, and back when its end is recorded', () => {
      // Prepare
      const before = placed();
      const scaledUp = changeSupport(
        before,
        {
          id: 's-up',
          niveau: 'intensief',
          modaliteiten: ['thuis'],
          reden: SCALE_UP_REASON,
          vanaf: TODAY,
          tot: '2027-02-18',
        },
        ctxOn(TODAY),
      ).next;
      const ended = recordScaleUpEnded(scaledUp, 's-up', ctxOn('2027-02-19')).next;

      // Act
      const atStart = noticesFor(before, scaledUp, TODAY);
      const atEnd = noticesFor(scaledUp, ended, '2027-02-19');

      // Assess
      expect(atStart).toEqual([
        {
          soort: 'bereikbaarheid-gewijzigd',
          corporatieId: 'corp-rijnhoven',
          data: { persoonRef, woning: woningA, bereikbaar24uur: true },
        },
      ]);
      expect(atEnd).toEqual([
        {
          soort: 'bereikbaarheid-gewijzigd',
          corporatieId: 'corp-rijnhoven',
          data: { persoonRef, woning: woningA, bereikbaar24uur: false },
        },
      ]);
      expectOnlyAllowed([...atStart, ...atEnd]);
    });

    it('flips to reachable when remote support 24/7 starts, whatever the level', () => {
      // Prepare
      const before = placed();

      // Act
      const notices = noticesOf(
        before,
        TODAY,
        cmd((t, ctx) =>
          changeSupport(
            t,
            {
              id: 's-remote',
              niveau: 'verhoogd',
              modaliteiten: ['thuis', 'remote-24-7'],
              reden: DEBT_REASON,
              vanaf: TODAY,
            },
            ctx,
          ),
        ),
      );

      // Assess
      expect(notices).toEqual([
        {
          soort: 'bereikbaarheid-gewijzigd',
          corporatieId: 'corp-rijnhoven',
          data: { persoonRef, woning: woningA, bereikbaar24uur: true },
        },
      ]);
      expectOnlyAllowed(notices);
    });

    it('stays silent for a support change that does not change reachability', () => {
      // Prepare
      const before = placed();
      const onIntensief = changeSupport(
        before,
        { id: 's-up', niveau: 'intensief', modaliteiten: ['thuis'], reden: SCALE_UP_REASON, vanaf: TODAY },
        ctxOn(TODAY),
      ).next;

      // Act
      const up = noticesOf(
        before,
        TODAY,
        cmd((t, ctx) =>
          changeSupport(
            t,
            {
              id: 's-more',
              niveau: 'verhoogd',
              modaliteiten: ['thuis', 'op-afstand'],
              reden: DEBT_REASON,
              vanaf: TODAY,
            },
            ctx,
          ),
        ),
      );
      const stillAroundTheClock = noticesOf(
        onIntensief,
        TODAY,
        cmd((t, ctx) =>
          changeSupport(
            t,
            {
              id: 's-remote',
              niveau: 'intensief',
              modaliteiten: ['thuis', 'remote-24-7'],
              reden: DEBT_REASON,
              vanaf: TODAY,
            },
            ctx,
          ),
        ),
      );

      // Assess
      expect(up).toEqual([]);
      expect(stillAroundTheClock).toEqual([]);
    });

    it('stays silent when the end of a scale-up that was never around the clock is recorded', () => {
      // Prepare
      const scaledUp = changeSupport(
        placed(),
        {
          id: 's-more',
          niveau: 'verhoogd',
          modaliteiten: ['thuis'],
          reden: DEBT_REASON,
          vanaf: TODAY,
          tot: '2027-02-18',
        },
        ctxOn(TODAY),
      ).next;

      // Act
      const notices = noticesOf(
        scaledUp,
        '2027-02-19',
        cmd((t, ctx) => recordScaleUpEnded(t, 's-more', ctx)),
      );

      // Assess
      expect(notices).toEqual([]);
    });
  });

  it('stays silent for changes a corporation has no business with', () => {
    // Prepare
    const placed = accept(sensitiveTransition(), ctxOn(DAY0));
    const unrelated: Array<[string, (t: Transition, ctx: CommandContext) => Transition]> = [
      [
        'readiness tick',
        cmd((t, ctx) => setReadiness(t, { item: 'buffer', gedaan: true, notitie: READINESS_NOTE }, ctx)),
      ],
      ['readiness reopened', cmd((t, ctx) => setReadiness(t, { item: 'schulden-stabiel', gedaan: false }, ctx))],
      [
        'new plan',
        cmd((t, ctx) =>
          savePlan(
            t,
            {
              tekens: [
                {
                  id: 'tk-2',
                  fase: 'rood',
                  teken: SIGN,
                  actie: SIGN_ACTION,
                  wie: 'Zus Marloes',
                  netwerkMagWeten: true,
                  corporatieMagWeten: true,
                },
              ],
              opgesteldMet: 'Zus Marloes',
            },
            ctx,
          ),
        ),
      ],
      [
        'plan agreed',
        cmd((t, ctx) =>
          agreePlan(
            savePlan(t, { tekens: [], opgesteldMet: 'Zus Marloes' }, ctx).next,
            { versie: 2, op: ctx.today },
            ctx,
          ),
        ),
      ],
      [
        'uitkering',
        cmd((t, ctx) =>
          setUitkering(t, { aangevraagdOp: UITKERING_APPLIED, besluitOp: UITKERING_DECIDED, toegekend: false }, ctx),
        ),
      ],
      [
        'review',
        cmd((t, ctx) => reviewSupport(t, { wijzigingId: 's-signaal', uitkomst: 'bevestigd', newId: 'x' }, ctx)),
      ],
      [
        'support up, not around the clock',
        cmd((t, ctx) =>
          changeSupport(
            t,
            { id: 's-more', niveau: 'verhoogd', modaliteiten: ['thuis'], reden: THERMOMETER_REASON, vanaf: ctx.today },
            ctx,
          ),
        ),
      ],
    ];

    // Act
    const notices = unrelated.map(([wat, doe]) => [wat, noticesOf(placed, '2027-02-05', doe)] as const);

    // Assess
    expect(notices).toEqual(unrelated.map(([wat]) => [wat, []]));
  });

  describe('who hears it', () => {
    it('sends each notice to the corporation of the offer concerned', () => {
      // Prepare
      const placed = accept(sensitiveTransition(), ctxOn(DAY0));

      // Act
      const declinedLater = noticesOf(placed, DAY0, decline);
      const placedNotices = walk()
        .filter((w) => w.step.wat !== 'aanbod B afgewezen')
        .flatMap((w) => w.notices);

      // Assess
      expect(declinedLater).toEqual([
        { soort: 'aanbod-afgewezen', corporatieId: 'corp-vechtvaart', data: { persoonRef, woning: woningB } },
      ]);
      expect(new Set(placedNotices.map((n) => n.corporatieId))).toEqual(new Set(['corp-rijnhoven']));
      expect(
        placedNotices.every((n) => JSON.stringify((n.data as { woning?: unknown }).woning) === JSON.stringify(woningA)),
      ).toBe(true);
    });

    it('sends nothing before a woning is accepted but the decisions on offers', () => {
      // Prepare
      const open = sensitiveTransition();
      const changes: Array<[string, (t: Transition, ctx: CommandContext) => Transition]> = [
        [
          'intensief',
          cmd((t, ctx) =>
            changeSupport(
              t,
              {
                id: 's-up',
                niveau: 'intensief',
                modaliteiten: ['remote-24-7'],
                reden: SCALE_UP_REASON,
                vanaf: ctx.today,
              },
              ctx,
            ),
          ),
        ],
        ['new contact person', (t) => ({ ...t, begeleiders: [newContact] })],
        [
          'stay elsewhere',
          cmd((t, ctx) =>
            startTemporaryStay(t, { soort: 'opname', sinds: ctx.today, toelichting: RELAPSE_REASON }, ctx),
          ),
        ],
        ['end', cmd((t, ctx) => endTransition(t, { reden: 'wil-niet-meer', toelichting: RELAPSE_REASON }, ctx))],
        [
          'back to voorbereiding',
          cmd((t, ctx) => changeFase(t, { naar: 'voorbereiding', reden: 'Nog niet klaar' }, ctx)),
        ],
        [
          'workflow markers',
          (t) => ({
            ...t,
            verhuisdatum: MOVE,
            verhuisdOp: MOVE,
            verhuisproces: { omklapAangekondigd: DAY0, omklapGemeld: DAY0 },
          }),
        ],
      ];

      // Act
      const notices = changes.map(([wat, doe]) => [wat, noticesOf(open, DAY0, doe)] as const);
      const decisions = [...noticesOf(open, DAY0, decline), ...noticesOf(open, DAY0, accept)];

      // Assess
      expect(notices).toEqual(changes.map(([wat]) => [wat, []]));
      expect(kinds(decisions)).toEqual(['aanbod-afgewezen', 'aanbod-geaccepteerd']);
    });
  });
});

describe('notices as CloudEvents', () => {
  const KVK = '41187352';
  const API = 'https://landing.example/';
  let counter = 0;
  const newId = () => `evt-${++counter}`;
  const context = (version: number) => ({
    transitionId: 't-1',
    providerId: 'org-overstap',
    persoonRef,
    version,
    at: '2027-03-05T16:00:00.000Z',
    newId,
  });
  const organisationWords = demoOrganisations
    .flatMap((o) => [o.id, ...o.naam.toLowerCase().split(/\s+/)])
    .filter((w) => w.length >= 5);

  it('follows CloudEvents 1.0 and the NL GOV profile: source by KvK number, reverse-DNS type, pseudonymous subject, dataref', () => {
    // Prepare
    const notices = walk().flatMap((w) => w.notices);

    // Act
    const events = toOutboxEvents(notices, context(12)).map((e) =>
      toCloudEvent(e, { kvkNummer: KVK, apiBaseUrl: API }),
    );

    // Assess
    expect(events).toHaveLength(notices.length);
    for (const [i, event] of events.entries()) {
      expect(event.specversion).toBe('1.0');
      expect(event.source).toMatch(/^urn:nld:kvk:\d{8}:systeem:landing$/);
      expect(event.source).toBe(`urn:nld:kvk:${KVK}:systeem:landing`);
      expect(event.type).toBe(noticeTypes[notices[i]!.soort]);
      expect(event.subject).toBe(persoonRef);
      expect(event.sequence).toBe('0000000012');
      // The sequence extension has no `sequencetype` any more: the value is a string compared as text.
      expect(event).not.toHaveProperty('sequencetype');
      expect(event.datacontenttype).toBe('application/json');
      expect(event.dataref).toBe(`https://landing.example/api/corporatie/meldingen/${event.id}`);
      expect(event.data).toEqual(notices[i]!.data);
    }
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expectOnlyAllowed(notices);
  });

  it('names what a notice says in VERA codes next to its type, and never a code about the person', () => {
    // Prepare: every notice of the walk through a transition, as the corporation receives them
    const events = toOutboxEvents(
      walk().flatMap((w) => w.notices),
      context(3),
    ).map((e) => toCloudEvent(e, { kvkNummer: KVK, apiBaseUrl: API }));
    const codesOf = (type: string) =>
      events.filter((e) => e.type === noticeTypes[type as NoticeKind]).map((e) => e.veracodes);

    // Assess: the omklapcontract, the ambulante begeleider as contact, the person as huurder after the omklap
    expect(codesOf('contract-getekend')).toContain('PUBLICATIEDETAILMODEL.OMK');
    expect(codesOf('omklap-aangekondigd')[0]).toBe('PUBLICATIEDETAILMODEL.OMK');
    expect(codesOf('omklap-uitgevoerd')).toEqual(['PUBLICATIEDETAILMODEL.OMK RELATIEROLSOORT.HUU']);
    expect(codesOf('aanbod-geaccepteerd')[0]).toBe('RELATIEROLSOORT.AMB');
    expect(codesOf('aanbod-afgewezen')[0]).toBe('AANBIEDINGSTATUS.GEW');
    // No VERA code says "the move date was set": the attribute is absent, not empty
    expect(events.find((e) => e.type === noticeTypes['verhuisdatum-vastgelegd'])).not.toHaveProperty('veracodes');
    // Never a doelgroep or woonvorm: they would tell the corporation health and history
    for (const e of events) expect(e.veracodes ?? '').not.toMatch(/DOELGROEP|WOONVORM/);
    expect(events.filter((e) => e.veracodes).length).toBeGreaterThan(0);
  });

  it('gives an own lease the person as huurder, not an omklapcontract', () => {
    const data = {
      persoonRef,
      woning: woningA,
      contract: { vorm: 'eigen-huurcontract' as const, ingangsdatum: '2027-03-01', garantstelling: false },
    };
    const [event] = toOutboxEvents([{ soort: 'contract-getekend', corporatieId: 'org-a', data }], context(4));
    expect(toCloudEvent(event!, { kvkNummer: KVK, apiBaseUrl: API }).veracodes).toBe('RELATIEROLSOORT.HUU');
  });

  it('names each kind in reverse-DNS form without the name of any organisation', () => {
    for (const kind of noticeKinds) {
      const type = noticeTypes[kind];
      expect(type).toMatch(/^nl\.beschermdthuis(\.[a-z0-9-]+)+$/);
      for (const word of organisationWords) expect(type, `${type} names ${word}`).not.toContain(word);
    }
    expect(new Set(Object.values(noticeTypes)).size).toBe(noticeKinds.length);
  });

  it('escapes the event id in the dataref', () => {
    // Prepare
    const [event] = toOutboxEvents([{ soort: 'test', corporatieId: 'c', data: { bericht: 'hallo' } }], {
      ...context(1),
      newId: () => 'a/b c',
    });

    // Act
    const cloudEvent = toCloudEvent(event!, { kvkNummer: KVK, apiBaseUrl: 'https://landing.example' });

    // Assess
    expect(cloudEvent.dataref).toBe('https://landing.example/api/corporatie/meldingen/a%2Fb%20c');
  });

  it('numbers events by the version as a zero-padded sequence that sorts as text in version order, with no sequencetype', () => {
    const notice: Notice = {
      soort: 'verhuisd',
      corporatieId: 'corp-rijnhoven',
      data: { persoonRef, woning: woningA, verhuisdOp: MOVE },
    };
    const sequenceAt = (version: number) =>
      toCloudEvent(toOutboxEvents([notice], context(version))[0]!, { kvkNummer: KVK, apiBaseUrl: API }).sequence;

    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_147_483_647 }), fc.integer({ min: 1, max: 2_147_483_647 }), (a, b) => {
        const [sa, sb] = [sequenceAt(a), sequenceAt(b)];
        expect(sa).toMatch(/^\d{10}$/);
        expect(Number(sa)).toBe(a);
        expect(sa < sb).toBe(a < b);
        expect(sa === sb).toBe(a === b);
      }),
    );
    // Not the old extension's Integer (contiguous from 1, one per event): versions skip, one change shares one.
    expect(
      toCloudEvent(toOutboxEvents([notice], context(3))[0]!, { kvkNummer: KVK, apiBaseUrl: API }),
    ).not.toHaveProperty('sequencetype');
  });
});
