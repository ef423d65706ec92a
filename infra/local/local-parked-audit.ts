import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { AuditParking } from '../../functions/audit/ports';
import type { ParkedAuditQueue, ParkedMessage } from '../ops/recovery/replay-audit';
import { writeStateFile } from './state-file';

/** The parked audit entries in the state folder. */
export const localAuditParkedFile = 'audit-parked.json';

/** How long a received message stays hidden, as SQS's visibility timeout. */
const HIDDEN_MS = 60_000;

interface Stored {
  id: string;
  body: string;
  hiddenUntil?: number;
}

/**
 * The parking queue for audit entries, locally: the Lambdas send to it through the local SQS endpoint, the
 * replay reads it. Kept in a file of the state folder (written whole or not at all), so parked entries survive
 * a restart; without a file, in memory (tests).
 */
export class LocalParkedAudit implements AuditParking, ParkedAuditQueue {
  private messages: Stored[];

  constructor(private readonly file?: string) {
    this.messages = file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Stored[]) : [];
  }

  /** A message as the SQS endpoint receives it. */
  send(body: string): string {
    const id = randomUUID();
    this.messages.push({ id, body });
    this.save();
    return id;
  }

  async park(parked: unknown): Promise<void> {
    this.send(JSON.stringify(parked));
  }

  async count(): Promise<number> {
    return this.messages.length;
  }

  async receive(max: number): Promise<ParkedMessage[]> {
    const now = Date.now();
    const visible = this.messages.filter((m) => (m.hiddenUntil ?? 0) <= now).slice(0, max);
    for (const m of visible) m.hiddenUntil = now + HIDDEN_MS;
    return visible.map((m) => ({ receipt: m.id, body: m.body }));
  }

  async remove(receipt: string): Promise<void> {
    this.messages = this.messages.filter((m) => m.id !== receipt);
    this.save();
  }

  private save(): void {
    if (this.file) writeStateFile(this.file, JSON.stringify(this.messages));
  }
}
