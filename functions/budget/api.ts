import { randomUUID } from 'node:crypto';
import { todayInNetherlands } from '../../shared/domain/common/calendar';
import type { GemeenteCode } from '../../shared/domain/organisation/municipalities';
import { municipalityPolicy } from '../../shared/domain/organisation/municipality-policy';
import type { Principal } from '../../shared/domain/organisation/principal';
import {
  cancelMove,
  centsToCsvEuro,
  moves,
  newBalance,
  persoonVoorBudgethouder,
  proposalMove,
  type SpendMove,
} from '../../shared/domain/regelbudget/regelbudget';
import type { Budget, BudgetRequest, LedgerEntry, Spend } from '../../shared/domain/regelbudget/regelbudget-schemas';
import type { Transition } from '../../shared/domain/transition/transition';
import type { Action } from '../../shared/policy/access-policy';
import { clock } from '../clock';
import { createApiHandler, type ApiHandlerOptions, type CapabilityHandlers } from '../http/api-handler';
import { csvDocument } from '../http/csv';
import { auditFromEnvironment } from '../audit/audit-runtime';
import { ConflictError, fromDomainError, NotFoundError, RuleViolationError, ValidationError } from '../http/errors';
import { countBusinessEvent } from '../observability/metrics';
import type { OrganisationDirectory } from '../organisation/ports';
import { lazy, runtime } from '../runtime';
import type { RequestAccess } from '../http/request-access';
import { authorize, openRecord } from '../access/person-record';
import { DynamoBudgetStore } from '../storage/dynamo-budget-store';
import { requestHash } from '../storage/idempotency';
import { DynamoOrganisationDirectory } from '../storage/dynamo-organisation-directory';
import { DynamoTransitionStore } from '../storage/dynamo-transition-store';
import type { TransitionStore } from '../transitions/ports';
import type { BudgetStore, SpendIdempotency } from './ports';
import { budgetOperations } from '../../shared/api/operations/budget';

export interface BudgetDeps {
  budgets: BudgetStore;
  transitions: TransitionStore;
  directory: OrganisationDirectory;
  now: () => Date;
  newId: () => string;
}

const INBOX_LIMIT = 200;

/** The principal's municipality, when they work for one (budget holders do). */
async function municipalityOf(deps: BudgetDeps, principal: Principal): Promise<GemeenteCode | undefined> {
  const organisation = await deps.directory.organisation(principal.organisationId);
  return organisation?.soort === 'gemeente' ? (organisation.gemeenteCode as GemeenteCode | undefined) : undefined;
}

/**
 * A transition whose budget the principal may touch with `action`: the provider's staff for their own
 * transitions, a municipality's budget holders for the transitions in their municipality. Anything else is
 * a 404, so existence is not disclosed.
 */
async function budgetScope(
  deps: BudgetDeps,
  principal: Principal,
  transitionId: string,
  action: Action,
  access: RequestAccess,
): Promise<Transition> {
  const gemeenteCode = principal.role === 'budgethouder' ? await municipalityOf(deps, principal) : undefined;
  const opened = await openRecord(deps.transitions, { principal, access }, transitionId, action, {
    onderdeel: 'regelbudget',
    gemeenteCode,
  });
  return opened.transition;
}

function ledgerEntry(
  deps: BudgetDeps,
  principal: Principal,
  t: Transition,
  fields: Pick<LedgerEntry, 'soort' | 'bedragCent'> & Partial<LedgerEntry>,
): LedgerEntry {
  return {
    id: deps.newId(),
    transitionId: t.id,
    gemeenteCode: t.gemeenteCode,
    at: deps.now().toISOString(),
    door: { id: principal.userId, naam: principal.naam },
    ...fields,
  };
}

const ledgerKinds: Record<SpendMove, LedgerEntry['soort']> = {
  voorstellen: 'voorgesteld',
  'direct-goedkeuren': 'direct-goedgekeurd',
  goedkeuren: 'goedgekeurd',
  afwijzen: 'afgewezen',
  betalen: 'betaald',
  'annuleren-voorstel': 'geannuleerd',
  'annuleren-goedgekeurd': 'geannuleerd',
};

async function moveSpend(
  deps: BudgetDeps,
  { principal, access }: { principal: Principal; access: RequestAccess },
  transitionId: string,
  spendId: string,
  action: Action,
  pick: (spend: Spend) => SpendMove | undefined,
  change: (spend: Spend) => Partial<Spend>,
  reden?: string,
): Promise<Spend> {
  const t = await budgetScope(deps, principal, transitionId, action, access);
  const before = await deps.budgets.spend(t.id, spendId);
  if (!before) throw new NotFoundError('Deze uitgave bestaat niet.');
  const move = pick(before);
  if (!move || (moves[move].fromStatus && moves[move].fromStatus !== before.status)) {
    throw new RuleViolationError(`Dit kan niet bij een uitgave met status ${before.status}.`);
  }
  const after: Spend = { ...before, ...change(before), status: moves[move].toStatus };
  const entry = ledgerEntry(deps, principal, t, {
    soort: ledgerKinds[move],
    bedragCent: before.bedragCent,
    spendId,
    categorie: before.categorie,
    ...(reden ? { reden } : {}),
  });
  await deps.budgets.move({ before, after, move, entry });
  if (move === 'goedkeuren') countBusinessEvent('SpendApproved');
  return after;
}

/**
 * A payment is recorded on or after the day it happens: not after today (Amsterdam, the product's clock) and
 * not before the spend was proposed. The schema cannot know either day, so the handler checks it.
 */
function checkPaymentDate(betaaldOp: string, spend: Spend, now: Date): void {
  const today = todayInNetherlands(now);
  const proposed = todayInNetherlands(new Date(spend.voorgesteldOp));
  if (betaaldOp > today || betaaldOp < proposed) {
    const reason =
      betaaldOp > today
        ? `De betaaldatum ligt in de toekomst; vul de dag van betaling in (uiterlijk vandaag, ${today}).`
        : `De betaaldatum ligt vóór de dag waarop de uitgave is voorgesteld (${proposed}).`;
    throw new ValidationError([{ name: 'betaaldOp', code: 'invalid_date', reason }]);
  }
}

async function proposeOnce(
  deps: BudgetDeps,
  principal: Principal,
  t: Transition,
  body: Pick<Spend, 'categorie' | 'bedragCent' | 'ontvanger' | 'reden' | 'bonReferentie'>,
  idempotency: SpendIdempotency | undefined,
): Promise<{ spend: Spend; replayed: boolean }> {
  const budget = await deps.budgets.get(t.id);
  if (!budget) throw new RuleViolationError('Dit traject heeft nog geen regelbudget.');
  const today = todayInNetherlands(deps.now());
  if (today < budget.geldigVan || today > budget.geldigTot) {
    throw new RuleViolationError(`Het regelbudget is geldig van ${budget.geldigVan} tot en met ${budget.geldigTot}.`);
  }
  const move = proposalMove(body.bedragCent, municipalityPolicy(t.gemeenteCode).regelbudgetApprovalThresholdCent);
  // A friendly answer for the common case; the conditional write below is what guards against races.
  if (budget.vrijCent < body.bedragCent) {
    throw new RuleViolationError(`Er is nog € ${centsToCsvEuro(budget.vrijCent)} vrij in het regelbudget.`);
  }
  const spend: Spend = {
    id: deps.newId(),
    transitionId: t.id,
    ...body,
    status: moves[move].toStatus,
    voorgesteldDoor: { id: principal.userId, naam: principal.naam },
    voorgesteldOp: deps.now().toISOString(),
  };
  const entry = ledgerEntry(deps, principal, t, {
    soort: ledgerKinds[move],
    bedragCent: body.bedragCent,
    spendId: spend.id,
    categorie: body.categorie,
    reden: body.reden,
  });
  const { gemeenteCode } = t;
  return deps.budgets.propose({ spend, move, entry, gemeenteCode, today, ...(idempotency ? { idempotency } : {}) });
}

export function budgetHandlers(deps: () => BudgetDeps): CapabilityHandlers<'budget'> {
  return {
    getBudget: async ({ principal, params, access }) => {
      const t = await budgetScope(deps(), principal, params.transitionId, 'budget:read', access);
      const [budget, aanvraag, uitgaven, grootboek] = await Promise.all([
        deps().budgets.get(t.id),
        deps().budgets.budgetRequest(t.id),
        deps().budgets.spends(t.id),
        deps().budgets.ledger(t.id),
      ]);
      return {
        body: {
          ...(budget ? { budget } : {}),
          ...(aanvraag ? { aanvraag } : {}),
          persoon: persoonVoorBudgethouder(t.persoon),
          uitgaven,
          grootboek,
          drempelCent: municipalityPolicy(t.gemeenteCode).regelbudgetApprovalThresholdCent,
        },
      };
    },
    grantBudget: async ({ principal, params, body, access }) => {
      const t = await budgetScope(deps(), principal, params.transitionId, 'budget:grant', access);
      const budget: Budget = {
        transitionId: t.id,
        gemeenteCode: t.gemeenteCode,
        providerId: t.providerId,
        ...newBalance(body.toegekendCent),
        geldigVan: body.geldigVan,
        geldigTot: body.geldigTot,
        toegekendDoor: { id: principal.userId, naam: principal.naam },
      };
      await deps().budgets.grant(
        budget,
        ledgerEntry(deps(), principal, t, { soort: 'toegekend', bedragCent: body.toegekendCent }),
      );
      return { body: budget };
    },
    requestBudget: async ({ principal, params, body, idempotencyKey, access }) => {
      const t = await budgetScope(deps(), principal, params.transitionId, 'budget:request', access);
      if (await deps().budgets.get(t.id)) throw new RuleViolationError('Dit traject heeft al een regelbudget.');
      const request: BudgetRequest = {
        transitionId: t.id,
        gemeenteCode: t.gemeenteCode,
        ...body,
        status: 'aangevraagd',
        aangevraagdDoor: { id: principal.userId, naam: principal.naam },
        aangevraagdOp: deps().now().toISOString(),
      };
      // The same request again (same user, key and body) answers the stored one: a lost answer retried.
      const hash = requestHash([principal.userId, idempotencyKey ?? '', t.id, body]);
      const result = await deps().budgets.requestBudget(request, hash);
      return { body: result.request };
    },
    decideBudgetRequest: async ({ principal, params, body, access }) => {
      const t = await budgetScope(deps(), principal, params.transitionId, 'budget:grant', access);
      const open = await deps().budgets.budgetRequest(t.id);
      if (!open) throw new NotFoundError('Voor dit traject is geen regelbudget aangevraagd.');
      const door = { id: principal.userId, naam: principal.naam };
      if (open.status !== 'aangevraagd') return { body: sameDecisionOrConflict(open, body, door.id) };
      const granted = body.besluit === 'toegekend' ? (body.toegekendCent ?? open.bedragCent) : undefined;
      const decided: BudgetRequest = {
        ...open,
        status: body.besluit,
        besluit: {
          door,
          op: deps().now().toISOString(),
          ...(granted !== undefined ? { toegekendCent: granted } : {}),
          ...(body.reden ? { reden: body.reden } : {}),
        },
      };
      const grant =
        granted === undefined
          ? undefined
          : {
              budget: {
                transitionId: t.id,
                gemeenteCode: t.gemeenteCode,
                providerId: t.providerId,
                ...newBalance(granted),
                geldigVan: open.geldigVan,
                geldigTot: open.geldigTot,
                toegekendDoor: door,
              },
              entry: ledgerEntry(deps(), principal, t, {
                soort: 'toegekend',
                bedragCent: granted,
                ...(body.reden ? { reden: body.reden } : {}),
              }),
            };
      if (await deps().budgets.decideBudgetRequest(decided, grant)) return { body: decided };
      // Decided meanwhile (a retry whose first answer was lost, or a colleague): the same decision is its answer.
      const now = await deps().budgets.budgetRequest(t.id);
      if (!now) throw new NotFoundError('Voor dit traject is geen regelbudget aangevraagd.');
      return { body: sameDecisionOrConflict(now, body, door.id) };
    },
    proposeSpend: async ({ principal, params, body, idempotencyKey, access }) => {
      const t = await budgetScope(deps(), principal, params.transitionId, 'budget:propose', access);
      const idempotency: SpendIdempotency | undefined = idempotencyKey
        ? { userId: principal.userId, key: idempotencyKey, requestHash: requestHash([t.id, body]) }
        : undefined;
      // A key answers what it answered first, before any rule is looked at again: the budget may have run low since.
      const first = idempotency ? await deps().budgets.replay(idempotency) : undefined;
      if (first) return { body: first.spend };
      try {
        const result = await proposeOnce(deps(), principal, t, body, idempotency);
        if (!result.replayed) {
          countBusinessEvent('SpendProposed');
          if (result.spend.status === 'goedgekeurd') countBusinessEvent('SpendApproved');
        }
        return { body: result.spend };
      } catch (error) {
        // A refusal is the key's answer too, unless a request with the key was answered first.
        const refusal = fromDomainError(error);
        if (!idempotency || !(refusal instanceof ConflictError) || refusal.code !== 'rule-violation') throw error;
        return { body: (await deps().budgets.refuse(idempotency, refusal.title, deps().now().toISOString())).spend };
      }
    },
    decideSpend: async ({ principal, params, body, access }) => ({
      body: await moveSpend(
        deps(),
        { principal, access },
        params.transitionId,
        params.spendId,
        'budget:decide',
        () => (body.besluit === 'goedgekeurd' ? 'goedkeuren' : 'afwijzen'),
        () => ({
          besluit: {
            door: { id: principal.userId, naam: principal.naam },
            op: deps().now().toISOString(),
            ...(body.reden ? { reden: body.reden } : {}),
          },
        }),
        body.reden,
      ),
    }),
    paySpend: async ({ principal, params, body, access }) => ({
      body: await moveSpend(
        deps(),
        { principal, access },
        params.transitionId,
        params.spendId,
        'budget:pay',
        () => 'betalen',
        (spend) => {
          checkPaymentDate(body.betaaldOp, spend, deps().now());
          return { betaaldOp: body.betaaldOp };
        },
      ),
    }),
    cancelSpend: async ({ principal, params, body, access }) => ({
      body: await moveSpend(
        deps(),
        { principal, access },
        params.transitionId,
        params.spendId,
        'budget:cancel',
        (s) => cancelMove(s.status),
        () => ({}),
        body.reden,
      ),
    }),
    budgetInbox: async ({ principal, access }) => {
      authorize(principal, 'budget:inbox');
      access.record({ actie: 'lijst', onderdeel: 'regelbudget: te beoordelen' });
      const gemeente = await municipalityOf(deps(), principal);
      if (!gemeente) return { body: { items: [], aanvragen: [] } };
      const { spends, requests } = await deps().budgets.inbox(gemeente, INBOX_LIMIT);
      const names = await personNames(
        deps().transitions,
        [...spends, ...requests].map((x) => x.transitionId),
      );
      const named = <T extends { transitionId: string }>(x: T) => ({ ...x, persoon: names.get(x.transitionId) ?? '—' });
      return { body: { items: spends.map(named), aanvragen: requests.map(named) } };
    },
    exportLedger: async ({ principal, query, access }) => {
      authorize(principal, 'budget:export');
      access.record({ actie: 'exporteren', onderdeel: `grootboek ${query.van} tot ${query.tot}` });
      const gemeente = await municipalityOf(deps(), principal);
      const entries = gemeente ? await deps().budgets.municipalityLedger(gemeente, query.van, query.tot) : [];
      return {
        body: toCsv(entries),
        headers: {
          'content-disposition': `attachment; filename="regelbudget-${gemeente ?? 'geen'}-${query.van}-${query.tot}.csv"`,
        },
      };
    },
  };
}

/** A decided request asked to be decided again: the same decision by the same person is a retry, else a 409. */
function sameDecisionOrConflict(
  request: BudgetRequest,
  body: { besluit: 'toegekend' | 'afgewezen'; toegekendCent?: number | undefined },
  userId: string,
): BudgetRequest {
  const same =
    request.status === body.besluit &&
    request.besluit?.door.id === userId &&
    (body.toegekendCent === undefined || request.besluit.toegekendCent === body.toegekendCent);
  if (same) return request;
  const wat = request.status === 'toegekend' ? 'toegekend' : 'afgewezen';
  throw new RuleViolationError(
    `Over deze aanvraag is al besloten: ${wat} door ${request.besluit?.door.naam ?? 'een ander'}.`,
  );
}

/** The inbox's lines name the person as a budget holder may know them (persoonVoorBudgethouder), nothing more. */
async function personNames(transitions: TransitionStore, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const found = await Promise.all(unique.map((id) => transitions.get(id)));
  return new Map(found.flatMap((t) => (t ? [[t.id, persoonVoorBudgethouder(t.persoon)] as const] : [])));
}

/**
 * The ledger as CSV (the one writer, csvDocument): euro with a decimal comma, ISO dates, quotes around text,
 * text that would start a formula escaped.
 */
export function toCsv(entries: LedgerEntry[]): string {
  return csvDocument<LedgerEntry>(
    [
      { header: 'datum', cell: (e) => e.at.slice(0, 10) },
      { header: 'tijd', cell: (e) => e.at.slice(11, 19) },
      { header: 'traject', cell: (e) => e.transitionId },
      { header: 'uitgave', cell: (e) => e.spendId },
      { header: 'soort', cell: (e) => e.soort },
      { header: 'categorie', cell: (e) => e.categorie },
      { header: 'bedrag_euro', cell: (e) => e.bedragCent },
      { header: 'door', cell: (e) => e.door.naam, quoted: true },
      { header: 'reden', cell: (e) => e.reden, quoted: true },
    ],
    entries,
    { formatNumber: centsToCsvEuro },
  );
}

export function createBudgetApi(deps: () => BudgetDeps, options: ApiHandlerOptions = {}) {
  return createApiHandler(budgetOperations, budgetHandlers(deps), options);
}

export const handler = createBudgetApi(
  lazy(() => ({
    budgets: new DynamoBudgetStore(runtime.documentClient(), runtime.tableName()),
    transitions: new DynamoTransitionStore(runtime.documentClient(), runtime.tableName()),
    directory: new DynamoOrganisationDirectory(runtime.documentClient(), runtime.tableName()),
    now: clock.now,
    newId: randomUUID,
  })),
  { audit: auditFromEnvironment },
);
