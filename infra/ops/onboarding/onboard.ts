import { BatchWriteCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Organisation, StaffMember } from '../../../shared/domain/organisation/organisation';
import { organisationItem } from '../../../functions/storage/dynamo-organisation-directory';
import { keys } from '../../../functions/storage/keys';
import type { OnboardingFile, StaffEntry } from './onboarding-file';

/** A user of the pool as the ops tools need them. */
export interface PoolUser {
  /** The user's `sub`: the id the product knows them by. */
  sub: string;
  /** Cognito's status: FORCE_CHANGE_PASSWORD until the first sign-in with the temporary password. */
  status: string;
  enabled: boolean;
  organisationId?: string;
  teamId?: string;
  naam?: string;
}

/** The stage's user pool, as onboarding and offboarding need it. */
export interface UserDirectory {
  find(email: string): Promise<PoolUser | undefined>;
  /** Creates the user (Cognito e-mails a temporary password) and returns their `sub`. */
  create(entry: StaffEntry): Promise<string>;
  /** Sets name, organisation, role and team on an existing user. */
  update(email: string, entry: StaffEntry): Promise<void>;
  /** Sends the invitation again with a new temporary password (the first one expires after 7 days). */
  resendInvitation(email: string): Promise<void>;
  /** Disables the user, ends their sessions and drops the team claim. */
  disable(email: string): Promise<void>;
}

/**
 * Cognito's own e-mail sends about 50 messages a day: the default number of invitations (new and re-sent) one
 * run sends. The rest wait for the next run, which finds who already has a user and goes on from there.
 */
export const DEFAULT_INVITATIONS_PER_RUN = 50;

export interface OnboardingReport {
  organisations: number;
  staff: number;
  usersCreated: number;
  usersUpdated: number;
  invitationsResent: number;
  /** Not invited in this run (the run's invitations were used up): the next run invites them. */
  waiting: number;
}

/**
 * Brings the file onto the stage: the organisations first, then each member of staff in turn — their user in
 * the pool and, right after it, their staff item keyed by the user's `sub` (the claim the API knows a principal
 * by). A run stopped halfway is run again: it finds the users made, writes their staff items (again, the same)
 * and goes on; nobody is created twice. At most `maxInvitations` e-mails go out; those after wait for the next
 * run. `resend` sends a new invitation to whoever never signed in (FORCE_CHANGE_PASSWORD).
 */
export async function onboard(
  deps: { db: DynamoDBDocumentClient; tableName: string; users: UserDirectory },
  file: OnboardingFile,
  options: { maxInvitations: number; resend: boolean },
): Promise<OnboardingReport> {
  const report: OnboardingReport = {
    organisations: file.organisaties.length,
    staff: file.medewerkers.length,
    usersCreated: 0,
    usersUpdated: 0,
    invitationsResent: 0,
    waiting: 0,
  };
  await putAll(
    deps.db,
    deps.tableName,
    file.organisaties.map((o: Organisation) => organisationItem(o)),
  );
  let invitations = options.maxInvitations;
  for (const entry of file.medewerkers) {
    const user = await deps.users.find(entry.email);
    let sub = user?.sub;
    if (user) {
      await deps.users.update(entry.email, entry);
      report.usersUpdated += 1;
      if (options.resend && user.status === 'FORCE_CHANGE_PASSWORD') {
        if (invitations > 0) {
          await deps.users.resendInvitation(entry.email);
          invitations -= 1;
          report.invitationsResent += 1;
        } else report.waiting += 1;
      }
    } else if (invitations > 0) {
      sub = await deps.users.create(entry);
      invitations -= 1;
      report.usersCreated += 1;
    } else report.waiting += 1;
    if (sub) await deps.db.send(new PutCommand({ TableName: deps.tableName, Item: staffItem(entry, sub) }));
  }
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
