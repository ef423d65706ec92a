import { describe, expect, it } from 'vitest';
import {
  allocationCheck,
  hoursPerWeek,
  omvangInWoorden,
  type EenheidCode,
  type FrequentieCode,
  type Toewijzing,
} from '../../shared/domain/support/iwmo';
import { supportConfigFor } from '../../shared/domain/support/provider-policy';
import {
  defaultSupportConfig as config,
  type SupportChange,
  type SupportLevel,
} from '../../shared/domain/support/support';
import { notStartedYet, type Transition } from '../../shared/domain/transition/transition';
import { RuleViolation } from '../../shared/domain/common/errors';
import { draftVow } from '../../shared/domain/support/verzoek-om-wijziging';

const door = { id: 'u-sanne', naam: 'Sanne de Vries' };
const change = (niveau: SupportLevel, vanaf: string, reden: string, tot?: string): SupportChange => ({
  id: `${niveau}-${vanaf}`,
  niveau,
  modaliteiten: ['thuis'],
  reden,
  vanaf,
  ...(tot ? { tot } : {}),
  door,
});
const allocation = (overrides: Partial<Toewijzing> = {}): Toewijzing => ({
  toewijzingNummer: '20270001',
  productCategorie: '02',
  productCode: '02A01',
  ingangsdatum: '2027-01-01',
  einddatum: '2027-12-31',
  omvang: { volume: 3, eenheid: '04', frequentie: '2' },
  vastgelegdOp: '2027-01-05',
  vastgelegdDoor: door,
  ...overrides,
});

/** Regulier, and verhoogd around the move from 12 March to 30 April. */
const aroundTheMove = [
  change('regulier', '2027-01-01', 'Start ambulante begeleiding'),
  change('verhoogd', '2027-03-12', 'Slaapt slecht sinds de opname', '2027-04-30'),
];

describe('an iWmo Omvang in hours a week', () => {
  // Volume 60 minutes, or 6 of the other units: 1, 6, 24 and 144 hours per period.
  const expected: Record<
    '01' | '04' | '16' | '14',
    [perDag: number, perWeek: number, perVierWeken: number, perMaand: number, perJaar: number]
  > = {
    '01': [7, 1, 0.25, 0.229979, 0.019165],
    '04': [42, 6, 1.5, 1.379877, 0.11499],
    '16': [168, 24, 6, 5.519507, 0.459959],
    '14': [1008, 144, 36, 33.117043, 2.759754],
  };
  const frequenties: FrequentieCode[] = ['1', '2', '3', '4', '5'];

  for (const [eenheid, perFrequentie] of Object.entries(expected) as [EenheidCode, number[]][]) {
    it(`converts eenheid ${eenheid} for every frequentie, months and years on the average calendar`, () => {
      const volume = eenheid === '01' ? 60 : 6;

      const hours = frequenties.map((frequentie) => hoursPerWeek({ volume, eenheid, frequentie }));

      for (const [i, h] of hours.entries()) expect(h).toBeCloseTo(perFrequentie[i]!, 5);
    });
  }

  it('spreads a total over the allocation’s period, and cannot without an end', () => {
    const total = { volume: 39, eenheid: '04', frequentie: '6' } as const;

    const thirteenWeeks = hoursPerWeek(total, { ingangsdatum: '2027-01-01', einddatum: '2027-04-01' });
    const open = hoursPerWeek(total, { ingangsdatum: '2027-01-01' });

    expect(thirteenWeeks).toBeCloseTo(3, 10);
    expect(open).toBeUndefined();
  });

  it('does not compare pieces or euros with hours', () => {
    expect(hoursPerWeek({ volume: 4, eenheid: '82', frequentie: '2' })).toBeUndefined();
    expect(hoursPerWeek({ volume: 300, eenheid: '83', frequentie: '4' })).toBeUndefined();
  });

  it('says an Omvang the way a caseworker does', () => {
    expect(omvangInWoorden({ volume: 3, eenheid: '04', frequentie: '2' })).toBe('3 uur per week');
    expect(omvangInWoorden({ volume: 1, eenheid: '16', frequentie: '1' })).toBe('1 dagdeel per dag');
    expect(omvangInWoorden({ volume: 40, eenheid: '01', frequentie: '6' })).toBe('40 minuten in totaal');
  });
});

describe('comparing the planned support with the allocation', () => {
  it('finds the first day a temporary scale-up exceeds the allocation', () => {
    const check = allocationCheck(aroundTheMove, allocation(), '2027-03-01', config);

    expect(check).toEqual({
      urenPerWeekToegewezen: 3,
      overschrijding: { vanaf: '2027-03-12', urenPerWeekGepland: 6, urenPerWeekToegewezen: 3 },
    });
  });

  it('reports the most planned from that day, so one request covers a scale-up in steps', () => {
    const steps = [...aroundTheMove, change('intensief', '2027-03-20', 'Crisis', '2027-03-31')];

    const check = allocationCheck(steps, allocation(), '2027-03-01', config);

    expect(check.overschrijding).toEqual({ vanaf: '2027-03-12', urenPerWeekGepland: 10, urenPerWeekToegewezen: 3 });
  });

  it('finds nothing when the scale-up fits, comes after the allocation ends, or beyond 90 days', () => {
    const fits = allocationCheck(
      aroundTheMove,
      allocation({ omvang: { volume: 27, eenheid: '04', frequentie: '4' } }),
      '2027-03-01',
      config,
    );
    const endsBefore = allocationCheck(aroundTheMove, allocation({ einddatum: '2027-03-11' }), '2027-03-01', config);
    const farAhead = allocationCheck(aroundTheMove, allocation(), '2026-12-01', config);

    expect(fits).toEqual({ urenPerWeekToegewezen: 6.21 });
    expect(endsBefore.overschrijding).toBeUndefined();
    expect(farAhead.overschrijding).toBeUndefined();
  });

  it('counts the provider’s own hours per level', () => {
    const regulierOnly = [change('regulier', '2027-01-01', 'Start')];

    const lindehof = allocationCheck(regulierOnly, allocation(), '2027-03-01', supportConfigFor('org-lindehof'));
    const region = allocationCheck(regulierOnly, allocation(), '2027-03-01', supportConfigFor('org-overstap'));

    expect(lindehof.overschrijding).toEqual({ vanaf: '2027-03-01', urenPerWeekGepland: 4, urenPerWeekToegewezen: 3 });
    expect(region.overschrijding).toBeUndefined();
  });

  it('warns when the allocation ends within four weeks, or has ended, while support goes on', () => {
    const endsSoon = allocationCheck(aroundTheMove, allocation({ einddatum: '2027-05-20' }), '2027-05-01', config);
    const ended = allocationCheck(aroundTheMove, allocation({ einddatum: '2027-04-15' }), '2027-05-01', config);
    const later = allocationCheck(aroundTheMove, allocation({ einddatum: '2027-06-15' }), '2027-05-01', config);
    const supportEnds = allocationCheck(
      [...aroundTheMove, change('afgeschaald', '2027-05-21', 'Geland')],
      allocation({ einddatum: '2027-05-20' }),
      '2027-05-01',
      config,
    );

    expect(endsSoon).toMatchObject({ eindigtBinnenkort: '2027-05-20', verlopen: false });
    expect(ended).toMatchObject({ eindigtBinnenkort: '2027-04-15', verlopen: true });
    expect(later.eindigtBinnenkort).toBeUndefined();
    expect(supportEnds.eindigtBinnenkort).toBeUndefined();
  });
});

describe('a draft verzoek om wijziging', () => {
  const transition: Transition = {
    id: '3f2a9c1e-7b44-4d1a-9e0b-5c6d7e8f9a0b',
    version: 4,
    providerId: 'org-overstap',
    persoonRef: 'p-7c1d',
    persoon: { voornaam: 'Ruud', achternaam: 'Hendriks', geboortedatum: '1979-11-23' },
    gemeenteCode: 'GM0355',
    herkomst: 'BW',
    begeleiders: [door],
    fase: 'verhuizing',
    ...notStartedYet,
    ondersteuning: aroundTheMove,
    signaleringsplan: [
      {
        versie: 1,
        tekens: [
          {
            id: 's1',
            fase: 'rood',
            teken: 'Ik doe de deur niet meer open',
            actie: 'Duo gaat langs',
            wie: 'Marieke',
            netwerkMagWeten: false,
            corporatieMagWeten: false,
          },
        ],
        opgesteldMet: 'Ruud en zijn broer',
        vastgelegdOp: '2027-01-10',
        vastgelegdDoor: door,
      },
    ],
    toewijzing: allocation(),
    createdAt: '2027-01-01T09:00:00.000Z',
    createdBy: door.id,
    updatedAt: '2027-03-01T09:00:00.000Z',
  };

  it('asks for the planned hours in the allocation’s unit, per week, with the iWmo fields and its end kept', () => {
    const draft = draftVow(transition, transition.toewijzing, config, {
      redenVerzoek: '01',
      gewensteIngangsdatum: '2027-03-12',
    });

    expect(draft).toEqual({
      bericht: 'WMO317',
      Verzoek: {
        ReferentieAanbieder: 'L-3F2A9C1E-20270312',
        RedenVerzoek: '01',
        TeWijzigenProducten: [
          {
            ToewijzingNummer: '20270001',
            GewensteIngangsdatum: '2027-03-12',
            Einddatum: '2027-12-31',
            Omvang: { Volume: 6, Eenheid: '04', Frequentie: '2' },
          },
        ],
      },
      redenVerzoekOmschrijving: 'Verandering cliëntsituatie',
      toelichting: 'Gevraagd: 6 uur per week vanaf 12 maart 2027; toegewezen is 3 uur per week.',
      persoonRef: 'p-7c1d',
      ontbreekt: ['Bsn'],
    });
    expect(draft.Verzoek.ReferentieAanbieder.length).toBeLessThanOrEqual(20);
  });

  it('rounds up to whole minutes or hours', () => {
    const licht = [change('licht', '2027-01-01', 'Gaat goed')];
    const inMinutes = allocation({ omvang: { volume: 60, eenheid: '01', frequentie: '2' } });

    const hours = draftVow(
      { ...transition, ondersteuning: licht },
      allocation({ omvang: { volume: 1, eenheid: '04', frequentie: '2' } }),
      config,
      { redenVerzoek: '02', gewensteIngangsdatum: '2027-03-01' },
    );
    const minutes = draftVow({ ...transition, ondersteuning: licht }, inMinutes, config, {
      redenVerzoek: '02',
      gewensteIngangsdatum: '2027-03-01',
    });

    expect(hours.Verzoek.TeWijzigenProducten[0]!.Omvang).toEqual({ Volume: 2, Eenheid: '04', Frequentie: '2' });
    expect(minutes.Verzoek.TeWijzigenProducten[0]!.Omvang).toEqual({ Volume: 90, Eenheid: '01', Frequentie: '2' });
  });

  it('carries no health details and no name: not the reasons of support changes, not the signaleringsplan', () => {
    const draft = draftVow(transition, transition.toewijzing, config, {
      redenVerzoek: '01',
      gewensteIngangsdatum: '2027-03-12',
      toelichting: 'Tijdelijk meer begeleiding rond de verhuizing.',
    });
    const json = JSON.stringify(draft);

    for (const c of transition.ondersteuning) expect(json).not.toContain(c.reden);
    expect(json).not.toContain('Ik doe de deur niet meer open');
    expect(json).not.toContain('Ruud');
    expect(json).not.toContain('Hendriks');
    expect(json).not.toContain('1979-11-23');
    expect(draft.toelichting).toBe('Tijdelijk meer begeleiding rond de verhuizing.');
  });

  it('refuses without an allocation, outside it, when it already fits, and for units that are no time', () => {
    const input = { redenVerzoek: '01', gewensteIngangsdatum: '2027-03-12' } as const;

    const attempts = [
      () => draftVow(transition, undefined, config, input),
      () => draftVow(transition, allocation({ einddatum: '2027-03-01' }), config, input),
      () => draftVow(transition, allocation({ omvang: { volume: 6, eenheid: '04', frequentie: '2' } }), config, input),
      () => draftVow(transition, allocation({ omvang: { volume: 4, eenheid: '82', frequentie: '2' } }), config, input),
    ];

    const reasons = attempts.map((attempt) => {
      try {
        attempt();
        return 'no violation';
      } catch (error) {
        return error instanceof RuleViolation ? error.reden : String(error);
      }
    });
    expect(reasons).toEqual([
      'Er is nog geen toewijzing vastgelegd: leg die eerst vast.',
      'De gewenste ingangsdatum valt buiten de toewijzing (vanaf 1 januari 2027 tot en met 1 maart 2027).',
      'De toewijzing past al bij de geplande ondersteuning: er is niets te wijzigen.',
      'De toewijzing is in stuks: Landing kan daar geen nieuwe omvang voor berekenen.',
    ]);
  });
});
