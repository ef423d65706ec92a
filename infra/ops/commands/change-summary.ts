import { fullDiff, ResourceImpact } from '@aws-cdk/cloudformation-diff';

/**
 * What a deploy would change in one stack, in numbers an ops engineer can judge at a glance: resources added,
 * updated, replaced and removed, whether permissions widen, and above all which resources that hold data
 * would be replaced or removed (a table, the audit trail, the user pool, a key, a queue with messages).
 */
export interface StackChange {
  stack: string;
  status: 'nieuw' | 'gewijzigd' | 'ongewijzigd';
  added: number;
  updated: number;
  replaced: number;
  removed: number;
  /** IAM statements or policies that allow more than before. */
  permissionsBroadened: boolean;
  /** Stateful resources a deploy would replace, remove or orphan: stop and think. */
  atRisk: { logicalId: string; type: string; impact: string }[];
  /** CloudFront distributions whose names (aliases) or certificate would change: the site's address. */
  addressChanges: AddressChange[];
}

/** A distribution's address before and after (undefined: the distribution is new, or goes). */
export interface AddressChange {
  logicalId: string;
  before?: SiteAddress | undefined;
  after?: SiteAddress | undefined;
  /** The site would no longer answer on a name it answers on now, or lose its certificate. */
  losesAddress: boolean;
}
interface SiteAddress {
  aliases: string[];
  certificate?: string | undefined;
}

/** Resource types whose replacement or removal loses data or locks people out. */
const statefulTypes = new Set([
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  'AWS::S3::Bucket',
  'AWS::Cognito::UserPool',
  'AWS::KMS::Key',
  'AWS::SQS::Queue',
  'AWS::Logs::LogGroup',
  // Holds every pending workflow alarm; replacing it deletes them (`npm run repair-alarms` sets them again).
  'AWS::Scheduler::ScheduleGroup',
]);
const riskyImpacts = new Set<string>([
  ResourceImpact.WILL_REPLACE,
  ResourceImpact.MAY_REPLACE,
  ResourceImpact.WILL_DESTROY,
  ResourceImpact.WILL_ORPHAN,
]);

type Template = Record<string, unknown>;

export function stackChange(stack: string, deployed: Template | undefined, next: Template): StackChange {
  const diff = fullDiff(deployed ?? {}, next);
  const change: StackChange = {
    stack,
    status: deployed ? (diff.isEmpty ? 'ongewijzigd' : 'gewijzigd') : 'nieuw',
    added: 0,
    updated: 0,
    replaced: 0,
    removed: 0,
    permissionsBroadened: diff.permissionsBroadened,
    atRisk: [],
    addressChanges: deployed ? addressChanges(deployed, next) : [],
  };
  diff.resources.forEachDifference((logicalId, resource) => {
    const impact = resource.changeImpact;
    if (resource.isAddition) change.added += 1;
    else if (resource.isRemoval) change.removed += 1;
    else if (impact === ResourceImpact.WILL_REPLACE || impact === ResourceImpact.MAY_REPLACE) change.replaced += 1;
    else if (resource.isUpdate) change.updated += 1;
    const type = resource.newResourceType ?? resource.oldResourceType ?? '';
    if (deployed && statefulTypes.has(type) && riskyImpacts.has(impact))
      change.atRisk.push({ logicalId, type, impact });
  });
  return change;
}

/**
 * Compared on the templates themselves: an alias or certificate given as an intrinsic (a Ref, an import)
 * compares by its JSON, which is what CloudFormation would see change.
 */
function addressChanges(deployed: Template, next: Template): AddressChange[] {
  const before = siteAddresses(deployed);
  const after = siteAddresses(next);
  const changes: AddressChange[] = [];
  for (const logicalId of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(logicalId);
    const will = after.get(logicalId);
    if (JSON.stringify(was) === JSON.stringify(will)) continue;
    const lostName = (was?.aliases ?? []).some((alias) => !will?.aliases.includes(alias));
    const lostCertificate = was?.certificate !== undefined && will?.certificate === undefined;
    changes.push({ logicalId, before: was, after: will, losesAddress: lostName || lostCertificate });
  }
  return changes;
}

function siteAddresses(template: Template): Map<string, SiteAddress> {
  const resources = (template.Resources ?? {}) as Record<string, { Type?: string; Properties?: unknown }>;
  const addresses = new Map<string, SiteAddress>();
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (resource.Type !== 'AWS::CloudFront::Distribution') continue;
    const config = (resource.Properties as { DistributionConfig?: Record<string, unknown> } | undefined)
      ?.DistributionConfig;
    const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
    const aliases = ((config?.Aliases as unknown[] | undefined) ?? []).map(text).sort();
    const certificate = (config?.ViewerCertificate as { AcmCertificateArn?: unknown } | undefined)?.AcmCertificateArn;
    addresses.set(logicalId, { aliases, certificate: certificate === undefined ? undefined : text(certificate) });
  }
  return addresses;
}

const describeAddress = (a: SiteAddress | undefined) =>
  !a
    ? 'geen distributie'
    : `${a.aliases.length ? a.aliases.join(', ') : 'alleen *.cloudfront.net'}, ${a.certificate ? `certificaat ${a.certificate}` : 'geen eigen certificaat'}`;

/** The summary as lines for the terminal (Dutch, as the product's other tools). */
export function formatChanges(stage: string, changes: readonly StackChange[]): string[] {
  const lines = [`Wijzigingen voor ${stage}:`];
  for (const c of changes) {
    const counts =
      c.status === 'ongewijzigd'
        ? 'niets'
        : `${c.added} nieuw, ${c.updated} bijgewerkt, ${c.replaced} vervangen, ${c.removed} verwijderd`;
    lines.push(
      `  ${c.stack.padEnd(24)} ${c.status.padEnd(12)} ${counts}${c.permissionsBroadened ? '  · meer rechten (IAM)' : ''}`,
    );
    for (const r of c.atRisk) lines.push(`    ! ${r.type} ${r.logicalId}: ${impactLabels[r.impact] ?? r.impact}`);
    for (const a of c.addressChanges)
      lines.push(
        `    ! CloudFront ${a.logicalId}: adres verandert: ${describeAddress(a.before)} → ${describeAddress(a.after)}`,
      );
  }
  const addresses = changes.flatMap((c) => c.addressChanges);
  if (addresses.length > 0)
    lines.push(
      addresses.some((a) => a.losesAddress)
        ? 'Let op: de site verliest haar adres of certificaat. Klopt infra/aws/config/stages.ts (domain)?'
        : 'Let op: het adres of certificaat van de site verandert. Klopt infra/aws/config/stages.ts (domain)?',
    );
  const risky = changes.flatMap((c) => c.atRisk);
  lines.push(
    risky.length
      ? `Let op: ${risky.length} resource(s) met gegevens worden vervangen of verwijderd.`
      : 'Geen resource met gegevens wordt vervangen of verwijderd.',
  );
  return lines;
}

const impactLabels: Record<string, string> = {
  [ResourceImpact.WILL_REPLACE]: 'wordt vervangen (nieuwe, lege resource)',
  [ResourceImpact.MAY_REPLACE]: 'wordt misschien vervangen',
  [ResourceImpact.WILL_DESTROY]: 'wordt verwijderd',
  [ResourceImpact.WILL_ORPHAN]: 'valt buiten de stack (blijft bestaan)',
};
