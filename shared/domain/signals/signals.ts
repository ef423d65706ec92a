import { isWeekend, todayInNetherlands } from '../common/calendar';
import type { SignFase } from './signaleringsplan';
import { triage, type ThermometerScore } from './thermometer';

/**
 * Signals: something noticed about how a person is doing, by the person, a begeleider, remote support, a
 * neighbour, the corporation, the wijkagent or the sociaal team. A signal that matches a sign of the
 * signaleringsplan takes that sign's phase; one that matches none is triaged with the urgency thermometer.
 */
export const signalSources = [
  'persoon',
  'begeleider',
  'ondersteuning-op-afstand',
  'buur-of-medebewoner',
  'corporatie',
  'wijkagent',
  'sociaal-team',
] as const;
/** Landing itself raises a signal when contact is over time ("ze bellen als je twee keer niet bent geweest"). */
export const CONTACT_WATCH = 'contactbewaking' as const;
export type SignalSource = (typeof signalSources)[number] | typeof CONTACT_WATCH;

export const signalSourceLabels: Record<SignalSource, string> = {
  persoon: 'De persoon zelf',
  begeleider: 'Begeleider',
  'ondersteuning-op-afstand': 'Ondersteuning op afstand',
  'buur-of-medebewoner': 'Buur of medebewoner',
  corporatie: 'Woningcorporatie',
  wijkagent: 'Wijkagent',
  'sociaal-team': 'Sociaal team',
  contactbewaking: 'Landing: contact over tijd',
};

export const signalStatuses = ['open', 'bevestigd', 'afgehandeld'] as const;

/** How fast a signal must be answered: rood within 4 hours, day and night; oranje within a working day. */
export const responseHours: Record<SignFase, number | undefined> = { rood: 4, oranje: 24, groen: undefined };

export interface SignalClassification {
  fase: SignFase;
  /** Set when the thermometer decided (no matching sign). */
  thermometer?: { score: ThermometerScore; totaal: number; actie: string };
}

export function classify(input: { matchedSignFase?: SignFase; score?: ThermometerScore }): SignalClassification {
  if (input.matchedSignFase) return { fase: input.matchedSignFase };
  if (!input.score) throw new RangeError('a signal needs a matching sign or a thermometer score');
  const t = triage(input.score);
  return { fase: t.fase, thermometer: { score: input.score, totaal: t.totaal, actie: t.actie } };
}

/**
 * When the signal must have been acknowledged, or undefined for groen. Rood counts hours around the clock;
 * oranje counts a working day, so a deadline that would fall in a weekend moves to the Monday (public
 * holidays are not known to Landing yet).
 */
export function responseDeadline(fase: SignFase, at: Date): Date | undefined {
  const hours = responseHours[fase];
  if (hours === undefined) return undefined;
  let deadline = new Date(at.getTime() + hours * HOUR_MS);
  while (fase === 'oranje' && isWeekend(todayInNetherlands(deadline)))
    deadline = new Date(deadline.getTime() + 24 * HOUR_MS);
  return deadline;
}

const HOUR_MS = 3_600_000;
