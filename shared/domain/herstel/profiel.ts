import { datumInWoorden } from '../common/calendar';
import * as z from 'zod';
import { RuleViolation, StaleVersion } from '../common/errors';
import { freeText } from '../common/free-text';
import type { TimelineEventType } from '../transition/timeline';
import { itemsOf, type HerstelItem, type HerstelPart } from './herstel-item';
import { levensdomeinen, type Levensdomein } from './levensdomeinen';

/**
 * Persoonlijk Profiel (Supportgericht Werken, Den Hollander & Wilken): per levensdomein the person's current
 * possibilities and experiences, their wishes, and their earlier possibilities and experiences, in their own
 * words, and "welke wensen zijn het belangrijkst". Versioned like the signaleringsplan: a change is a new
 * version, earlier versions stay as they were, and the person's agreement is recorded on a version.
 */

const IsoDate = z.iso.date({ error: 'Vul een datum in als jjjj-mm-dd.' });
const Door = z.object({ id: z.string(), naam: z.string() });

/** One cell of the form: the person's words, over several lines if need be; empty is fine. */
const Kolom = freeText(z.string().trim().max(2000, { error: 'Dit vak is te lang (hooguit 2000 tekens).' }), {
  multiline: true,
}).default('');

export const ProfielDomein = z
  .object({
    huidig: Kolom.meta({ description: 'Huidige mogelijkheden en ervaringen' }),
    wensen: Kolom.meta({ description: 'Wensen' }),
    vroeger: Kolom.meta({ description: 'Vroegere mogelijkheden en ervaringen' }),
  })
  .meta({ id: 'ProfielDomein' });
export type ProfielDomein = z.infer<typeof ProfielDomein>;

const leegDomein = (): ProfielDomein => ({ huidig: '', wensen: '', vroeger: '' });

const rij = () => ProfielDomein.default(leegDomein);

/** One row per levensdomein, always all eight (not every domain has to matter: a row may stay empty). */
export const ProfielDomeinen = z
  .object({
    wonen: rij(),
    werken: rij(),
    leren: rij(),
    recreeren: rij(),
    gezondheid: rij(),
    zelfzorg: rij(),
    'sociale-contacten': rij(),
    zingeving: rij(),
  } satisfies Record<Levensdomein, unknown>)
  .meta({ id: 'ProfielDomeinen' });

export const BelangrijksteWens = z
  .object({
    levensdomein: z.enum(levensdomeinen, { error: 'Kies het levensdomein van de wens.' }),
    wens: freeText(
      z
        .string({ error: 'Schrijf de wens op in de woorden van de persoon.' })
        .trim()
        .min(3, { error: 'Schrijf de wens op in de woorden van de persoon.' })
        .max(500, { error: 'De wens is te lang (hooguit 500 tekens).' }),
      { multiline: true },
    ),
  })
  .meta({ id: 'BelangrijksteWens' });
export type BelangrijksteWens = z.infer<typeof BelangrijksteWens>;

export const OpgesteldMet = freeText(
  z
    .string({ error: 'Vul in met wie het profiel is opgesteld.' })
    .trim()
    .min(2, { error: 'Vul in met wie het profiel is opgesteld.' })
    .max(200, { error: 'Met wie: hooguit 200 tekens.' }),
);

/** What the person and the duo write: the form's content. */
export const ProfielInhoud = z.object({
  domeinen: ProfielDomeinen,
  belangrijksteWensen: z
    .array(BelangrijksteWens, { error: 'Schrijf op welke wensen het belangrijkst zijn.' })
    .min(1, { error: 'Schrijf minstens één belangrijkste wens op.' })
    .max(5, { error: 'Kies hooguit vijf belangrijkste wensen.' })
    .meta({ description: 'Welke wensen zijn het belangrijkst? (1 tot en met 5)' }),
  opgesteldMet: OpgesteldMet.meta({
    description: 'Met wie het profiel is opgesteld (de persoon, wie uit het netwerk)',
  }),
});
export type ProfielInhoud = z.output<typeof ProfielInhoud>;

export const ProfielVersie = ProfielInhoud.extend({
  versie: z.number().int().positive(),
  vastgelegdOp: IsoDate,
  vastgelegdDoor: Door,
  akkoordPersoonOp: IsoDate.optional().meta({ description: 'Wanneer de persoon akkoord gaf met deze versie' }),
}).meta({ id: 'ProfielVersie' });
export type ProfielVersie = z.output<typeof ProfielVersie>;

/** A profile version is stored under its number, zero-padded: two writers of the same next version collide. */
export const profielItemId = (versie: number) => String(versie).padStart(4, '0');

/** All versions, oldest first. */
export function profielFromItems(items: readonly HerstelItem[]): ProfielVersie[] {
  return itemsOf(items, 'profiel')
    .map((i) => ProfielVersie.parse(i.data))
    .sort((a, b) => a.versie - b.versie);
}

/** What a pure command on the person's plan sees (the command path hands it more; this is what these need). */
export interface HerstelCommandContext {
  items: readonly HerstelItem[];
  today: string;
  actor: { id: string; naam: string };
  newId: () => string;
}

/** What it decides: one part to store, on the version seen, and what the timeline says. */
export interface HerstelCommandResult {
  item: { part: HerstelPart; id: string; data: Record<string, unknown> };
  seenVersie?: number;
  /** A part that must still not exist when this is written (the write fails as stale otherwise). */
  requireAbsent?: { part: HerstelPart; id: string };
  event: { type: TimelineEventType; omschrijving?: string };
}

export const NewProfielInput = ProfielInhoud.extend({
  gebaseerdOpVersie: z
    .number({ error: 'Geef de versie van het profiel mee waarop deze versie voortbouwt (0 voor de eerste).' })
    .int()
    .min(0)
    .meta({ description: 'De laatste versie die je zag (0 als er nog geen profiel was); een oudere geeft 409.' }),
}).meta({ id: 'NieuwProfielVersie' });
export type NewProfielInput = z.output<typeof NewProfielInput>;
/** As sent: a domain or column left out is empty. */
export type NewProfielBody = z.input<typeof NewProfielInput>;

export const AgreeProfielInput = z
  .object({
    versie: z.number({ error: 'Geef de versie van het profiel.' }).int().positive(),
    op: IsoDate.meta({ description: 'De dag waarop de persoon akkoord gaf' }),
  })
  .meta({ id: 'ProfielAkkoord' });
export type AgreeProfielInput = z.output<typeof AgreeProfielInput>;

function latestItem(items: readonly HerstelItem[]): { item: HerstelItem; versie: ProfielVersie } | undefined {
  const stored = itemsOf(items, 'profiel').map((item) => ({ item, versie: ProfielVersie.parse(item.data) }));
  return stored.sort((a, b) => a.versie.versie - b.versie.versie).at(-1);
}

/** A new version of the profile, built on the latest one the writer saw; the earlier versions stay as they are. */
export function newProfielVersie(input: NewProfielInput, ctx: HerstelCommandContext): HerstelCommandResult {
  const latest = latestItem(ctx.items)?.versie.versie ?? 0;
  if (input.gebaseerdOpVersie !== latest)
    throw new StaleVersion(
      `Intussen is versie ${latest} van het profiel vastgelegd. Bekijk die en vul je wijziging opnieuw in.`,
    );
  const versie = latest + 1;
  const data: ProfielVersie = {
    versie,
    domeinen: input.domeinen,
    belangrijksteWensen: input.belangrijksteWensen,
    opgesteldMet: input.opgesteldMet,
    vastgelegdOp: ctx.today,
    vastgelegdDoor: ctx.actor,
  };
  return {
    item: { part: 'profiel', id: profielItemId(versie), data },
    event: { type: 'profiel-vastgelegd', omschrijving: `Versie ${versie}, opgesteld met ${input.opgesteldMet}` },
  };
}

/** The person agrees to the latest version, on a day not in the future and not before it was written down. */
export function agreeProfiel(input: AgreeProfielInput, ctx: HerstelCommandContext): HerstelCommandResult {
  const latest = latestItem(ctx.items);
  if (!latest) throw new RuleViolation('Er is nog geen Persoonlijk Profiel om akkoord op te geven.');
  if (latest.versie.versie !== input.versie)
    throw new RuleViolation(
      `Alleen de laatste versie van het profiel (versie ${latest.versie.versie}) kan akkoord krijgen.`,
    );
  if (latest.versie.akkoordPersoonOp)
    throw new RuleViolation('De persoon gaf al akkoord op deze versie van het profiel.');
  if (input.op > ctx.today) throw new RuleViolation('Het akkoord kan niet in de toekomst liggen.');
  if (input.op < latest.versie.vastgelegdOp)
    throw new RuleViolation('Het akkoord kan niet vóór het vastleggen van deze versie liggen.');
  const data: ProfielVersie = { ...latest.versie, akkoordPersoonOp: input.op };
  return {
    item: { part: 'profiel', id: latest.item.id, data },
    seenVersie: latest.item.versie,
    // Agreement belongs to the latest version: a version written meanwhile makes this one stale.
    requireAbsent: { part: 'profiel', id: profielItemId(latest.versie.versie + 1) },
    event: {
      type: 'profiel-akkoord',
      omschrijving: `Versie ${latest.versie.versie}, akkoord op ${datumInWoorden(input.op)}`,
    },
  };
}
