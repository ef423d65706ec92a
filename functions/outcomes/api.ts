import { outcomeOperations, type OutcomesView } from '../../shared/api/operations/outcomes';
import { herkomstLabels } from '../../shared/domain/common/vocabulary';
import { todayInNetherlands } from '../../shared/domain/common/calendar';
import {
  ALLE,
  cellLabels,
  measureLabels,
  measures,
  outcomeTable,
  REGIO,
  type Cell,
} from '../../shared/domain/outcomes/measures';
import { gemeenteCodes, gemeenteNaam, type GemeenteCode } from '../../shared/domain/organisation/municipalities';
import type { Principal } from '../../shared/domain/organisation/principal';
import { CENTRUMGEMEENTE } from '../../shared/policy/access-policy';
import { authorize } from '../access/person-record';
import { auditFromEnvironment } from '../audit/audit-runtime';
import { clock } from '../clock';
import { createApiHandler, type ApiHandlerOptions, type CapabilityHandlers } from '../http/api-handler';
import { csvDocument } from '../http/csv';
import type { OrganisationDirectory } from '../organisation/ports';
import { lazy, runtime } from '../runtime';
import { DynamoOrganisationDirectory } from '../storage/dynamo-organisation-directory';
import { DynamoOutcomeStore } from '../storage/dynamo-outcome-store';
import type { OutcomeStore } from './ports';

export interface OutcomesDeps {
  outcomes: OutcomeStore;
  directory: OrganisationDirectory;
  now: () => Date;
}

const ONDERDEEL = 'uitkomsten';
const naamVan = (gebied: string) => (gebied === REGIO ? 'Regio (U16)' : gemeenteNaam(gebied as GemeenteCode));

/** The principal's municipality, as its organisation in the directory has it (as for budget holders). */
async function municipalityOf(deps: OutcomesDeps, principal: Principal): Promise<string | undefined> {
  const organisation = await deps.directory.organisation(principal.organisationId);
  return organisation?.soort === 'gemeente' ? organisation.gemeenteCode : undefined;
}

const shown = (cell: Cell) => ({
  ...cell,
  weergave: cell.status === 'getal' ? String(cell.waarde) : cellLabels[cell.status],
});

/**
 * The view of one area: the whole region's counters are read (a Query per municipality, never the
 * transitions) and suppressed as one table, so what one area shows cannot be differenced against another.
 */
export async function outcomesView(deps: OutcomesDeps, principal: Principal, asked?: string): Promise<OutcomesView> {
  const own = await municipalityOf(deps, principal);
  const gebied = asked ?? (own === CENTRUMGEMEENTE ? REGIO : own);
  authorize(
    principal,
    'outcomes:read',
    { organisationId: principal.organisationId, gemeenteCode: gebied },
    {
      gemeenteCode: own,
    },
  );
  const area = gebied as string;
  const rows = (await Promise.all(gemeenteCodes.map((g) => deps.outcomes.counters(g)))).flat();
  const peildatum = todayInNetherlands(deps.now());
  const table = outcomeTable(rows, gemeenteCodes, peildatum);
  const origins = [ALLE, ...(Object.keys(herkomstLabels) as (keyof typeof herkomstLabels)[])] as const;
  const keuzes = own === CENTRUMGEMEENTE ? [REGIO, ...gemeenteCodes] : [area];
  return {
    gebied: { code: area, naam: naamVan(area) },
    peildatum,
    keuzes: keuzes.map((code) => ({ code, naam: naamVan(code) })),
    maten: measures.map((maat) => ({ maat, label: measureLabels[maat] })),
    cohorten: table.cohorts.flatMap((cohort) =>
      origins.map((herkomst) => ({
        cohort,
        herkomst,
        cellen: Object.fromEntries(
          measures.map((m) => [m, shown(table.cell(area, cohort, herkomst, m))]),
        ) as OutcomesView['cohorten'][number]['cellen'],
      })),
    ),
  };
}

function toCsv(view: OutcomesView): string {
  type Row = OutcomesView['cohorten'][number];
  return csvDocument<Row>(
    [
      { header: 'Gebied', cell: () => view.gebied.naam },
      { header: 'Cohort', cell: (r) => r.cohort },
      { header: 'Herkomst', cell: (r) => (r.herkomst === ALLE ? 'Alle' : herkomstLabels[r.herkomst]) },
      ...view.maten.map(({ maat, label }) => ({ header: label, cell: (r: Row) => r.cellen[maat]?.weergave })),
    ],
    view.cohorten,
  );
}

export function outcomeHandlers(deps: () => OutcomesDeps): CapabilityHandlers<'outcomes'> {
  return {
    getOutcomes: async ({ principal, query, access }) => {
      const view = await outcomesView(deps(), principal, query.gebied);
      access.record({ actie: 'lezen', onderdeel: `${ONDERDEEL} ${view.gebied.code}`, grond: 'beleid' });
      return { body: view };
    },
    exportOutcomes: async ({ principal, query, access }) => {
      const view = await outcomesView(deps(), principal, query.gebied);
      access.record({ actie: 'exporteren', onderdeel: `${ONDERDEEL} ${view.gebied.code}`, grond: 'beleid' });
      return {
        body: toCsv(view),
        headers: {
          'content-disposition': `attachment; filename="uitkomsten-${view.gebied.code}-${view.peildatum}.csv"`,
        },
      };
    },
  };
}

export function createOutcomesApi(deps: () => OutcomesDeps, options: ApiHandlerOptions = {}) {
  return createApiHandler(outcomeOperations, outcomeHandlers(deps), options);
}

export const handler = createOutcomesApi(
  lazy(() => ({
    outcomes: new DynamoOutcomeStore(runtime.documentClient(), runtime.tableName()),
    directory: new DynamoOrganisationDirectory(runtime.documentClient(), runtime.tableName()),
    now: clock.now,
  })),
  { audit: auditFromEnvironment },
);
