import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/storage/keys';
import { organisationItem } from '../../functions/storage/dynamo-organisation-directory';
import type { Principal, Role } from '../../shared/domain/organisation/principal';
import type { AanmeldingInput } from '../../shared/domain/transition/transition';

/** Named people for tests: a duo and a team lead at one provider, a begeleider at another. */
export const people = {
  sanne: { userId: 'u-sanne', naam: 'Sanne de Vries', organisationId: 'org-a', role: 'begeleider', teamId: 'team-a1' },
  youssef: {
    userId: 'u-youssef',
    naam: 'Youssef El Amrani',
    organisationId: 'org-a',
    role: 'begeleider',
    teamId: 'team-a1',
  },
  /** Same organisation, another team. */
  kim: { userId: 'u-kim', naam: 'Kim de Wit', organisationId: 'org-a', role: 'begeleider', teamId: 'team-a2' },
  fleur: { userId: 'u-fleur', naam: 'Fleur Kok', organisationId: 'org-a', role: 'teamleider', teamId: 'team-a2' },
  ingrid: { userId: 'u-ingrid', naam: 'Ingrid Visser', organisationId: 'org-a', role: 'teamleider', teamId: 'team-a1' },
  pieter: { userId: 'u-pieter', naam: 'Pieter Smit', organisationId: 'gm-utrecht', role: 'budgethouder' },
  zara: { userId: 'u-zara', naam: 'Zara Koç', organisationId: 'gm-zeist', role: 'budgethouder' },
  bram: { userId: 'u-bram', naam: 'Bram Koster', organisationId: 'org-a', role: 'beheerder' },
  bea: { userId: 'u-bea', naam: 'Bea Mol', organisationId: 'org-b', role: 'beheerder' },
  /** Policy staff of a municipality: outcomes as aggregates, no person's record. Utrecht is the centrumgemeente. */
  lies: { userId: 'u-lies', naam: 'Lies Verbeek', organisationId: 'gm-utrecht', role: 'beleid' },
  maarten: { userId: 'u-maarten', naam: 'Maarten Dekker', organisationId: 'gm-zeist', role: 'beleid' },
  noor: { userId: 'u-noor', naam: 'Noor Hoekstra', organisationId: 'org-b', role: 'begeleider', teamId: 'team-b1' },
} satisfies Record<string, Principal & { role: Role }>;

export async function seedOrganisations(db: DynamoDBDocumentClient, tableName: string): Promise<void> {
  const items = [
    organisationItem({ id: 'org-a', naam: 'Stichting A', soort: 'zorgaanbieder', kvkNummer: '12345678' }),
    organisationItem({ id: 'org-b', naam: 'Zorggroep B', soort: 'zorgaanbieder', kvkNummer: '87654321' }),
    organisationItem({ id: 'corp-w', naam: 'Woonstichting W', soort: 'woningcorporatie' }),
    organisationItem({ id: 'corp-v', naam: 'Wonen V', soort: 'woningcorporatie' }),
    organisationItem({ id: 'gm-utrecht', naam: 'Gemeente Utrecht', soort: 'gemeente', gemeenteCode: 'GM0344' }),
    organisationItem({ id: 'gm-zeist', naam: 'Gemeente Zeist', soort: 'gemeente', gemeenteCode: 'GM0355' }),
    ...Object.values(people).map((p) => ({
      ...keys.staffMember(p.organisationId, p.userId),
      entity: 'StaffMember',
      id: p.userId,
      naam: p.naam,
      role: p.role,
      ...('teamId' in p ? { teamId: p.teamId } : {}),
    })),
  ];
  await db.send(
    new BatchWriteCommand({ RequestItems: { [tableName]: items.map((Item) => ({ PutRequest: { Item } })) } }),
  );
}

const achternamen = ['Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters'];
let personCount = 0;

/** The names the factories give people: what the privacy scan of the logs looks for. */
export const factoryPersonNames = achternamen.map((a) => `Piet ${a}`);

/** A new person every call: one person can only have one active transition. */
export function aanmelding(overrides: Partial<AanmeldingInput> = {}): AanmeldingInput {
  personCount += 1;
  const day = String((personCount % 28) + 1).padStart(2, '0');
  return {
    persoon: {
      voornaam: 'Piet',
      achternaam: `${achternamen[personCount % achternamen.length]} ${personCount}`,
      geboortedatum: `1990-04-${day}`,
    },
    gemeenteCode: 'GM0344',
    herkomst: 'MO',
    begeleiderIds: [people.sanne.userId, people.youssef.userId],
    ...overrides,
  };
}
