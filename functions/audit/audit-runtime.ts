import { lazy, requiredEnv, runtime } from '../runtime';
import { DynamoAuditLog } from '../storage/dynamo-audit-log';
import type { AuditLog, AuditParking } from './ports';
import { SqsAuditParking } from './sqs-audit-parking';

/** Seven years unless the stage says otherwise: long enough for complaints and inspections about care. */
const DEFAULT_RETENTION_DAYS = 7 * 365;

/** The audit trail of a Lambda, from its environment (AUDIT_TABLE_NAME, AUDIT_RETENTION_DAYS). */
export const auditFromEnvironment = lazy(
  (): AuditLog =>
    new DynamoAuditLog(
      runtime.documentClient(),
      requiredEnv('AUDIT_TABLE_NAME'),
      Number(process.env.AUDIT_RETENTION_DAYS ?? DEFAULT_RETENTION_DAYS),
    ),
);

/** Where a Lambda parks the refusals it could not write (AUDIT_PARKED_QUEUE_URL); none when not set. */
export const auditParkingFromEnvironment = lazy((): AuditParking | undefined => {
  const queueUrl = process.env.AUDIT_PARKED_QUEUE_URL;
  return queueUrl ? new SqsAuditParking(queueUrl) : undefined;
});
