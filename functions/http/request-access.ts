import { randomUUID } from 'node:crypto';
import type { AuditAction, AuditEntry } from '../../shared/domain/audit/audit';
import type { Principal } from '../../shared/domain/organisation/principal';
import type { Ground } from '../../shared/policy/access-policy';

/**
 * What one request looked at and changed, collected as audit entries while the handler runs; the API handler
 * writes them before the answer leaves (no record is shown without its audit entry).
 */
export class RequestAccess {
  readonly entries: AuditEntry[] = [];

  constructor(
    readonly principal: Principal | undefined,
    private readonly meta: {
      requestId: string;
      operationId: string;
      kanaal: AuditEntry['waar']['kanaal'];
      bron?: string | undefined;
      /** The reason given for emergency access, if any (header `landing-noodtoegang`). */
      noodtoegangReden?: string | undefined;
      now: () => Date;
    },
  ) {}

  get noodtoegangReden(): string | undefined {
    return this.meta.noodtoegangReden;
  }

  record(input: {
    actie: AuditAction;
    onderdeel: string;
    person?: { persoonRef: string; transitionId: string; teamId?: string | undefined };
    grond?: Ground;
    weigering?: AuditEntry['weigering'];
    wijziging?: AuditEntry['wijziging'];
  }): void {
    if (!this.principal) return;
    const { userId, naam, organisationId, role } = this.principal;
    this.entries.push({
      id: randomUUID(),
      at: this.meta.now().toISOString(),
      actie: input.actie,
      operatie: this.meta.operationId,
      onderdeel: input.onderdeel,
      ...(input.person
        ? {
            persoonRef: input.person.persoonRef,
            transitionId: input.person.transitionId,
            ...(input.person.teamId ? { teamId: input.person.teamId } : {}),
          }
        : {}),
      gebruiker: { id: userId, naam, organisatieId: organisationId, rol: role },
      namens: { id: userId, naam },
      ...(input.grond ? { grond: input.grond } : {}),
      ...(input.grond === 'noodtoegang' && this.meta.noodtoegangReden
        ? { noodtoegang: { reden: this.meta.noodtoegangReden } }
        : {}),
      ...(input.weigering ? { weigering: input.weigering } : {}),
      waar: {
        requestId: this.meta.requestId,
        kanaal: this.meta.kanaal,
        ...(this.meta.bron ? { bron: this.meta.bron } : {}),
      },
      ...(input.wijziging ? { wijziging: input.wijziging } : {}),
    });
  }
}
