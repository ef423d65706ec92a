import type { IsoDate } from '../common/calendar';
import { defaultFollowUpConfig, proposedScaleUp, type FollowUpConfig } from './signal-followup';
import type { Signal } from './signal-schemas';
import type { SignFase } from './signaleringsplan';
import { modaliteitLabels, supportLevelLabels } from '../support/support';
import { taskId, type Task, type TaskRole } from './task';
import type { TimelineEventType } from '../transition/timeline';
import { RuleViolation } from '../common/errors';

/**
 * What happens to a signal, as pure functions: each returns the signal after the change and the timeline
 * event that records it (and the tasks it opens), or throws a RuleViolation that says why not.
 */
export interface SignalCommandResult {
  after: Signal;
  event: { type: TimelineEventType; omschrijving: string };
  newTasks?: Task[];
}

type Person = { id: string; naam: string };
const HOUR_MS = 3_600_000;
const faseNaam: Record<SignFase, string> = { groen: 'Groen', oranje: 'Oranje', rood: 'Rood' };
const clip = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

// Built on first use, not at import: the process's first Intl formatter loads ICU (tens of ms of a cold start).
let timeFormat: Intl.DateTimeFormat | undefined;
/** `2027-03-06T02:15:00Z` → `6 maart 03:15` (Dutch time): how deadlines read in the timeline. */
export const tijdstip = (iso: string) => {
  timeFormat ??= new Intl.DateTimeFormat('nl-NL', {
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Amsterdam',
  });
  return timeFormat.format(new Date(iso));
};

export function acknowledgeSignal(s: Signal, door: Person, at: Date): SignalCommandResult {
  if (s.status !== 'open') throw new RuleViolation('Dit signaal is al opgepakt.');
  return {
    after: { ...s, status: 'bevestigd', bevestigd: { door, op: at.toISOString() } },
    event: { type: 'signaal-bevestigd', omschrijving: `${clip(s.omschrijving)} (door ${door.naam})` },
  };
}

/** Resolving also picks the signal up when nobody had yet; a scale-up made with it is named by its id. */
export function resolveSignal(
  s: Signal,
  input: { notitie: string; wijzigingId?: string | undefined },
  door: Person,
  at: Date,
): SignalCommandResult {
  if (s.status === 'afgehandeld') throw new RuleViolation('Dit signaal is al afgehandeld.');
  const op = at.toISOString();
  return {
    after: {
      ...s,
      status: 'afgehandeld',
      ...(s.bevestigd ? {} : { bevestigd: { door, op } }),
      afgehandeld: {
        door,
        op,
        notitie: input.notitie,
        ...(input.wijzigingId ? { wijzigingId: input.wijzigingId } : {}),
      },
    },
    event: { type: 'signaal-afgehandeld', omschrijving: `${clip(s.omschrijving, 80)}: ${clip(input.notitie)}` },
  };
}

/** The duo gets a task each, due at the signal's deadline. */
export function openDuoTasks(
  s: Signal,
  transition: { begeleiders: Person[]; persoon: Task['persoon'] },
  at: Date,
): SignalCommandResult {
  const deadline = s.deadline ?? new Date(at.getTime() + 24 * HOUR_MS).toISOString();
  const newTasks = transition.begeleiders.map((b) => task(s, b, 'duo', transition.persoon, deadline, at));
  return {
    after: { ...s, taakAangemaaktOp: at.toISOString() },
    event: {
      type: 'taak-aangemaakt',
      omschrijving: `${faseNaam[s.fase]} signaal oppakken vóór ${tijdstip(deadline)}: ${transition.begeleiders.map((b) => b.naam).join(' en ')}`,
    },
    newTasks,
  };
}

export function proposeScaleUp(
  s: Signal,
  today: IsoDate,
  config: FollowUpConfig = defaultFollowUpConfig,
): SignalCommandResult {
  const voorstel = proposedScaleUp(today, config);
  return {
    after: { ...s, opschalingsvoorstel: voorstel },
    event: {
      type: 'opschaling-voorgesteld',
      omschrijving:
        `Tijdelijk naar ${supportLevelLabels[voorstel.niveau].toLowerCase()} tot en met ${voorstel.tot} ` +
        `(${voorstel.modaliteiten.map((m) => modaliteitLabels[m].toLowerCase()).join(', ')}); een logeerplek is mogelijk.`,
    },
  };
}

/** Nobody picked the signal up in time: each team lead gets a task with a short deadline of their own. */
export function escalate(
  s: Signal,
  teamLeads: Person[],
  persoon: Task['persoon'],
  at: Date,
  config: FollowUpConfig = defaultFollowUpConfig,
): SignalCommandResult {
  const deadline = new Date(at.getTime() + config.teamLeadResponseHours * HOUR_MS).toISOString();
  return {
    after: { ...s, geescaleerdOp: at.toISOString() },
    event: {
      type: 'signaal-geescaleerd',
      omschrijving: teamLeads.length
        ? `Niet opgepakt vóór ${tijdstip(s.deadline ?? at.toISOString())}: doorgezet naar ${teamLeads.map((t) => t.naam).join(' en ')} (teamleider).`
        : `Niet opgepakt vóór ${tijdstip(s.deadline ?? at.toISOString())}, en er is geen teamleider bekend: bel de achterwacht.`,
    },
    newTasks: teamLeads.map((lead) => task(s, lead, 'teamleider', persoon, deadline, at)),
  };
}

function task(s: Signal, voor: Person, rol: TaskRole, persoon: Task['persoon'], deadline: string, at: Date): Task {
  return {
    id: taskId(s.id, rol, voor.id),
    transitionId: s.transitionId,
    signaalId: s.id,
    voor,
    rol,
    persoon,
    fase: s.fase,
    wat: clip(s.omschrijving),
    deadline,
    status: 'open',
    aangemaaktOp: at.toISOString(),
  };
}
