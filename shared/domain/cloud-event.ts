import type { OutboxEvent } from './outbox-event';

/**
 * A notice as a CloudEvents 1.0 JSON event, following the NL GOV profile for CloudEvents: `source` a URN in
 * the `nld` namespace naming the organisation (by its KvK number) and the system, `type` in reverse-DNS form,
 * `subject` the pseudonymous person reference, `sequence` per transition, and `dataref` to the authenticated
 * API where the corporation can read the notice again.
 */
export interface CloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  subject: string;
  sequence: string;
  sequencetype: 'Integer';
  datacontenttype: 'application/json';
  dataref: string;
  data: Record<string, unknown>;
}

export const systemName = 'landing';

export function sourceOf(kvkNummer: string): string {
  return `urn:nld:kvk:${kvkNummer}:systeem:${systemName}`;
}

export function toCloudEvent(event: Pick<OutboxEvent, 'id' | 'type' | 'time' | 'subject' | 'sequence' | 'data'>, context: { kvkNummer: string; apiBaseUrl: string }): CloudEvent {
  return {
    specversion: '1.0',
    id: event.id,
    source: sourceOf(context.kvkNummer),
    type: event.type,
    time: event.time,
    subject: event.subject,
    sequence: event.sequence,
    sequencetype: 'Integer',
    datacontenttype: 'application/json',
    dataref: `${context.apiBaseUrl.replace(/\/$/, '')}/api/corporatie/meldingen/${encodeURIComponent(event.id)}`,
    data: event.data,
  };
}
