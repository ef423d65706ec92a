import { noticeKinds, noticeTypes, type NoticeData, type NoticeKind } from './notices';
import type { OutboxEvent } from './outbox-event';
import { veraAttribute, veraCodesOf } from './vera';

/**
 * A notice as a CloudEvents 1.0 JSON event, following the NL GOV profile for CloudEvents: `source` a URN in
 * the `nld` namespace naming the organisation (by its KvK number) and the system, `type` in reverse-DNS form,
 * `subject` the pseudonymous person reference, `sequence` per transition, and `dataref` to the authenticated
 * API where the corporation can read the notice again.
 *
 * `sequence` follows the CloudEvents sequence extension as it is now: a string whose text order is the order
 * of the changes. It is the transition's version, zero-padded, so it grows per subject, skips versions that
 * told this corporation nothing, and is shared by the notices of one change. No `sequencetype`: the extension
 * dropped it, and its old `Integer` (contiguous from 1, one value per event) is not what this is.
 *
 * `veracodes`, an extension attribute, names what the notice says in VERA's codes (see vera.ts).
 */
export interface CloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  subject: string;
  sequence: string;
  datacontenttype: 'application/json';
  dataref: string;
  veracodes?: string;
  data: Record<string, unknown>;
}

const kindOfType = new Map<string, NoticeKind>(noticeKinds.map((k) => [noticeTypes[k], k]));

export const systemName = 'landing';

export function sourceOf(kvkNummer: string): string {
  return `urn:nld:kvk:${kvkNummer}:systeem:${systemName}`;
}

export function toCloudEvent(
  event: Pick<OutboxEvent, 'id' | 'type' | 'time' | 'subject' | 'sequence' | 'data'>,
  context: { kvkNummer: string; apiBaseUrl: string },
): CloudEvent {
  const kind = kindOfType.get(event.type);
  const veracodes = kind && veraAttribute(veraCodesOf(kind, event.data as NoticeData<typeof kind>));
  return {
    specversion: '1.0',
    id: event.id,
    source: sourceOf(context.kvkNummer),
    type: event.type,
    time: event.time,
    subject: event.subject,
    sequence: event.sequence,
    datacontenttype: 'application/json',
    dataref: `${context.apiBaseUrl.replace(/\/$/, '')}/api/corporatie/meldingen/${encodeURIComponent(event.id)}`,
    ...(veracodes ? { veracodes } : {}),
    data: event.data,
  };
}
