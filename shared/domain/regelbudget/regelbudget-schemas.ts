import * as z from 'zod';
import { IsoDate } from '../transition/traject-schemas';
import { GemeenteCode } from '../transition/transition';
import { spendCategories, type SpendStatus } from './regelbudget';

/** zod schemas of the regelbudget: one source for API, storage and forms. */
export const Cents = z
  .number({ error: 'Vul een bedrag in.' })
  .int({ error: 'Een bedrag is een heel aantal centen (hooguit twee decimalen).' })
  .positive({ error: 'Het bedrag moet meer dan nul zijn.' })
  .max(10_000_000, { error: 'Dit bedrag is niet aannemelijk voor een regelbudget.' });

const Door = z.object({ id: z.string(), naam: z.string() });

export const Budget = z
  .object({
    transitionId: z.string(),
    gemeenteCode: GemeenteCode,
    providerId: z.string(),
    toegekendCent: z.number().int().nonnegative(),
    vrijCent: z.number().int().nonnegative(),
    gereserveerdCent: z.number().int().nonnegative(),
    goedgekeurdCent: z.number().int().nonnegative(),
    betaaldCent: z.number().int().nonnegative(),
    geldigVan: IsoDate,
    geldigTot: IsoDate,
    toegekendDoor: Door,
  })
  .meta({ id: 'Regelbudget' });
export type Budget = z.infer<typeof Budget>;

export const SpendCategory = z.enum(spendCategories, { error: 'Kies een categorie.' });

export const Spend = z
  .object({
    id: z.string(),
    transitionId: z.string(),
    categorie: SpendCategory,
    bedragCent: Cents,
    ontvanger: z.string(),
    reden: z.string(),
    bonReferentie: z.string().optional(),
    status: z.enum(['voorgesteld', 'goedgekeurd', 'afgewezen', 'betaald', 'geannuleerd'] satisfies SpendStatus[]),
    voorgesteldDoor: Door,
    voorgesteldOp: z.iso.datetime(),
    besluit: z.object({ door: Door, op: z.iso.datetime(), reden: z.string().optional() }).optional(),
    betaaldOp: IsoDate.optional(),
  })
  .meta({ id: 'Uitgave' });
export type Spend = z.infer<typeof Spend>;

export const LedgerEntry = z
  .object({
    id: z.string(),
    transitionId: z.string(),
    gemeenteCode: GemeenteCode,
    at: z.iso.datetime(),
    soort: z.enum([
      'toegekend',
      'voorgesteld',
      'direct-goedgekeurd',
      'goedgekeurd',
      'afgewezen',
      'betaald',
      'geannuleerd',
    ]),
    bedragCent: z.number().int(),
    spendId: z.string().optional(),
    categorie: SpendCategory.optional(),
    door: Door,
    reden: z.string().optional(),
  })
  .meta({ id: 'GrootboekRegel' });
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/**
 * A begeleider's request for a regelbudget on a transition that has none; the municipality's budget holder grants
 * it (the amount may differ from the one asked) or refuses it with a reason. One per transition: after a refusal
 * a new request replaces it.
 */
export const BudgetRequest = z
  .object({
    transitionId: z.string(),
    gemeenteCode: GemeenteCode,
    bedragCent: Cents,
    reden: z.string(),
    geldigVan: IsoDate,
    geldigTot: IsoDate,
    status: z.enum(['aangevraagd', 'toegekend', 'afgewezen']),
    aangevraagdDoor: Door,
    aangevraagdOp: z.iso.datetime(),
    besluit: z
      .object({ door: Door, op: z.iso.datetime(), toegekendCent: Cents.optional(), reden: z.string().optional() })
      .optional(),
  })
  .meta({ id: 'RegelbudgetAanvraag' });
export type BudgetRequest = z.infer<typeof BudgetRequest>;
