import { isWeekend, todayInNetherlands } from '../common/calendar';
import { InvalidInput } from '../common/errors';
import type { SignFase } from './signaleringsplan';
import { triage, type ThermometerScore } from './thermometer';

/**
 * Signals: something noticed about how a person is doing, by the person, a begeleider, remote support, a
 * neighbour, the corporation, the wijkagent or the sociaal team. A signal that matches a sign of the
 * signaleringsplan takes that sign's phase. Otherwise who reported it decides how the urgency is set: those
 * who know the person (the person, the duo, remote support) choose it and say why; a signal from the
 * neighbourhood or the corporation is scored with the urgency thermometer, which was made for "signalen uit
 * de wijk" (Supportgericht Werken).
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
  contactbewaking: 'Landing: te lang geen contact',
};

/** Reporters from the neighbourhood and the corporation: their signals are scored with the thermometer. */
const neighbourhoodSources: readonly SignalSource[] = [
  'buur-of-medebewoner',
  'corporatie',
  'wijkagent',
  'sociaal-team',
];
export const isNeighbourhoodSource = (bron: SignalSource) => neighbourhoodSources.includes(bron);

export const signalStatuses = ['open', 'bevestigd', 'afgehandeld'] as const;

/** How fast a signal must be answered: rood within 4 hours, day and night; oranje within a working day. */
export const responseHours: Record<SignFase, number | undefined> = { rood: 4, oranje: 24, groen: undefined };

export interface SignalClassification {
  fase: SignFase;
  /** Set when the thermometer decided (a neighbourhood signal without a matching sign). */
  thermometer?: { score: ThermometerScore; totaal: number; actie: string };
  /** Why the reporter chose this urgency, when no sign of the plan (or not its phase) grounds it. */
  reden?: string;
}

/**
 * The urgency of a signal. A sign of the plan gives its phase, unless the reporter weighs it otherwise and
 * says why. Without a sign, the reporter who knows the person chose the phase with a reason (the input schema
 * demands both); a neighbourhood signal is triaged by the thermometer. Nothing falls back to a default.
 */
export function classify(input: {
  bron: SignalSource;
  sign?: { fase: SignFase };
  fase?: SignFase | undefined;
  reden?: string | undefined;
  score?: ThermometerScore | undefined;
}): SignalClassification {
  const reden = input.reden ? { reden: input.reden } : {};
  if (input.sign) {
    if (input.fase && input.fase !== input.sign.fase && !input.reden)
      throw new InvalidInput([
        {
          name: 'reden',
          code: 'reason_required',
          reason: `Het teken staat in het signaleringsplan als ${input.sign.fase}: schrijf waarom je ${input.fase} kiest.`,
        },
      ]);
    return { fase: input.fase ?? input.sign.fase, ...reden };
  }
  if (input.fase && !isNeighbourhoodSource(input.bron) && input.reden) return { fase: input.fase, ...reden };
  if (!input.score || !isNeighbourhoodSource(input.bron))
    throw new RangeError('a signal needs a sign, an urgency chosen with a reason, or a thermometer score');
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
