import * as z from 'zod';
import { RuleViolation } from '../common/errors';
import { freeText } from '../common/free-text';
import { itemsOf, type HerstelItem } from './herstel-item';
import type { HerstelCommandContext, HerstelCommandResult } from './profiel';

/**
 * Kwaliteit van bestaan (Supportgericht Werken, after Schalock): eight dimensions, scored with the person
 * ("hoe tevreden ben je over…", 1–5) at the start, at the move and at each review, and shown as change over
 * time. Providers and municipalities also use the Zelfredzaamheid-Matrix: its thirteen domains, 1–5, recorded
 * at the same moments (only the scores and the date: the matrix's criteria are not Landing's to reproduce).
 */

/** The dimensions as the Supportgericht Werken table names them (materieel welbevinden, persoonlijke ontplooiing). */
export const kvbDimensies = [
  'emotioneel-welbevinden',
  'interpersoonlijke-relaties',
  'materieel-welbevinden',
  'persoonlijke-ontplooiing',
  'lichamelijk-welbevinden',
  'zelfbepaling',
  'sociale-inclusie',
  'rechten',
] as const;
export type KvbDimensie = (typeof kvbDimensies)[number];

export const kvbDimensieLabels: Record<KvbDimensie, string> = {
  'emotioneel-welbevinden': 'Emotioneel welbevinden',
  'interpersoonlijke-relaties': 'Interpersoonlijke relaties',
  'materieel-welbevinden': 'Materieel welbevinden',
  'persoonlijke-ontplooiing': 'Persoonlijke ontplooiing',
  'lichamelijk-welbevinden': 'Lichamelijk welbevinden',
  zelfbepaling: 'Zelfbepaling',
  'sociale-inclusie': 'Sociale inclusie',
  rechten: 'Rechten',
};

/** The Zelfredzaamheid-Matrix's thirteen domains, by name only. */
export const zrmDomeinen = [
  'financien',
  'werk-opleiding',
  'tijdsbesteding',
  'huisvesting',
  'huiselijke-relaties',
  'geestelijke-gezondheid',
  'lichamelijke-gezondheid',
  'middelengebruik',
  'basale-adl',
  'instrumentele-adl',
  'sociaal-netwerk',
  'maatschappelijke-participatie',
  'justitie',
] as const;
export type ZrmDomein = (typeof zrmDomeinen)[number];

export const zrmDomeinLabels: Record<ZrmDomein, string> = {
  financien: 'Financiën',
  'werk-opleiding': 'Werk & opleiding',
  tijdsbesteding: 'Tijdsbesteding',
  huisvesting: 'Huisvesting',
  'huiselijke-relaties': 'Huiselijke relaties',
  'geestelijke-gezondheid': 'Geestelijke gezondheid',
  'lichamelijke-gezondheid': 'Lichamelijke gezondheid',
  middelengebruik: 'Middelengebruik',
  'basale-adl': 'Basale ADL',
  'instrumentele-adl': 'Instrumentele ADL',
  'sociaal-netwerk': 'Sociaal netwerk',
  'maatschappelijke-participatie': 'Maatschappelijke participatie',
  justitie: 'Justitie',
};

export const instrumenten = ['kvb', 'zrm'] as const;
export type Instrument = (typeof instrumenten)[number];
export const instrumentLabels: Record<Instrument, string> = {
  kvb: 'Kwaliteit van bestaan',
  zrm: 'Zelfredzaamheid-Matrix',
};

export const scoreMomenten = ['start', 'verhuizing', '6-maanden', '12-maanden', '24-maanden', 'tussendoor'] as const;
export type ScoreMoment = (typeof scoreMomenten)[number];
export const scoreMomentLabels: Record<ScoreMoment, string> = {
  start: 'Bij de start',
  verhuizing: 'Bij de verhuizing',
  '6-maanden': 'Na 6 maanden',
  '12-maanden': 'Na 12 maanden',
  '24-maanden': 'Na 24 maanden',
  tussendoor: 'Tussendoor',
};

export const SCORE_MESSAGE = 'Een score is 1 tot en met 5.';
const Punt = z
  .number({ error: SCORE_MESSAGE })
  .int({ error: SCORE_MESSAGE })
  .min(1, { error: SCORE_MESSAGE })
  .max(5, { error: SCORE_MESSAGE });

const IsoDate = z.iso.date({ error: 'Vul een datum in als jjjj-mm-dd.' });
const Door = z.object({ id: z.string(), naam: z.string() });

/** Scores per dimension (KvB) or domain (ZRM), 1–5; a dimension the person did not want to score is left out. */
const scoresOf = <const K extends readonly [string, ...string[]]>(names: K) =>
  z
    .partialRecord(z.enum(names, { error: 'Onbekende dimensie of domein.' }), Punt)
    .refine((s) => Object.keys(s).length > 0, { error: 'Vul minstens één score in.' });

const Toelichting = freeText(
  z.string().trim().max(1000, { error: 'De toelichting is te lang (hooguit 1000 tekens).' }),
  { multiline: true },
);

const ScoreFields = {
  moment: z.enum(scoreMomenten, { error: 'Kies het moment: start, verhuizing, 6, 12 of 24 maanden, of tussendoor.' }),
  op: IsoDate.meta({ description: 'De dag van de scoring' }),
  toelichting: Toelichting.optional(),
};

export const RecordScoreInput = z
  .discriminatedUnion(
    'instrument',
    [
      z.object({ instrument: z.literal('kvb'), scores: scoresOf(kvbDimensies), ...ScoreFields }),
      z.object({ instrument: z.literal('zrm'), scores: scoresOf(zrmDomeinen), ...ScoreFields }),
    ],
    { error: 'Kies kwaliteit van bestaan (kvb) of de Zelfredzaamheid-Matrix (zrm).' },
  )
  .meta({ id: 'ScoreVastleggen' });
export type RecordScoreInput = z.output<typeof RecordScoreInput>;

export const Score = z
  .object({
    id: z.string(),
    instrument: z.enum(instrumenten),
    moment: z.enum(scoreMomenten),
    op: IsoDate,
    scores: z.record(z.string(), z.number().int().min(1).max(5)),
    toelichting: z.string().optional(),
    door: Door,
    vastgelegdOp: IsoDate,
  })
  .meta({ id: 'Score' });
export type Score = z.infer<typeof Score>;

/** All scores, in the order they were scored. */
export function kwaliteitFromItems(items: readonly HerstelItem[]): Score[] {
  return itemsOf(items, 'score')
    .map((i) => Score.parse({ ...i.data, id: i.id }))
    .sort((a, b) => a.op.localeCompare(b.op) || a.vastgelegdOp.localeCompare(b.vastgelegdOp));
}

/** A scoring with the person, one item of its own (scorings never change; a new one is scored instead). */
export function recordScore(input: RecordScoreInput, ctx: HerstelCommandContext): HerstelCommandResult {
  if (input.op > ctx.today) throw new RuleViolation('Een scoring kan niet in de toekomst liggen.');
  const id = ctx.newId();
  const score: Score = {
    id,
    instrument: input.instrument,
    moment: input.moment,
    op: input.op,
    scores: input.scores,
    ...(input.toelichting ? { toelichting: input.toelichting } : {}),
    door: ctx.actor,
    vastgelegdOp: ctx.today,
  };
  return {
    item: { part: 'score', id, data: score },
    event: {
      type: 'kwaliteit-gescoord',
      omschrijving: `${instrumentLabels[input.instrument]}: ${scoreMomentLabels[input.moment].toLowerCase()}`,
    },
  };
}

/** One dimension over time: the scores in order, and the change since the first in words ("2 → 4, hoger"). */
export interface Verloop {
  punten: { op: string; moment: ScoreMoment; score: number }[];
  verandering?: string;
}

export function verloop(scores: readonly Score[], instrument: Instrument, onderdeel: string): Verloop {
  const punten = scores
    .filter((s) => s.instrument === instrument && s.scores[onderdeel] !== undefined)
    .map((s) => ({ op: s.op, moment: s.moment, score: s.scores[onderdeel]! }));
  const first = punten[0];
  const last = punten.at(-1);
  if (!first || !last || punten.length < 2) return { punten };
  const richting = last.score > first.score ? 'hoger' : last.score < first.score ? 'lager' : 'gelijk';
  return { punten, verandering: `${first.score} → ${last.score}, ${richting}` };
}
