import { addDays, todayInNetherlands, type IsoDate } from '../../shared/domain/common/calendar';
import { faseLabels, type Plek } from '../../shared/domain/common/vocabulary';
import { municipalityPolicy } from '../../shared/domain/organisation/municipality-policy';
import type { Principal } from '../../shared/domain/organisation/principal';
import type { Task } from '../../shared/domain/signals/task';
import { stilstand } from '../../shared/domain/transition/stilstand';
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
        .flatMap((t) => openQuestionsOf(t).map((v) => ({ ...ref(t), ...v })))
        .sort((a, b) => a.uiterlijk.localeCompare(b.uiterlijk));
      const deadlines = active
        .flatMap((t) =>
          deadlinesOf(t)
            .filter((d) => d.datum <= addDays(today, DEADLINES_AHEAD_DAYS))
            .map((d) => ({ ...ref(t), ...d })),
        )
        .sort((a, b) => a.datum.localeCompare(b.datum));
      const config = caseloadConfigFor(principal.organisationId, principal.teamId);
      const me = [{ id: principal.userId, naam: principal.naam }];
      // A teamleider carries no caseload of their own: their Vandaag is the team's, not "0 of 10".
      const [caseload] =
        principal.role === 'begeleider'
          ? caseloadOf(active, me, today, config).filter((e) => e.begeleider.id === principal.userId)
          : [];
      const team = principal.role === 'teamleider' ? await teamToday(deps(), principal, taken, today) : undefined;
      return {
        body: {
          today,
          taken,
          vragen,
          evaluaties,
          doelen,
          deadlines,
          ...(caseload ? { caseload } : {}),
          ...(team ? { team } : {}),
        },
      };
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

/** The questions of the move process, each with the day by which it is answered (older records: its date). */
function openQuestionsOf(t: TransitionSummary) {
  return (t.signalen?.openVragen ?? []).map((v) => ({
    soort: v.soort,
    datum: v.datum,
    wat: v.wat,
    uiterlijk: v.uiterlijk ?? v.datum,
    plek: 'besluiten' as const,
  }));
}

/**
 * Every deadline of a transition, and the uitkering that may not start on the move date (contact Werk & Inkomen
 * before the move). A record written before all deadlines were kept has only its next one.
 */
function deadlinesOf(t: TransitionSummary): { datum: string; wat: string; plek?: Plek }[] {
  const s = t.signalen;
  const all = s?.deadlines ?? (s?.volgendeDeadline ? [s.volgendeDeadline] : []);
  return [
    ...(s?.uitkeringContactVoor
      ? [
          {
            datum: s.uitkeringContactVoor,
            wat: 'Uitkering start mogelijk niet op de verhuisdatum: neem contact op met Werk & Inkomen',
            plek: 'verhuizing' as const,
          },
        ]
      : []),
    ...all,
  ];
}

/**
 * A teamleider's day: what in the team is past its date, what was escalated to them, and which transitions stay
 * in a phase longer than their municipality's norm. Each line names the person, the begeleiders and since when.
 */
async function teamToday(deps: CaseloadDeps, principal: Principal, taken: Task[], today: IsoDate) {
  const transitions = (await teamTransitions(deps.transitions, principal.organisationId, principal.teamId)).filter(
    (t) => isActive(t),
  );
  const line = (t: TransitionSummary, wat: string, sinds: IsoDate, plek?: Plek) => ({
    transitionId: t.id,
    persoon: { voornaam: t.persoon.voornaam, achternaam: t.persoon.achternaam },
    begeleiders: t.begeleiders.map((b) => b.naam),
    wat,
    sinds,
    ...(plek ? { plek } : {}),
  });
  const teLaat = transitions
    .flatMap((t) => [
      ...deadlinesOf(t)
        .filter((d) => d.datum < today)
        .map((d) => line(t, d.wat, d.datum, d.plek)),
      ...openQuestionsOf(t)
        .filter((v) => v.uiterlijk < today)
        .map((v) => line(t, v.wat, v.uiterlijk, v.plek)),
      ...(t.signalen?.volgendeEvaluatie && t.signalen.volgendeEvaluatie < today
        ? [line(t, 'Evaluatie van de opschaling', t.signalen.volgendeEvaluatie, 'ondersteuning')]
        : []),
      ...(t.doelEvaluaties ?? [])
        .filter((d) => d < today)
        .slice(0, 1)
        .map((d) => line(t, 'Doelen evalueren', d, 'doelen')),
    ])
    .sort((a, b) => a.sinds.localeCompare(b.sinds));
  const byId = new Map(transitions.map((t) => [t.id, t]));
  const escalaties = taken
    .filter((task) => task.rol === 'teamleider')
    .flatMap((task) => {
      const t = byId.get(task.transitionId);
      return t ? [{ ...line(t, task.wat, task.aangemaaktOp.slice(0, 10), 'signalen'), deadline: task.deadline }] : [];
    });
  const stilstaand = transitions
    .flatMap((t) => {
      const stil = stilstand(t, municipalityPolicy(t.gemeenteCode), today);
      return stil
        ? [{ ...line(t, `${faseLabels[t.fase]} duurt langer dan ${stil.normDagen} dagen`, stil.sinds), fase: t.fase }]
        : [];
    })
    .sort((a, b) => a.sinds.localeCompare(b.sinds));
  return { teLaat, escalaties, stilstand: stilstaand };
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
