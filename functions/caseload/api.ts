import { addDays, todayInNetherlands } from '../../shared/domain/common/calendar';
import { caseloadConfigFor, caseloadOf, teamCaseloadOf } from '../../shared/domain/support/caseload';
import { isActive } from '../../shared/domain/transition/lifecycle';
import type { TransitionSummary } from '../../shared/domain/transition/transition';
import { clock } from '../clock';
import { createApiHandler, type ApiHandlerOptions, type CapabilityHandlers } from '../http/api-handler';
import { auditFromEnvironment } from '../audit/audit-runtime';
import type { OrganisationDirectory } from '../organisation/ports';
import { lazy, runtime } from '../runtime';
import type { TaskStore } from '../signals/ports';
import { DynamoOrganisationDirectory } from '../storage/dynamo-organisation-directory';
import { DynamoTaskStore } from '../storage/dynamo-signal-store';
import { DynamoTransitionStore } from '../storage/dynamo-transition-store';
import type { TransitionStore } from '../transitions/ports';
import { authorize } from '../access/person-record';
import { caseloadOperations } from '../../shared/api/operations/caseload';

/** A caseworker carries tens of transitions; a page of 100 is all of them. */
const MY_TRANSITIONS = 100;
/** A team's list is read in pages of 100, up to this many transitions (a team, not a region). */
const TEAM_TRANSITIONS = 1000;
const REVIEWS_AHEAD_DAYS = 7;
const DEADLINES_AHEAD_DAYS = 14;

export interface CaseloadDeps {
  transitions: TransitionStore;
  tasks: TaskStore;
  directory: OrganisationDirectory;
  now: () => Date;
}

export function caseloadHandlers(deps: () => CaseloadDeps): CapabilityHandlers<'caseload'> {
  return {
    getToday: async ({ principal, access }) => {
      authorize(principal, 'caseload:own');
      access.record({ actie: 'lijst', onderdeel: 'vandaag' });
      const today = todayInNetherlands(deps().now());
      const [taken, mine] = await Promise.all([
        deps().tasks.openTasksOf(principal.userId),
        deps().transitions.listOfBegeleider(principal.userId, { limit: MY_TRANSITIONS }),
      ]);
      const active = mine.items.filter((t) => isActive(t));
      const ref = (t: TransitionSummary) => ({
        transitionId: t.id,
        persoon: { voornaam: t.persoon.voornaam, achternaam: t.persoon.achternaam },
      });
      const evaluaties = active
        .filter(
          (t) => t.signalen?.volgendeEvaluatie && t.signalen.volgendeEvaluatie <= addDays(today, REVIEWS_AHEAD_DAYS),
        )
        .map((t) => ({ ...ref(t), datum: t.signalen!.volgendeEvaluatie! }))
        .sort((a, b) => a.datum.localeCompare(b.datum));
      // Goals of the Plan van Aanpak due for evaluation ("Datum evaluatie"), kept beside each summary.
      const doelen = active
        .map((t) => ({ t, due: (t.doelEvaluaties ?? []).filter((d) => d <= addDays(today, REVIEWS_AHEAD_DAYS)) }))
        .filter(({ due }) => due.length > 0)
        .map(({ t, due }) => ({ ...ref(t), datum: due[0]!, aantal: due.length }))
        .sort((a, b) => a.datum.localeCompare(b.datum));
      // The process asks, people answer: each open question is a task for both begeleiders of the duo.
      const vragen = active
        .flatMap((t) => (t.signalen?.openVragen ?? []).map((v) => ({ ...ref(t), ...v })))
        .sort((a, b) => a.datum.localeCompare(b.datum));
      const deadlines = active
        .filter(
          (t) =>
            t.signalen?.volgendeDeadline && t.signalen.volgendeDeadline.datum <= addDays(today, DEADLINES_AHEAD_DAYS),
        )
        .map((t) => ({ ...ref(t), ...t.signalen!.volgendeDeadline! }))
        .sort((a, b) => a.datum.localeCompare(b.datum));
      const config = caseloadConfigFor(principal.organisationId, principal.teamId);
      const me = [{ id: principal.userId, naam: principal.naam }];
      const [caseload] = caseloadOf(active, me, today, config).filter((e) => e.begeleider.id === principal.userId);
      return { body: { today, taken, vragen, evaluaties, doelen, deadlines, ...(caseload ? { caseload } : {}) } };
    },
    getTeam: async ({ principal, access }) => {
      authorize(principal, 'caseload:team');
      access.record({ actie: 'lijst', onderdeel: 'caseload van het team' });
      const today = todayInNetherlands(deps().now());
      const [transitions, staff] = await Promise.all([
        teamTransitions(deps().transitions, principal.organisationId, principal.teamId),
        deps().directory.staff(principal.organisationId),
      ]);
      const begeleiders = staff.filter((s) => s.role === 'begeleider' && s.teamId === principal.teamId);
      const config = caseloadConfigFor(principal.organisationId, principal.teamId);
      return {
        body: {
          today,
          team: teamCaseloadOf(transitions, begeleiders, config),
          caseload: caseloadOf(transitions, begeleiders, today, config),
        },
      };
    },
  };
}

async function teamTransitions(
  store: TransitionStore,
  organisationId: string,
  teamId: string | undefined,
): Promise<TransitionSummary[]> {
  const all: TransitionSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listOfTeam(organisationId, teamId, { limit: 100, cursor });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && all.length < TEAM_TRANSITIONS);
  return all;
}

export function createCaseloadApi(deps: () => CaseloadDeps, options: ApiHandlerOptions = {}) {
  return createApiHandler(caseloadOperations, caseloadHandlers(deps), options);
}

export const handler = createCaseloadApi(
  lazy(() => ({
    transitions: new DynamoTransitionStore(runtime.documentClient(), runtime.tableName()),
    tasks: new DynamoTaskStore(runtime.documentClient(), runtime.tableName()),
    directory: new DynamoOrganisationDirectory(runtime.documentClient(), runtime.tableName()),
    now: clock.now,
  })),
  { audit: auditFromEnvironment },
);
