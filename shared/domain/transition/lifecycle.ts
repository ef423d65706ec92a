import { datumInWoorden, type IsoDate } from '../common/calendar';
import type { MunicipalityPolicy } from '../organisation/municipality-policy';
import { readinessItem, summarizeReadiness, type Readiness } from './readiness';
import type { UitkeringStatus } from '../uitkering/uitkering';
import type { Fase } from '../common/vocabulary';
import { isGeland, type Landingsoordeel } from './landing';
import { geaccepteerdeAanbieding, omklapAankondiging, type Contract, type WoningAanbieding } from '../woning/woning';

/**
 * The phases of a transition and the rules for moving between them. Pure: the caller passes today and the
 * municipality's policy; the answer is allowed, or blocked with a Dutch reason the caseworker can act on.
 */
export const activeFases = [
  'aanmelding',
  'voorbereiding',
  'woning',
  'verhuizing',
  'landing',
  'omklap',
] as const satisfies readonly Fase[];
const forward: Fase[] = ['aanmelding', 'voorbereiding', 'woning', 'verhuizing', 'landing', 'omklap', 'geland'];

export interface LifecycleState {
  fase: Fase;
  gereedheid: Readiness;
  aanbiedingen: WoningAanbieding[];
  contract?: Contract;
  verhuisdatum?: IsoDate;
  verhuisdOp?: IsoDate;
  uitkering: UitkeringStatus;
  /** The landing judgements, oldest first: the last decides whether the person has landed. */
  landingsoordelen?: Pick<Landingsoordeel, 'geland' | 'maanden'>[];
}

export type Decision = { allowed: true } | { allowed: false; reden: string };

const allow: Decision = { allowed: true };
const block = (reden: string): Decision => ({ allowed: false, reden });

/** What decides whether support through Landing goes on: the phase, and after geland the nazorg. */
export interface ActiveFacts {
  fase: Fase;
  nazorg?: { vorm: 'waakvlam' | 'overgedragen' } | undefined;
}

/**
 * Whether support through Landing goes on: in every phase up to the omklap, during a stay elsewhere too
 * (that is on top of the phase), and after geland while the nazorg is at waakvlam. It stops only by a decision:
 * the end (beeindigd) or a warm handover. A record that landed before nazorg existed stays ended, as it was.
 */
export function isActive(t: ActiveFacts): boolean {
  if (t.fase === 'geland') return t.nazorg?.vorm === 'waakvlam';
  return (activeFases as readonly Fase[]).includes(t.fase);
}

/** Which phases a caseworker can choose next (the UI offers these; the rules below still decide). */
export function nextFases(state: Pick<LifecycleState, 'fase' | 'contract'>): Fase[] {
  if (state.fase === 'geland' || state.fase === 'beeindigd') return [];
  const next = forward[forward.indexOf(state.fase) + 1];
  const options: Fase[] = next ? [next] : [];
  if (state.fase === 'landing' && state.contract?.vorm === 'eigen-huurcontract') options.splice(0, 1, 'geland');
  else if (state.fase === 'landing') options.push('geland'); // landed before the omklap: the omklap is one input
  if (state.fase === 'woning') options.push('voorbereiding');
  if (state.fase === 'verhuizing') options.push('woning');
  return options;
}

export function canChangeFase(state: LifecycleState, to: Fase, policy: MunicipalityPolicy, today: IsoDate): Decision {
  if (to === state.fase) return block('Het traject is al in deze fase.');
  if (state.fase === 'geland') return block('Dit traject is afgerond: de persoon is geland.');
  if (state.fase === 'beeindigd') return block('Dit traject is beëindigd.');
  if (to === 'beeindigd') return block('Beëindigen is een eigen besluit, met een reden: geen fase.');
  if (!nextFases(state).includes(to)) return block('Deze fase kan niet direct na de huidige fase komen.');

  switch (to) {
    case 'woning': {
      if (state.fase === 'verhuizing') return allow;
      const summary = summarizeReadiness(state.gereedheid, policy.blockingReadinessItems);
      if (summary.ready) return allow;
      const open = summary.verplicht
        .filter((b) => summary.openBlocking.includes(b.item))
        .map((b) => `${readinessItem(b.item).label} (${b.reden})`);
      const n = open.length;
      return block(
        `Eerst nodig in de voorbereiding: ${n} ${n === 1 ? 'verplicht punt staat' : 'verplichte punten staan'} ` +
          `nog open: ${open.join('; ')}`,
      );
    }
    case 'verhuizing': {
      if (!geaccepteerdeAanbieding(state.aanbiedingen)) return block('Er is nog geen geaccepteerde woning.');
      if (!state.contract) return block('Het huurcontract is nog niet getekend.');
      if (!state.verhuisdatum) return block('Er is nog geen verhuisdatum.');
      return allow;
    }
    case 'landing':
      return state.verhuisdOp || (state.verhuisdatum && state.verhuisdatum <= today)
        ? allow
        : block('De verhuizing heeft nog niet plaatsgevonden.');
    case 'omklap': {
      const aankondiging = state.contract ? omklapAankondiging(state.contract, policy.omklapNoticeMonths) : undefined;
      if (!aankondiging) return block('Alleen een driepartijenovereenkomst klapt om.');
      return today >= aankondiging
        ? allow
        : block(`De omklap komt pas in beeld vanaf ${datumInWoorden(aankondiging)}.`);
    }
    case 'geland':
      // Judged, not dated: the last landing review says geland ("een goede landing in de wijk").
      return isGeland(state.landingsoordelen)
        ? allow
        : block(
            'Geland volgt uit een landingsreview: beoordeel eerst de vier factoren en hoe de persoon het zelf ziet.',
          );
    default:
      return allow;
  }
}
