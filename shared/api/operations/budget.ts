import * as z from 'zod';
import { freeText } from '../../domain/common/free-text';
import { IsoDate, Reden } from '../../domain/transition/traject-schemas';
import { Budget, Cents, LedgerEntry, Spend, SpendCategory } from '../../domain/regelbudget/regelbudget-schemas';
import { TransitionParams, op, type OperationSpec } from '../operation';

export const BudgetView = z
  .object({
    budget: Budget.optional(),
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

export const SpendList = z.object({ items: z.array(Spend) }).meta({ id: 'Uitgaven' });

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
    summary: 'Uitgaven die wachten op goedkeuring in mijn gemeente (budgethouder)',
    auth: 'principal',
    response: { status: 200, schema: SpendList, description: 'De wachtende uitgaven, oudste eerst' },
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
