import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../../shared/domain/common/errors';
import { nextFollowUpStep } from '../../shared/domain/signals/signal-followup';
import { RegisterSignalInput, Signal } from '../../shared/domain/signals/signal-schemas';
import {
  classify,
  isNeighbourhoodSource,
  responseDeadline,
  type SignalSource,
} from '../../shared/domain/signals/signals';
import { triage } from '../../shared/domain/signals/thermometer';
import { defaultSupportConfig } from '../../shared/domain/support/support';

const at = new Date('2027-03-09T09:00:00Z');
const issuesOf = (input: unknown) =>
  RegisterSignalInput.safeParse(input).error?.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) ?? [];

describe('urgency of a signal about a person in care, chosen by the reporter', () => {
  it('takes the urgency the reporter chose, with the reason, and no thermometer', () => {
    const input = RegisterSignalInput.parse({
      bron: 'begeleider',
      omschrijving: 'Zegt dat hij zich iets wil aandoen',
      fase: 'rood',
      reden: 'Uitspraak over zichzelf iets aandoen: dit kan niet wachten',
    });
    expect(classify({ bron: input.bron, fase: input.fase, reden: input.reden })).toEqual({
      fase: 'rood',
      reden: 'Uitspraak over zichzelf iets aandoen: dit kan niet wachten',
    });
  });

  it('has no default urgency: without a sign the reporter must choose rood, oranje or groen', () => {
    expect(issuesOf({ bron: 'persoon', omschrijving: 'Ik slaap niet meer' })).toEqual([
      { path: 'fase', message: 'Kies de urgentie: rood, oranje of groen.' },
    ]);
  });

  it('asks why, when the urgency is not the sign of the signaleringsplan', () => {
    expect(issuesOf({ bron: 'ondersteuning-op-afstand', omschrijving: 'Belde in paniek', fase: 'oranje' })).toEqual([
      {
        path: 'reden',
        message: 'Kies het teken uit het signaleringsplan, of schrijf waarom je deze urgentie kiest.',
      },
    ]);
  });

  it('does not let the thermometer decide for someone the reporter knows', () => {
    const issues = issuesOf({
      bron: 'begeleider',
      omschrijving: 'Afspraak gemist',
      thermometer: { veiligheid: 0, gezondheid: 0, welzijn: 0, omvang: 0, duur: 0 },
    });
    expect(issues.map((i) => i.path)).toEqual(['thermometer', 'fase']);
    expect(issues[0]!.message).toBe(
      'De thermometer is voor signalen uit de wijk en van de corporatie. Kies zelf de urgentie: rood, oranje of groen.',
    );
  });

  it('takes the phase of the sign of the signaleringsplan when the reporter picks one', () => {
    expect(
      RegisterSignalInput.safeParse({ bron: 'persoon', omschrijving: 'Kamer is rommelig', tekenId: 't-1' }).success,
    ).toBe(true);
    expect(classify({ bron: 'persoon', sign: { fase: 'oranje' } })).toEqual({ fase: 'oranje' });
    expect(classify({ bron: 'persoon', sign: { fase: 'oranje' }, fase: 'oranje' })).toEqual({ fase: 'oranje' });
  });

  it('asks why when the reporter weighs it other than the sign says', () => {
    expect(() => classify({ bron: 'begeleider', sign: { fase: 'oranje' }, fase: 'rood' })).toThrow(InvalidInput);
    expect(
      classify({ bron: 'begeleider', sign: { fase: 'oranje' }, fase: 'rood', reden: 'Nu met een mes gezien' }),
    ).toEqual({ fase: 'rood', reden: 'Nu met een mes gezien' });
  });

  it('makes rood the 4-hour follow-up: a task for the duo due in 4 hours, escalated when nobody picked it up', () => {
    const { fase } = classify({ bron: 'begeleider', fase: 'rood', reden: 'Dreigt uit huis gezet te worden' });
    const deadline = responseDeadline(fase, at)!;
    expect(deadline.toISOString()).toBe('2027-03-09T13:00:00.000Z');
    const signal: Signal = {
      id: 's1',
      transitionId: 't1',
      versie: 1,
      at: at.toISOString(),
      bron: 'begeleider',
      omschrijving: 'Dreigt uit huis gezet te worden',
      fase,
      reden: 'Dreigt uit huis gezet te worden',
      status: 'open',
      deadline: deadline.toISOString(),
      geregistreerdDoor: { id: 'u-sanne', naam: 'Sanne de Vries' },
    };
    const facts = {
      transition: { fase: 'landing' as const, ondersteuning: [], createdAt: '2027-01-01T10:00:00.000Z' },
      lastContactAt: at.toISOString(),
      support: defaultSupportConfig,
    };
    expect(nextFollowUpStep({ ...facts, signals: [signal], now: at })).toEqual({ stap: 'taak-duo', signaalId: 's1' });
    const followed = {
      ...signal,
      taakAangemaaktOp: at.toISOString(),
      opschalingsvoorstel: {
        niveau: 'intensief' as const,
        modaliteiten: ['thuis' as const],
        tot: '2027-03-23',
        logeerplek: true,
      },
    };
    expect(nextFollowUpStep({ ...facts, signals: [followed], now: at })).toEqual({
      stap: 'wacht',
      om: '2027-03-09T13:00:00.000Z',
    });
    expect(nextFollowUpStep({ ...facts, signals: [followed], now: deadline })).toEqual({
      stap: 'escaleren',
      signaalId: 's1',
    });
  });
});

describe('urgency of a signal from the neighbourhood or the corporation: the thermometer', () => {
  it('knows which sources are the neighbourhood and the corporation', () => {
    const wijk: SignalSource[] = ['buur-of-medebewoner', 'corporatie', 'wijkagent', 'sociaal-team'];
    const zorg: SignalSource[] = ['persoon', 'begeleider', 'ondersteuning-op-afstand', 'contactbewaking'];
    expect(wijk.every(isNeighbourhoodSource)).toBe(true);
    expect(zorg.some(isNeighbourhoodSource)).toBe(false);
  });

  it('scores as the thermometer always did', () => {
    const score = { veiligheid: 2, gezondheid: 2, welzijn: 2, omvang: 0, duur: 2 } as const;
    expect(classify({ bron: 'buur-of-medebewoner', score })).toEqual({
      fase: 'oranje',
      thermometer: { score, totaal: 8, actie: triage(score).actie },
    });
    const all = { veiligheid: 2, gezondheid: 2, welzijn: 2, omvang: 2, duur: 2 } as const;
    expect(classify({ bron: 'wijkagent', score: all }).fase).toBe('rood');
    expect(classify({ bron: 'sociaal-team', sign: { fase: 'rood' } })).toEqual({ fase: 'rood' });
  });

  it('lets neither the reporter pick the urgency nor the form leave it unscored', () => {
    expect(
      issuesOf({
        bron: 'wijkagent',
        omschrijving: 'Overlast',
        fase: 'groen',
        thermometer: { veiligheid: 1, gezondheid: 1, welzijn: 1, omvang: 0, duur: 0 },
      }),
    ).toEqual([
      {
        path: 'fase',
        message:
          'De urgentie van een signaal uit de wijk volgt uit de thermometer of uit het teken in het signaleringsplan.',
      },
    ]);
    expect(issuesOf({ bron: 'buur-of-medebewoner', omschrijving: 'Overlast' })).toEqual([
      {
        path: 'thermometer',
        message: 'Kies het teken uit het signaleringsplan, of schat de urgentie met de thermometer.',
      },
    ]);
  });
});

describe('a signal stored before the reporter chose urgency', () => {
  it('still reads, with its thermometer and without a reason', () => {
    const old = {
      id: 's-old',
      transitionId: 't1',
      versie: 3,
      at: '2026-11-02T08:00:00.000Z',
      bron: 'begeleider',
      omschrijving: 'Afspraak gemist',
      fase: 'groen',
      thermometer: { score: { veiligheid: 0, gezondheid: 0, welzijn: 0, omvang: 0, duur: 0 }, totaal: 0, actie: 'x' },
      status: 'afgehandeld',
      geregistreerdDoor: { id: 'u-sanne', naam: 'Sanne de Vries' },
    };
    const read = Signal.parse(old);
    expect(read.fase).toBe('groen');
    expect(read.reden).toBeUndefined();
    expect(read.thermometer?.totaal).toBe(0);
  });
});
