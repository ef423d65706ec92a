import { overzichtFrom, type HerstelOverzicht } from '../../shared/domain/herstel/herstel-schemas';
import { openRecord, type RecordRequest } from '../access/person-record';
import type { HerstelDeps } from './ports';

/** The person's whole plan, for the duo (and, in an emergency, for looking). */
export async function readHerstel(
  deps: HerstelDeps,
  request: RecordRequest,
  transitionId: string,
): Promise<HerstelOverzicht> {
  await openRecord(deps.transitions, request, transitionId, 'herstel:read', { onderdeel: 'plan-en-netwerk' });
  return overzichtFrom(await deps.herstel.read(transitionId));
}
