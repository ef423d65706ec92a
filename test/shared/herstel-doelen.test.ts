import { describe, expect, it } from 'vitest';
import { InvalidInput, RuleViolation } from '../../shared/domain/common/errors';
import {
  doelEvaluaties,
  evalueer,
  MAX_OPTIES,
  MAX_STAPPEN,
  plan,
  PlanInput,
  sluit,
  stelDoel,
  werkblad,
  WerkbladInput,
  type Doel,
  type DoelContext,
} from '../../shared/domain/herstel/doelen';

let n = 0;
const ctx: DoelContext = {
  today: '2027-03-05',
  actor: { id: 'u-sanne', naam: 'Sanne de Vries' },
  newId: () => `id-${++n}`,
  voornaam: 'Anouk',
  netwerk: [{ id: 'lid-zus', naam: 'Lotte (zus)' }],
};

function doel(over: Partial<Doel> = {}): Doel {
  const { data } = stelDoel(
    ctx,
    { levensdomein: 'sociale-contacten', wens: 'Meer mensen om me heen', doel: 'Elke week iets met anderen doen' },
    [],
  );
  return { ...data, versie: 1, ...over };
}

const opties = [
  { optie: 'Wandelgroep in de wijk', voordelen: 'Dichtbij', nadelen: 'Vroeg op' },
  { optie: 'Koor', voordelen: 'Zingen', nadelen: 'Avonden' },
  { optie: 'Buurthuis', voordelen: 'Gratis' },
];

function invalidName(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidInput) return error.invalidParams[0]?.name;
    throw error;
  }
  return undefined;
}

describe('Werkblad Opties', () => {
  it('keeps the options with voordelen and nadelen and the two best as ids', () => {
    const { data, seenVersie } = werkblad(ctx, doel(), { versie: 1, opties, beste: 0, tweede: 2 });
    expect(seenVersie).toBe(1);
    expect(data.opties.map((o) => o.optie)).toEqual(['Wandelgroep in de wijk', 'Koor', 'Buurthuis']);
    expect(data.besteOptieId).toBe(data.opties[0]!.id);
    expect(data.tweedeOptieId).toBe(data.opties[2]!.id);
  });

  it('refuses the same option as best and second best', () => {
    expect(invalidName(() => werkblad(ctx, doel(), { versie: 1, opties, beste: 1, tweede: 1 }))).toBe('tweede');
  });

  it('refuses a choice that is not on the werkblad, and a second best without a best', () => {
    expect(invalidName(() => werkblad(ctx, doel(), { versie: 1, opties, beste: 3 }))).toBe('beste');
    expect(invalidName(() => werkblad(ctx, doel(), { versie: 1, opties, tweede: 0 }))).toBe('beste');
  });

  it('keeps the ids of options already on the werkblad', () => {
    const first = werkblad(ctx, doel(), { versie: 1, opties, beste: 0 }).data;
    const again = werkblad(
      ctx,
      { ...first, versie: 2 },
      {
        versie: 2,
        opties: [...first.opties.slice(0, 1), { optie: 'Sportschool' }],
        beste: 0,
      },
    ).data;
    expect(again.opties[0]!.id).toBe(first.opties[0]!.id);
    expect(again.besteOptieId).toBe(first.besteOptieId);
  });

  it(`takes at most ${MAX_OPTIES} options`, () => {
    const many = Array.from({ length: MAX_OPTIES + 1 }, (_, i) => ({ optie: `Optie ${i}` }));
    expect(WerkbladInput.safeParse({ versie: 1, opties: many }).success).toBe(false);
    expect(WerkbladInput.safeParse({ versie: 1, opties: many.slice(1) }).success).toBe(true);
  });
});

describe('Plan van Aanpak', () => {
  it('names a network step by the member and the person by their first name', () => {
    const { data } = plan(ctx, doel(), {
      versie: 1,
      evaluatieOp: '2027-04-01',
      stappen: [
        { wat: 'Zich aanmelden bij de wandelgroep', wie: { soort: 'persoon' } },
        { wat: 'Gaat de eerste keer mee', wie: { soort: 'netwerk', netwerkLidId: 'lid-zus' } },
        { wat: 'Zoekt de groep op', wie: { soort: 'professioneel', naam: 'Sanne (begeleider)' } },
      ],
    });
    expect(data.stappen.map((s) => s.wie.naam)).toEqual(['Anouk', 'Lotte (zus)', 'Sanne (begeleider)']);
    expect(data.stappen[1]!.wie.netwerkLidId).toBe('lid-zus');
    expect(data.evaluatieOp).toBe('2027-04-01');
  });

  it('refuses a network step that names no member of the network', () => {
    const step = (netwerkLidId?: string) => () =>
      plan(ctx, doel(), {
        versie: 1,
        evaluatieOp: '2027-04-01',
        stappen: [{ wat: 'Helpt', wie: { soort: 'netwerk', ...(netwerkLidId ? { netwerkLidId } : {}) } }],
      });
    expect(invalidName(step())).toBe('stappen.0.wie.netwerkLidId');
    expect(invalidName(step('lid-onbekend'))).toBe('stappen.0.wie.netwerkLidId');
  });

  it('asks who, for a voorziening, a professional or the Wmo', () => {
    const fn = () =>
      plan(ctx, doel(), {
        versie: 1,
        evaluatieOp: '2027-04-01',
        stappen: [{ wat: 'Schoonmaak', wie: { soort: 'wmo' } }],
      });
    expect(invalidName(fn)).toBe('stappen.0.wie.naam');
  });

  it(`takes at most ${MAX_STAPPEN} steps and an evaluation date from today`, () => {
    const many = Array.from({ length: MAX_STAPPEN + 1 }, () => ({ wat: 'Stap', wie: { soort: 'persoon' } }));
    expect(PlanInput.safeParse({ versie: 1, evaluatieOp: '2027-04-01', stappen: many }).success).toBe(false);
    const past = () => plan(ctx, doel(), { versie: 1, evaluatieOp: '2027-03-04', stappen: [] });
    expect(invalidName(past)).toBe('evaluatieOp');
  });
});

describe('Monitoren, evalueren, bijstellen', () => {
  const planned = () =>
    ({
      ...plan(ctx, doel(), {
        versie: 1,
        evaluatieOp: '2027-03-05',
        stappen: [{ wat: 'Boodschappen samen', wie: { soort: 'netwerk', netwerkLidId: 'lid-zus' } }],
      }).data,
      versie: 2,
    }) satisfies Doel;

  it('records the progress, adjusts the steps and sets the next evaluation date', () => {
    const { data } = evalueer(ctx, planned(), {
      versie: 2,
      voortgang: 'Lotte heeft het te druk, ik vraag de buurvrouw',
      schaal: 'dichterbij',
      bijstelling: 'Buurvrouw in plaats van Lotte',
      stappen: [{ wat: 'Boodschappen samen', wie: { soort: 'algemene-voorziening', naam: 'Buurthuis De Pas' } }],
      volgendeEvaluatieOp: '2027-06-05',
    });
    expect(data.evaluaties).toHaveLength(1);
    expect(data.evaluaties[0]).toMatchObject({ op: '2027-03-05', schaal: 'dichterbij', door: ctx.actor });
    expect(data.stappen[0]!.wie).toEqual({ soort: 'algemene-voorziening', naam: 'Buurthuis De Pas' });
    expect(data.evaluatieOp).toBe('2027-06-05');
  });

  it('asks what was adjusted when the steps change, and a next date after this one', () => {
    const base = { versie: 2, voortgang: 'Gaat goed', schaal: 'gelijk' as const };
    expect(
      invalidName(() => evalueer(ctx, planned(), { ...base, stappen: [], volgendeEvaluatieOp: '2027-06-05' })),
    ).toBe('bijstelling');
    expect(invalidName(() => evalueer(ctx, planned(), { ...base, volgendeEvaluatieOp: '2027-03-05' }))).toBe(
      'volgendeEvaluatieOp',
    );
  });

  it('lists only the evaluation dates of active goals, earliest first', () => {
    const a = { ...planned(), id: 'a', evaluatieOp: '2027-05-01' };
    const b = { ...planned(), id: 'b', evaluatieOp: '2027-04-01' };
    const closed = { ...sluit(ctx, planned(), { versie: 2, status: 'bereikt', reden: 'Gelukt' }).data, versie: 3 };
    expect(doelEvaluaties([a, b, closed])).toEqual(['2027-04-01', '2027-05-01']);
    expect(() =>
      evalueer(ctx, closed, { versie: 3, voortgang: 'x', schaal: 'gelijk', volgendeEvaluatieOp: '2027-09-01' }),
    ).toThrow(RuleViolation);
  });
});
