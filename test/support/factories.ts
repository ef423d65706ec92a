import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/storage/keys';
import type { Principal, Role } from '../../shared/domain/principal';
import type { AanmeldingInput } from '../../shared/domain/transition';

/** Named people for tests: a duo and a team lead at one provider, a begeleider at another. */
export const people = {
  sanne: { userId: 'u-sanne', naam: 'Sanne de Vries', organisationId: 'org-a', role: 'begeleider' },
  youssef: { userId: 'u-youssef', naam: 'Youssef El Amrani', organisationId: 'org-a', role: 'begeleider' },
  ingrid: { userId: 'u-ingrid', naam: 'Ingrid Visser', organisationId: 'org-a', role: 'teamleider' },
  pieter: { userId: 'u-pieter', naam: 'Pieter Smit', organisationId: 'gm-utrecht', role: 'budgethouder' },
  noor: { userId: 'u-noor', naam: 'Noor Hoekstra', organisationId: 'org-b', role: 'begeleider' },
} satisfies Record<string, Principal & { role: Role }>;

export async function seedOrganisations(db: DynamoDBDocumentClient, tableName: string): Promise<void> {
  const items = [
    { ...keys.organisation('org-a'), entity: 'Organisation', id: 'org-a', naam: 'Stichting A', soort: 'zorgaanbieder' },
    { ...keys.organisation('org-b'), entity: 'Organisation', id: 'org-b', naam: 'Zorggroep B', soort: 'zorgaanbieder' },
    ...Object.values(people).map((p) => ({
      ...keys.staffMember(p.organisationId, p.userId),
      entity: 'StaffMember',
      id: p.userId,
      naam: p.naam,
      role: p.role,
    })),
  ];
  await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: items.map((Item) => ({ PutRequest: { Item } })) } }));
}

export function aanmelding(overrides: Partial<AanmeldingInput> = {}): AanmeldingInput {
  return {
    persoon: { voornaam: 'Piet', achternaam: 'Bakker', geboortedatum: '1990-04-12' },
    gemeenteCode: 'GM0344',
    herkomst: 'MO',
    begeleiderIds: [people.sanne.userId, people.youssef.userId],
    ...overrides,
  };
}
