import type { OutboxEvent } from '../../shared/domain/notices/outbox-event';
import type { Delivery, DeliveryRef, Endpoint } from '../../shared/domain/notices/webhook-schemas';
import type { Page, PageRequest } from '../transitions/ports';

export type EndpointKey = Pick<Endpoint, 'corporatieId' | 'providerId' | 'id'>;

/** A corporation's webhook endpoints, per provider. Writes are conditional on the endpoint's version. */
export interface EndpointStore {
  create(endpoint: Endpoint): Promise<void>;
  get(corporatieId: string, providerId: string, endpointId: string): Promise<Endpoint | undefined>;
  /** The endpoints one provider registered at one corporation. */
  ofCorporation(corporatieId: string, providerId: string): Promise<Endpoint[]>;
  /** Refused with a 409 (EndpointChangedConflict) when the endpoint is no longer at `before.versie`. */
  replace(before: Endpoint, after: Endpoint): Promise<void>;
  /** Health after an attempt: atomic, unconditional updates (two workers may report at once). */
  recordSuccess(endpoint: EndpointKey, at: string): Promise<void>;
  recordFailure(endpoint: EndpointKey, at: string): Promise<Endpoint | undefined>;
  disable(endpoint: EndpointKey, at: string, reden: NonNullable<Endpoint['uitgeschakeld']>['reden']): Promise<void>;
}

/** The outbox and the deliveries made of it. */
export interface DeliveryStore {
  outboxEvent(eventId: string): Promise<OutboxEvent | undefined>;
  /** Notices written more than `olderThan` ago that were not fanned out yet (the stream's safety net). */
  pendingOutbox(olderThan: string, limit: number): Promise<OutboxEvent[]>;
  /** A notice written on its own (a test notice): fanned out like any other. */
  writeOutbox(event: OutboxEvent): Promise<void>;
  /** Writes each delivery once (a second fan-out of the same notice writes nothing) and marks the notice fanned out. */
  fanOut(event: OutboxEvent, deliveries: Delivery[]): Promise<void>;
  get(ref: DeliveryRef): Promise<Delivery | undefined>;
  /** Takes the delivery for one attempt until `leaseUntil`; undefined when it is not due or someone else holds it. */
  claim(ref: DeliveryRef, now: string, leaseUntil: string): Promise<Delivery | undefined>;
  /** Stores the outcome of an attempt, only while the lease taken at `leaseTot` is still ours. */
  settle(claimed: Delivery, after: Delivery): Promise<void>;
  /** Sets parked or waiting deliveries waiting again, due now (a replay); conditional on the status seen. */
  requeue(delivery: Delivery, now: string): Promise<Delivery>;
  /** Deliveries due by `now`, earliest first. */
  due(now: string, limit: number): Promise<DeliveryRef[]>;
  /** An endpoint's log, newest first. */
  log(endpointId: string, page: PageRequest & { since?: string }): Promise<Page<Delivery>>;
}

/** Seals webhook secrets at rest: KMS on AWS, a local key file in local mode. */
export interface SecretVault {
  seal(plaintext: string): Promise<string>;
  open(sealed: string): Promise<string>;
}

/** Where deliveries wait for a worker: SQS on AWS (with a delay up to 15 minutes), in process locally. */
export interface DeliveryQueue {
  enqueue(refs: readonly DeliveryRef[], delaySeconds?: number): Promise<void>;
}

/** Tells the provider's operations that an endpoint was switched off (SNS on AWS, the log locally). */
export interface OpsNotifier {
  endpointDisabled(input: { corporatieId: string; endpointId: string; reden: string }): Promise<void>;
}
