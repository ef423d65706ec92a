/** Key builders for the single table; its items and access patterns are listed in docs/ARCHITECTURE.md. */
export const keys = {
  /** A municipality's outcome counters: one item per cohort and counter, its counts per herkomst. */
  outcomeCounter: (gemeenteCode: string, cohort: string, counter: string) => ({
    pk: `UITKOMSTEN#${gemeenteCode}`,
    sk: `${cohort}#${counter}`,
  }),
  outcomeCounters: (gemeenteCode: string) => `UITKOMSTEN#${gemeenteCode}`,
  /** Written with a fact's counts, so a fact derived again (a redelivered change) counts once. */
  outcomeFact: (factId: string) => ({ pk: `UITKOMST-FEIT#${factId}`, sk: 'FEIT' }),
  transition: (id: string) => ({ pk: `TRANSITION#${id}`, sk: 'TRANSITION' }),
  /** A team's transitions; a transition without a team (from before teams) is listed for its organisation. */
  transitionsOfTeam: (organisationId: string, teamId: string | undefined) =>
    teamId ? `TEAM#${organisationId}#${teamId}#TRANSITIONS` : `ORG#${organisationId}#TRANSITIONS`,
  transitionsOfUser: (userId: string) => `USER#${userId}#TRANSITIONS`,
  assignment: (transitionId: string, userId: string) => ({
    pk: `TRANSITION#${transitionId}`,
    sk: `BEGELEIDER#${userId}`,
  }),
  newestFirst: (createdAt: string, id: string) => `${createdAt}#${id}`,
  timelinePartition: (transitionId: string) => `TRANSITION#${transitionId}`,
  timelineEventPrefix: 'EVENT#',
  /** Sorted by time, then by the version the event produced (events of one millisecond keep their order). */
  timelineEvent: (event: { transitionId: string; at: string; versie?: number; id: string }) => ({
    pk: `TRANSITION#${event.transitionId}`,
    sk: `EVENT#${event.at}#${String(event.versie ?? 0).padStart(6, '0')}#${event.id}`,
  }),
  organisation: (organisationId: string) => ({ pk: `ORG#${organisationId}`, sk: 'ORG' }),
  staffPartition: (organisationId: string) => `ORG#${organisationId}`,
  staffPrefix: 'STAFF#',
  staffMember: (organisationId: string, userId: string) => ({ pk: `ORG#${organisationId}`, sk: `STAFF#${userId}` }),
  idempotency: (userId: string, key: string) => ({ pk: `IDEMPOTENCY#${userId}#${key}`, sk: 'IDEMPOTENCY' }),
  /** One active transition per person: the person's identity (hashed) locks it. */
  activePerson: (personHash: string) => ({ pk: `PERSON#${personHash}`, sk: 'ACTIVE' }),
  wijkPlaatsingen: (gemeenteCode: string, wijk: string) => ({
    pk: `WIJK#${gemeenteCode}#${wijk.trim().toLowerCase()}`,
    sk: 'PLAATSINGEN',
  }),
  organisationsOfKind: (soort: string) => `ORGS#${soort}`,
  budget: (transitionId: string) => ({ pk: `TRANSITION#${transitionId}`, sk: 'BUDGET' }),
  budgetRequest: (transitionId: string) => ({ pk: `TRANSITION#${transitionId}`, sk: 'AANVRAAG#BUDGET' }),
  /** A part of the person's own plan (profile version, goal, network member, score), beside the transition. */
  herstel: (transitionId: string, part: string, id: string) => ({
    pk: `TRANSITION#${transitionId}`,
    sk: `HERSTEL#${part}#${id}`,
  }),
  herstelPrefix: 'HERSTEL#',
  spend: (transitionId: string, spendId: string) => ({ pk: `TRANSITION#${transitionId}`, sk: `SPEND#${spendId}` }),
  spendPrefix: 'SPEND#',
  ledgerEntry: (transitionId: string, at: string, id: string) => ({
    pk: `TRANSITION#${transitionId}`,
    sk: `LEDGER#${at}#${id}`,
  }),
  ledgerPrefix: 'LEDGER#',
  /** Sparse: only spends awaiting approval carry it, so the inbox is a Query of exactly those. */
  budgetInbox: (gemeenteCode: string) => `GEMEENTE#${gemeenteCode}#INBOX`,
  municipalityLedger: (gemeenteCode: string) => `GEMEENTE#${gemeenteCode}#LEDGER`,
  signal: (transitionId: string, at: string, id: string) => ({
    pk: `TRANSITION#${transitionId}`,
    sk: `SIGNAL#${at}#${id}`,
  }),
  signalPrefix: 'SIGNAL#',
  contact: (transitionId: string, at: string, id: string) => ({
    pk: `TRANSITION#${transitionId}`,
    sk: `CONTACT#${at}#${id}`,
  }),
  contactPrefix: 'CONTACT#',
  /** Written with a signal Landing raises itself, so a retried step raises it once. */
  signalOnce: (transitionId: string, signalId: string) => ({
    pk: `TRANSITION#${transitionId}`,
    sk: `SIGNAL-ONCE#${signalId}`,
  }),
  task: (transitionId: string, taskId: string) => ({ pk: `TRANSITION#${transitionId}`, sk: `TAAK#${taskId}` }),
  /** A signal's tasks share this prefix (task ids start with the signal id). */
  tasksOfSignalPrefix: (signalId: string) => `TAAK#${signalId}.`,
  /** Sparse: only open tasks carry it, so "my tasks" is a Query of exactly those, earliest deadline first. */
  openTasksOfUser: (userId: string) => `USER#${userId}#TAKEN`,
  /** A notice to a corporation: written with the change that causes it, fanned out to its endpoints. */
  outboxEvent: (eventId: string) => ({ pk: `OUTBOX#${eventId}`, sk: 'OUTBOX' }),
  /** Sparse: notices not yet fanned out (the sweeper's safety net behind DynamoDB Streams). */
  outboxPending: 'WEBHOOKS#OUTBOX',
  corporation: (corporatieId: string) => `CORP#${corporatieId}`,
  /** A provider's endpoint at a corporation: each provider registers (and signs for) its own. */
  endpoint: (corporatieId: string, providerId: string, endpointId: string) => ({
    pk: `CORP#${corporatieId}`,
    sk: `ENDPOINT#${providerId}#${endpointId}`,
  }),
  endpointsOfProvider: (providerId: string) => `ENDPOINT#${providerId}#`,
  /** A corporation's home by its unit number → the provider's transition placed there (inbound signals). */
  homeOfCorporation: (corporatieId: string, providerId: string, eenheidnummer: string) => ({
    pk: `CORP#${corporatieId}`,
    sk: `EENHEID#${providerId}#${eenheidnummer.trim().toUpperCase()}`,
  }),
  /** One delivery of one notice to one endpoint; an endpoint's log is its partition, newest first. */
  delivery: (endpointId: string, at: string, eventId: string) => ({
    pk: `ENDPOINT#${endpointId}`,
    sk: `DELIVERY#${at}#${eventId}`,
  }),
  endpointLog: (endpointId: string) => `ENDPOINT#${endpointId}`,
  deliveryPrefix: 'DELIVERY#',
  /** Sparse: deliveries waiting for an attempt, by when it is due. */
  deliveriesDue: 'WEBHOOKS#DUE',
  /** API keys are found by their hash; a provider lists the keys it issued to a corporation by prefix. */
  apiKeyByHash: (hash: string) => ({ pk: `APIKEY#${hash}`, sk: 'APIKEY' }),
  apiKeyIssued: (providerId: string, corporatieId: string, prefix: string) => ({
    pk: `CORP#${corporatieId}`,
    sk: `APIKEY#${providerId}#${prefix}`,
  }),
  apiKeysIssuedBy: (providerId: string) => `APIKEY#${providerId}#`,
  /** What a corporation reported through one provider's key, about that provider's transitions. */
  signalsReported: (corporatieId: string, providerId: string) => `CORP#${corporatieId}#PROVIDER#${providerId}#SIGNALEN`,
  spendIdempotency: (userId: string, key: string) => ({ pk: `IDEMPOTENCY#SPEND#${userId}#${key}`, sk: 'IDEMPOTENCY' }),
  /** A partner on a provider's sociale kaart of a wijk (wijkKey from shared/domain/wijk/sociale-kaart.ts). */
  partner: (providerId: string, wijkKey: string, partnerId: string) => ({
    pk: `KAART#${providerId}#${wijkKey}`,
    sk: `PARTNER#${partnerId}`,
  }),
  partnersOfWijk: (providerId: string, wijkKey: string) => `KAART#${providerId}#${wijkKey}`,
  partnerPrefix: 'PARTNER#',
  /** The wijken of a provider's kaart, one item each with its name and number of partners. */
  kaartWijk: (providerId: string, wijkKey: string) => ({ pk: `KAART#${providerId}`, sk: `WIJK#${wijkKey}` }),
  kaartWijken: (providerId: string) => `KAART#${providerId}`,
  kaartWijkPrefix: 'WIJK#',
} as const;

/** A timeline event as stored: every capability that records one writes this same item. */
export function timelineEventItem(event: { transitionId: string; at: string; versie?: number; id: string }) {
  return { ...keys.timelineEvent(event), entity: 'TimelineEvent', ...event };
}
