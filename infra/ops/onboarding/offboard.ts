import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditLog } from '../../../functions/audit/ports';
import { keys } from '../../../functions/storage/keys';
import { transitionUpdateItems } from '../../../functions/storage/dynamo-transition-store';
import { transactWrite } from '../../../functions/storage/transact-write';
import { AuditEntry } from '../../../shared/domain/audit/audit';
import { StaffMember } from '../../../shared/domain/organisation/organisation';
import { fromStored, Transition } from '../../../shared/domain/transition/transition';
import type { UserDirectory } from './onboard';

export interface OffboardDeps {
  db: DynamoDBDocumentClient;
  tableName: string;
  audit: Pick<AuditLog, 'append'>;
  users: UserDirectory;
  now: () => Date;
  newId: () => string;
  /** Who runs it: the audit trail's user. */
  operator: { id: string; naam: string };
  /** One id per run: the audit entries' request id. */
  runId: string;
}

export interface OffboardReport {
  outcome: 'uit-dienst' | 'onbekend' | 'opvolger-ongeldig';
  /** Transitions the leaver was taken off (the duo partner carries on, or the successor took their place). */
  removedFrom: string[];
  /** Of those, where the successor came in. */
  handedOver: string[];
  /** Transitions where the leaver is the only begeleider and no successor was named: left with them, listed. */
  withoutSuccessor: string[];
  teamId?: string;
}

/**
 * Someone leaves (docs/OPERATIONS.md, "Offboarding"): their user is disabled with their sessions ended, their
 * staff item (their place in a team, in the lists begeleiders are picked from) is removed, and they are taken
 * off every transition they support: a duo goes on with the partner; `successor` takes their place where given.
 * A transition they support alone is never left without a begeleider: without a successor it stays with them
 * and is listed, for the team lead to hand over. Each change is a new version of the transition with a
 * timeline event and an audit entry, as any change is; so is the leaving itself. Running it again is safe.
 */
export async function offboard(
  deps: OffboardDeps,
  leaverEmail: string,
  successorEmail?: string,
): Promise<OffboardReport> {
  const report: OffboardReport = { outcome: 'uit-dienst', removedFrom: [], handedOver: [], withoutSuccessor: [] };
  const leaver = await deps.users.find(leaverEmail);
  if (!leaver?.organisationId) return { ...report, outcome: 'onbekend' };
  const organisationId = leaver.organisationId;
  const staffKey = keys.staffMember(organisationId, leaver.sub);
  const { Item: staffItem } = await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: staffKey }));
  const member = staffItem ? StaffMember.parse(staffItem) : undefined;
  const teamId = member?.teamId ?? leaver.teamId;
  let successor: { id: string; naam: string; telefoon?: string } | undefined;
  if (successorEmail) {
    const found = await deps.users.find(successorEmail);
    const { Item } = found
      ? await deps.db.send(
          new GetCommand({ TableName: deps.tableName, Key: keys.staffMember(organisationId, found.sub) }),
        )
      : { Item: undefined };
    const next = Item ? StaffMember.parse(Item) : undefined;
    // The successor works at the same organisation, as a begeleider or team lead, and has not left.
    if (!found?.enabled || !next || !['begeleider', 'teamleider'].includes(next.role) || found.sub === leaver.sub)
      return { ...report, outcome: 'opvolger-ongeldig' };
    successor = { id: next.id, naam: next.naam, ...(next.telefoon ? { telefoon: next.telefoon } : {}) };
  }

  // Access first: whatever happens to the caseload after, the leaver cannot sign in any more.
  await deps.users.disable(leaverEmail);
  if (member) await deps.db.send(new DeleteCommand({ TableName: deps.tableName, Key: staffKey }));
  await deps.audit.append([
    entry(deps, organisationId, {
      actie: 'wijzigen',
      onderdeel: `medewerker ${leaver.sub}`,
      ...(teamId ? { teamId } : {}),
      wijziging: { velden: ['account', 'team'], oud: { teamId: teamId ?? null }, nieuw: { uitgeschakeld: true } },
    }),
  ]);

  for (const transitionId of await assignedTransitions(deps, leaver.sub)) {
    const before = await getTransition(deps, transitionId);
    if (!before?.begeleiders.some((b) => b.id === leaver.sub)) {
      // A left-over assignment without the transition naming them: only the list entry goes.
      await deps.db.send(
        new DeleteCommand({ TableName: deps.tableName, Key: keys.assignment(transitionId, leaver.sub) }),
      );
      continue;
    }
    const others = before.begeleiders.filter((b) => b.id !== leaver.sub);
    const begeleiders = successor && !others.some((b) => b.id === successor.id) ? [...others, successor] : others;
    if (!begeleiders.length) {
      report.withoutSuccessor.push(transitionId);
      continue;
    }
    const at = deps.now().toISOString();
    const next: Transition = { ...before, begeleiders, version: before.version + 1, updatedAt: at };
    const handedOver = Boolean(successor && begeleiders.some((b) => b.id === successor.id));
    await transactWrite(deps.db, {
      TransactItems: transitionUpdateItems(deps.tableName, {
        before,
        next,
        event: {
          id: deps.newId(),
          transitionId,
          type: 'begeleiders-gewijzigd',
          at,
          actor: { soort: 'werkproces', naam: 'Uit dienst (beheer)' },
          versie: next.version,
          omschrijving: handedOver
            ? `Een begeleider is uit dienst; ${successor?.naam} neemt het over.`
            : 'Een begeleider is uit dienst; het traject gaat verder met de andere begeleider.',
        },
      }),
    });
    await deps.audit.append([
      entry(deps, organisationId, {
        actie: 'wijzigen',
        onderdeel: 'begeleiders',
        persoonRef: before.persoonRef,
        transitionId,
        ...(before.teamId ? { teamId: before.teamId } : {}),
        wijziging: {
          versieVoor: before.version,
          versieNa: next.version,
          velden: ['begeleiders'],
          oud: { begeleiders: before.begeleiders.map((b) => b.id) },
          nieuw: { begeleiders: begeleiders.map((b) => b.id) },
        },
      }),
    ]);
    report.removedFrom.push(transitionId);
    if (handedOver) report.handedOver.push(transitionId);
  }
  return { ...report, ...(teamId ? { teamId } : {}) };
}

/** The transitions the user is listed on as begeleider (their assignment items, gsi1). */
async function assignedTransitions(deps: OffboardDeps, userId: string): Promise<string[]> {
  const ids: string[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await deps.db.send(
      new QueryCommand({
        TableName: deps.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.transitionsOfUser(userId) },
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) ids.push(String(item.pk).replace(/^TRANSITION#/, ''));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return ids;
}

async function getTransition(deps: OffboardDeps, transitionId: string): Promise<Transition | undefined> {
  const { Item } = await deps.db.send(
    new GetCommand({ TableName: deps.tableName, Key: keys.transition(transitionId), ConsistentRead: true }),
  );
  return Item ? Transition.parse(fromStored(Item)) : undefined;
}

function entry(
  deps: OffboardDeps,
  organisationId: string,
  what: Pick<AuditEntry, 'actie' | 'onderdeel' | 'persoonRef' | 'transitionId' | 'teamId' | 'wijziging'>,
): AuditEntry {
  return AuditEntry.parse({
    id: deps.newId(),
    at: deps.now().toISOString(),
    operatie: 'uit-dienst',
    ...what,
    gebruiker: { ...deps.operator, organisatieId: organisationId, rol: 'beheerder' },
    namens: deps.operator,
    grond: 'beheer',
    waar: { requestId: deps.runId, kanaal: 'werkproces', bron: 'npm run offboard' },
  });
}
