import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Organisation, StaffMember } from '../../../shared/domain/organisation/organisation';
import { organisationItem } from '../../../functions/storage/dynamo-organisation-directory';
import { keys } from '../../../functions/storage/keys';
import type { OnboardingFile, StaffEntry } from './onboarding-file';

/** The stage's user pool, as the onboarding needs it: find a user by e-mail, create one, set their attributes. */
export interface UserDirectory {
  /** The user's `sub` (the id the product knows them by), or undefined. */
  find(email: string): Promise<string | undefined>;
  /** Creates the user (Cognito e-mails a temporary password) and returns their `sub`. */
  create(entry: StaffEntry): Promise<string>;
  /** Sets name, organisation, role and team on an existing user. */
  update(email: string, entry: StaffEntry): Promise<void>;
}

export interface OnboardingReport {
  organisations: number;
  usersCreated: number;
  usersUpdated: number;
  staff: number;
}

/**
 * Brings the file onto the stage: organisations and staff items in the table, a user in the pool for each
 * member of staff, the staff item keyed by the user's `sub` (the claim the API knows a principal by). Running
 * it again changes what changed and creates nobody twice. `dryRun` looks up, counts and writes nothing.
 */
export async function onboard(
  deps: { db: DynamoDBDocumentClient; tableName: string; users: UserDirectory },
  file: OnboardingFile,
  dryRun: boolean,
): Promise<OnboardingReport> {
  const report: OnboardingReport = {
    organisations: file.organisaties.length,
    usersCreated: 0,
    usersUpdated: 0,
    staff: file.medewerkers.length,
  };
  const staffItems: Record<string, unknown>[] = [];
  for (const entry of file.medewerkers) {
    let sub = await deps.users.find(entry.email);
    if (sub) {
      report.usersUpdated += 1;
      if (!dryRun) await deps.users.update(entry.email, entry);
    } else {
      report.usersCreated += 1;
      if (!dryRun) sub = await deps.users.create(entry);
    }
    if (sub) staffItems.push(staffItem(entry, sub));
  }
  if (!dryRun)
    await putAll(deps.db, deps.tableName, [
      ...file.organisaties.map((o: Organisation) => organisationItem(o)),
      ...staffItems,
    ]);
  return report;
}

function staffItem(entry: StaffEntry, sub: string) {
  const member: StaffMember = {
    id: sub,
    naam: entry.naam,
    role: entry.rol,
    ...(entry.teamId ? { teamId: entry.teamId } : {}),
    ...(entry.telefoon ? { telefoon: entry.telefoon } : {}),
  };
  return { ...keys.staffMember(entry.organisatieId, sub), entity: 'StaffMember', ...member };
}

async function putAll(db: DynamoDBDocumentClient, tableName: string, items: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let requests = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length; attempt++) {
      if (attempt >= 5) throw new Error('items not written after 5 attempts');
      const { UnprocessedItems } = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
      requests = (UnprocessedItems?.[tableName] ?? []) as typeof requests;
    }
  }
}
