/** Key builders for the single table; the layout and access patterns are in table-design.ts. */
export const keys = {
  transition: (id: string) => ({ pk: `TRANSITION#${id}`, sk: 'TRANSITION' }),
  transitionsOfOrganisation: (organisationId: string) => `ORG#${organisationId}#TRANSITIONS`,
  transitionsOfUser: (userId: string) => `USER#${userId}#TRANSITIONS`,
  assignment: (transitionId: string, userId: string) => ({ pk: `TRANSITION#${transitionId}`, sk: `BEGELEIDER#${userId}` }),
  newestFirst: (createdAt: string, id: string) => `${createdAt}#${id}`,
  timelinePartition: (transitionId: string) => `TRANSITION#${transitionId}`,
  timelineEventPrefix: 'EVENT#',
  timelineEvent: (transitionId: string, at: string, eventId: string) => ({
    pk: `TRANSITION#${transitionId}`,
    sk: `EVENT#${at}#${eventId}`,
  }),
  organisation: (organisationId: string) => ({ pk: `ORG#${organisationId}`, sk: 'ORG' }),
  staffPartition: (organisationId: string) => `ORG#${organisationId}`,
  staffPrefix: 'STAFF#',
  staffMember: (organisationId: string, userId: string) => ({ pk: `ORG#${organisationId}`, sk: `STAFF#${userId}` }),
  idempotency: (userId: string, key: string) => ({ pk: `IDEMPOTENCY#${userId}#${key}`, sk: 'IDEMPOTENCY' }),
} as const;
