import * as z from 'zod';
import { freeText } from '../../domain/common/free-text';
import { IsoDate, Reden } from '../../domain/transition/traject-schemas';
import {
  Budget,
  BudgetRequest,
  Cents,
  LedgerEntry,
  Spend,
  SpendCategory,
} from '../../domain/regelbudget/regelbudget-schemas';
import { TransitionParams, op, type OperationSpec } from '../operation';

export const BudgetView = z
  .object({
    budget: Budget.optional(),
    aanvraag: BudgetRequest.optional().meta({
      description: 'De laatste aanvraag van een regelbudget, met het besluit',
    }),
    persoon: z
      .string()
      .meta({ description: 'De persoon zoals de budgethouder haar mag kennen: voorletter en achternaam' }),
    uitgaven: z.array(Spend),
    grootboek: z.array(LedgerEntry),
    drempelCent: z
      .number()
      .int()
      .meta({ description: 'Uitgaven boven dit bedrag vragen goedkeuring van een budgethouder' }),
  })
  .meta({ id: 'RegelbudgetOverzicht' });
export type BudgetView = z.infer<typeof BudgetView>;

export const GrantBudgetInput = z
  .object({ toegekendCent: Cents, geldigVan: IsoDate, geldigTot: IsoDate })
  .strict()
  .refine((b) => b.geldigVan <= b.geldigTot, { error: 'De einddatum ligt vóór de begindatum.', path: ['geldigTot'] })
  .meta({ id: 'GrantBudgetInput' });

const geldigheid = (b: { geldigVan: string; geldigTot: string }) => b.geldigVan <= b.geldigTot;
const geldigheidFout = { error: 'De einddatum ligt vóór de begindatum.', path: ['geldigTot'] };

export const RequestBudgetInput = z
  .object({ bedragCent: Cents, reden: Reden, geldigVan: IsoDate, geldigTot: IsoDate })
  .strict()
  .refine(geldigheid, geldigheidFout)
  .meta({ id: 'RequestBudgetInput' });

export const DecideBudgetRequestInput = z
  .object({
    besluit: z.enum(['toegekend', 'afgewezen'], { error: 'Kies toekennen of afwijzen.' }),
    toegekendCent: Cents.optional(),
    reden: Reden.optional(),
  })
  .strict()
  .refine((d) => d.besluit === 'afgewezen' || d.toegekendCent !== undefined, {
    error: 'Vul het bedrag in dat u toekent.',
    path: ['toegekendCent'],
  })
  .refine((d) => d.besluit === 'toegekend' || Boolean(d.reden), {
    error: 'Geef een reden bij afwijzen.',
    path: ['reden'],
  })
  .meta({ id: 'DecideBudgetRequestInput' });

export const ProposeSpendInput = z
  .object({
    categorie: SpendCategory,
    bedragCent: Cents,
    ontvanger: freeText(
      z
        .string({ error: 'Vul in aan wie betaald wordt.' })
        .trim()
        .min(1, { error: 'Vul in aan wie betaald wordt.' })
        .max(120),
    ),
    reden: freeText(
      z.string({ error: 'Geef een korte reden.' }).trim().min(3, { error: 'Geef een korte reden.' }).max(500),
      { multiline: true },
    ),
    bonReferentie: freeText(z.string().trim().max(120)).optional(),
  })
  .strict()
  .meta({ id: 'ProposeSpendInput' });

export const DecideSpendInput = z
  .object({
    besluit: z.enum(['goedgekeurd', 'afgewezen'], { error: 'Kies goedkeuren of afwijzen.' }),
    reden: Reden.optional(),
  })
  .strict()
  .refine((d) => d.besluit === 'goedgekeurd' || Boolean(d.reden), {
    error: 'Geef een reden bij afwijzen.',
    path: ['reden'],
  })
  .meta({ id: 'DecideSpendInput' });

export const PaySpendInput = z.object({ betaaldOp: IsoDate }).strict().meta({ id: 'PaySpendInput' });
export const CancelSpendInput = z.object({ reden: Reden }).strict().meta({ id: 'CancelSpendInput' });

const Persoon = z
  .string()
  .meta({ description: 'De persoon zoals de budgethouder haar mag kennen: voorletter en achternaam' });
export const BudgetInbox = z
  .object({
    items: z.array(Spend.extend({ persoon: Persoon })),
    aanvragen: z.array(BudgetRequest.extend({ persoon: Persoon })),
  })
  .meta({ id: 'RegelbudgetInbox' });

export const LedgerExportQuery = z
  .object({ van: IsoDate, tot: IsoDate })
  .refine((q) => q.van <= q.tot, { error: 'De einddatum ligt vóór de begindatum.', path: ['tot'] });

const SpendParams = TransitionParams.extend({ spendId: z.string().min(1).max(64) });

/** The regelbudget: granting it, spends proposed, decided and paid, the budget holder's inbox, the ledger export. */
export const budgetOperations = {
  getBudget: op({
    capability: 'budget',
    method: 'GET',
    path: '/api/transitions/{transitionId}/regelbudget',
    summary: 'Het regelbudget van een traject: saldo, uitgaven en grootboek',
    auth: 'principal',
    params: TransitionParams,
    response: { status: 200, schema: BudgetView, description: 'Het regelbudget' },
    errors: [401, 403, 404],
  }),
  grantBudget: op({
    capability: 'budget',
    method: 'PUT',
    path: '/api/transitions/{transitionId}/regelbudget',
    summary: 'Ken een regelbudget toe (budgethouder van de gemeente)',
    auth: 'principal',
    params: TransitionParams,
    body: GrantBudgetInput,
    response: { status: 200, schema: Budget, description: 'Het toegekende budget' },
    errors: [400, 401, 403, 404, 409],
  }),
  requestBudget: op({
    capability: 'budget',
    method: 'POST',
    path: '/api/transitions/{transitionId}/regelbudget/aanvraag',
    summary: 'Vraag een regelbudget aan voor een traject dat er nog geen heeft (begeleider)',
    auth: 'principal',
    params: TransitionParams,
    body: RequestBudgetInput,
    idempotent: true,
    response: { status: 201, schema: BudgetRequest, description: 'De aanvraag; een herhaald verzoek geeft dezelfde' },
    errors: [400, 401, 403, 404, 409],
  }),
  decideBudgetRequest: op({
    capability: 'budget',
    method: 'POST',
    path: '/api/transitions/{transitionId}/regelbudget/aanvraag/besluit',
    summary: 'Ken een aangevraagd regelbudget toe (eventueel een ander bedrag) of wijs het af (budgethouder)',
    auth: 'principal',
    params: TransitionParams,
    body: DecideBudgetRequestInput,
    response: { status: 200, schema: BudgetRequest, description: 'De aanvraag met het besluit' },
    errors: [400, 401, 403, 404, 409],
  }),
  proposeSpend: op({
    capability: 'budget',
    method: 'POST',
    path: '/api/transitions/{transitionId}/regelbudget/uitgaven',
    summary: 'Stel een uitgave voor; tot de drempel van de gemeente direct goedgekeurd, daarboven gereserveerd',
    auth: 'principal',
    params: TransitionParams,
    body: ProposeSpendInput,
    idempotent: true,
    response: { status: 201, schema: Spend, description: 'De uitgave' },
    errors: [400, 401, 403, 404, 409],
  }),
  decideSpend: op({
    capability: 'budget',
    method: 'POST',
    path: '/api/transitions/{transitionId}/regelbudget/uitgaven/{spendId}/besluit',
    summary: 'Keur een voorgestelde uitgave goed of wijs haar af (budgethouder)',
    auth: 'principal',
    params: SpendParams,
    body: DecideSpendInput,
    response: { status: 200, schema: Spend, description: 'De uitgave' },
    errors: [400, 401, 403, 404, 409],
  }),
  paySpend: op({
    capability: 'budget',
    method: 'POST',
    path: '/api/transitions/{transitionId}/regelbudget/uitgaven/{spendId}/betaling',
    summary: 'Markeer een goedgekeurde uitgave als betaald',
    auth: 'principal',
    params: SpendParams,
    body: PaySpendInput,
    response: { status: 200, schema: Spend, description: 'De uitgave' },
    errors: [400, 401, 403, 404, 409],
  }),
  cancelSpend: op({
    capability: 'budget',
    method: 'POST',
    path: '/api/transitions/{transitionId}/regelbudget/uitgaven/{spendId}/annulering',
    summary: 'Annuleer een uitgave die nog niet betaald is; het bedrag komt terug',
    auth: 'principal',
    params: SpendParams,
    body: CancelSpendInput,
    response: { status: 200, schema: Spend, description: 'De uitgave' },
    errors: [400, 401, 403, 404, 409],
  }),
  budgetInbox: op({
    capability: 'budget',
    method: 'GET',
    path: '/api/regelbudget/inbox',
    summary: 'Aanvragen en uitgaven die wachten op een besluit in mijn gemeente (budgethouder)',
    auth: 'principal',
    response: { status: 200, schema: BudgetInbox, description: 'De wachtende aanvragen en uitgaven, oudste eerst' },
    errors: [401, 403],
  }),
  exportLedger: op({
    capability: 'budget',
    method: 'GET',
    path: '/api/regelbudget/export',
    summary: 'Grootboek van mijn gemeente over een periode, als CSV voor de financiële administratie',
    auth: 'principal',
    query: LedgerExportQuery,
    response: {
      status: 200,
      schema: z.string(),
      description: 'CSV (puntkomma, euro met komma)',
      contentType: 'text/csv',
    },
    errors: [400, 401, 403],
  }),
} as const satisfies Record<string, OperationSpec>;
