import { addDays, type IsoDate } from '../common/calendar';
import type { MunicipalityPolicy } from '../organisation/municipality-policy';
import type { Signalen } from './overview';
import type { Fase } from '../common/vocabulary';

/**
 * A transition stalled in its phase: longer in it than its municipality's norm for that phase. Judged on the
 * day the phase began as Landing recorded it; a phase without a norm, or without a known start, never stalls.
 */
export function stilstand(
  t: { fase: Fase; signalen?: Pick<Signalen, 'faseSinds'> },
  policy: Pick<MunicipalityPolicy, 'faseNormDagen'>,
  today: IsoDate,
): { sinds: IsoDate; normDagen: number } | undefined {
  const since = t.signalen?.faseSinds;
  const norm = policy.faseNormDagen[t.fase];
  if (!since || since.fase !== t.fase || norm === undefined) return undefined;
  return addDays(since.sinds, norm) < today ? { sinds: since.sinds, normDagen: norm } : undefined;
}
