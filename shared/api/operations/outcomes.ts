import * as z from 'zod';
import { gemeenteCodes } from '../../domain/organisation/municipalities';
import { herkomsten } from '../../domain/common/vocabulary';
import { measures } from '../../domain/outcomes/measures';
import { op, type OperationSpec } from '../operation';

const Gebied = z
  .enum([...gemeenteCodes, 'regio'], { error: 'Kies een gemeente uit de regio, of de regio.' })
  .meta({ description: 'CBS-gemeentecode, of `regio` voor de hele regio (alleen voor de centrumgemeente)' });

export const OutcomesQuery = z.object({ gebied: Gebied.optional() }).strict();

/** One number of the view: a count, or why it is not shown. */
export const OutcomeCell = z
  .object({
    status: z.enum(['getal', 'afgeschermd', 'nog-niet-te-meten']),
    /** Only with status `getal`. */
    waarde: z.number().int().nonnegative().optional(),
    /**
     * What to show: the number, "nog niet te meten", or for a hidden one "< 5 of afgeleid": fewer than five, or
     * hidden because a number under five could otherwise be worked out (both look the same on purpose).
     */
    weergave: z.string(),
  })
  .meta({ id: 'UitkomstCel' });

export const OutcomesView = z
  .object({
    gebied: z.object({ code: z.string(), naam: z.string() }),
    /** The day the view was computed: "nog niet te meten" is judged against it. */
    peildatum: z.iso.date(),
    /** The areas the principal may choose (their municipality; the centrumgemeente every one and the region). */
    keuzes: z.array(z.object({ code: z.string(), naam: z.string() })),
    maten: z.array(z.object({ maat: z.enum(measures), label: z.string() })),
    /** One row per cohort (the quarter of the move) and herkomst (`alle` = every herkomst together), oldest first. */
    cohorten: z.array(
      z.object({
        cohort: z.string().meta({ description: 'Kwartaal van de verhuizing, als 2026-K3' }),
        herkomst: z.enum([...herkomsten, 'alle']),
        cellen: z.record(z.enum(measures), OutcomeCell),
      }),
    ),
  })
  .meta({ id: 'Uitkomsten' });
export type OutcomesView = z.infer<typeof OutcomesView>;

/** Outcomes for the municipality and the region: aggregates only, small numbers hidden. */
export const outcomeOperations = {
  getOutcomes: op({
    capability: 'outcomes',
    method: 'GET',
    path: '/api/uitkomsten',
    summary:
      'Uitkomsten per cohort (kwartaal van verhuizing) en herkomst: alleen aantallen, kleine aantallen verborgen',
    auth: 'principal',
    query: OutcomesQuery,
    response: { status: 200, schema: OutcomesView, description: 'De uitkomsten van de gemeente of de regio' },
    errors: [400, 401, 403],
  }),
  exportOutcomes: op({
    capability: 'outcomes',
    method: 'GET',
    path: '/api/uitkomsten/export',
    summary: 'Dezelfde uitkomsten als CSV',
    auth: 'principal',
    query: OutcomesQuery,
    response: { status: 200, schema: z.string(), description: 'CSV (puntkomma)', contentType: 'text/csv' },
    errors: [400, 401, 403],
  }),
} as const satisfies Record<string, OperationSpec>;
