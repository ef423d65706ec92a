import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { organisationItem } from '../../functions/storage/dynamo-organisation-directory';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import { keys } from '../../functions/storage/keys';
import { addDays, todayInNetherlands } from '../../shared/domain/common/calendar';
import { gemeenteCodes } from '../../shared/domain/organisation/municipalities';
import { municipalityPolicy } from '../../shared/domain/organisation/municipality-policy';
import type { StaffMember } from '../../shared/domain/organisation/organisation';
import { signalen } from '../../shared/domain/transition/overview';
import { notStartedYet, type Fase, type Herkomst, type Transition } from '../../shared/domain/transition/transition';

const msSince = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/**
 * The rest of the table for the benchmark: transitions of other providers and teams, so the table has the
 * size asked for while the benchmark user's own list stays as it is. Items are the transition store's own
 * (its `create` runs against a client that only collects what it would write). Of those, the transition item
 * is written: the transition itself, listed in its team's partition of gsi1. The store also writes an
 * assignment per begeleider, the person lock and the first timeline event; no measured request reads those of
 * other teams, and writing them would make seeding 100,000 transitions take four times as long (DynamoDB Local
 * writes about 1,000–2,000 items a second on two cores).
 */
export const population = {
  providers: 40,
  teamsPerProvider: 10,
  begeleidersPerTeam: 8,
  /** One transition in three has a duo (two assignment items), the others one begeleider. */
  duoEvery: 3,
} as const;

const voornamen = [
  'Ahmed',
  'Bas',
  'Chantal',
  'Dirk',
  'Esra',
  'Frank',
  'Gerda',
  'Hamza',
  'Iris',
  'Joost',
  'Karin',
  'Lars',
  'Mila',
  'Nadia',
  'Otto',
  'Priya',
];
const achternamen = [
  'Jansen',
  'de Vries',
  'van den Berg',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'Dekker',
  'Brouwer',
];
const fases: Fase[] = ['aanmelding', 'voorbereiding', 'voorbereiding', 'woning'];
const herkomsten: Herkomst[] = ['BW', 'MO', 'begeleid-wonen'];
const DAY_MS = 86_400_000;

const providerId = (p: number) => `org-bench-${String(p).padStart(3, '0')}`;
const teamId = (t: number) => `team-${String(t).padStart(2, '0')}`;
const userId = (p: number, t: number, b: number) => `u-bench-${p}-${t}-${b}`;

/** The other providers' organisations and staff: a few thousand items, written once. */
export function populationStaffItems(): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  for (let p = 0; p < population.providers; p++) {
    items.push(
      organisationItem({
        id: providerId(p),
        naam: `Zorgaanbieder ${p}`,
        soort: 'zorgaanbieder',
        kvkNummer: String(70_000_000 + p),
      }),
    );
    for (let t = 0; t < population.teamsPerProvider; t++) {
      for (let b = 0; b < population.begeleidersPerTeam; b++) {
        const member: StaffMember = {
          id: userId(p, t, b),
          naam: `Begeleider ${p}-${t}-${b}`,
          role: 'begeleider',
          teamId: teamId(t),
        };
        items.push({ ...keys.staffMember(providerId(p), member.id), entity: 'StaffMember', ...member });
      }
    }
  }
  return items;
}

/** A client that answers every command with nothing and keeps what it was asked to write. */
function collectingClient(): { db: DynamoDBDocumentClient; items: () => Record<string, unknown>[] } {
  let sent: { input: { TransactItems?: { Put?: { Item: Record<string, unknown> } }[] } }[] = [];
  const db = {
    send: async (command: (typeof sent)[number]) => {
      sent.push(command);
      return {};
    },
  } as unknown as DynamoDBDocumentClient;
  return {
    db,
    items: () => {
      const items = sent.flatMap((c) => c.input.TransactItems ?? []).flatMap((op) => (op.Put ? [op.Put.Item] : []));
      sent = [];
      return items;
    },
  };
}

/** The n-th transition of the population (deterministic but for its ids), as registered and moved on a bit. */
function populationTransition(n: number, now: Date): Transition {
  const teams = population.providers * population.teamsPerProvider;
  const team = n % teams;
  const p = Math.floor(team / population.teamsPerProvider);
  const t = team % population.teamsPerProvider;
  const round = Math.floor(n / teams);
  const first = round % population.begeleidersPerTeam;
  const duo = n % population.duoEvery === 0;
  const begeleiders = [first, ...(duo ? [(first + 1) % population.begeleidersPerTeam] : [])].map((b) => ({
    id: userId(p, t, b),
    naam: `Begeleider ${p}-${t}-${b}`,
  }));
  const createdAt = new Date(now.getTime() - ((n * 7919) % (3 * 365)) * DAY_MS - (n % 86_400) * 1000).toISOString();
  const draft: Transition = {
    id: randomUUID(),
    version: 1,
    providerId: providerId(p),
    teamId: teamId(t),
    persoonRef: randomUUID(),
    persoon: {
      voornaam: voornamen[n % voornamen.length]!,
      achternaam: `${achternamen[Math.floor(n / voornamen.length) % achternamen.length]} ${n}`,
      geboortedatum: `${1960 + (n % 40)}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`,
    },
    gemeenteCode: gemeenteCodes[n % gemeenteCodes.length]!,
    herkomst: herkomsten[n % herkomsten.length]!,
    begeleiders,
    fase: fases[n % fases.length]!,
    ...notStartedYet,
    ondersteuning:
      n % 2 === 0
        ? [
            {
              id: randomUUID(),
              niveau: 'regulier',
              modaliteiten: ['thuis'],
              reden: 'Start ambulante begeleiding',
              vanaf: createdAt.slice(0, 10),
              door: begeleiders[0]!,
            },
          ]
        : [],
    createdAt,
    createdBy: begeleiders[0]!.id,
    updatedAt: createdAt,
  };
  return { ...draft, signalen: signalenOf(draft, now) };
}

/**
 * The list's sort keys, as the store writes them. The domain's overview walks the support history day by day
 * (ten years back), some 10 ms of CPU a transition: for a population of fresh aanmeldingen it is the same for
 * every one of a municipality, phase and support, so it is computed once for each.
 */
const signalenCache = new Map<string, Transition['signalen']>();
function signalenOf(draft: Transition, now: Date): Transition['signalen'] {
  const key = `${draft.gemeenteCode}|${draft.fase}|${draft.ondersteuning.map((o) => o.niveau).join(',')}`;
  let value = signalenCache.get(key);
  if (!value) {
    value = signalen(draft, municipalityPolicy(draft.gemeenteCode), todayInNetherlands(now));
    signalenCache.set(key, value);
  }
  return value;
}

/** The items of population transitions `from` (inclusive) to `to` (exclusive), through the store's own mapping. */
async function populationItems(from: number, to: number, now: Date): Promise<Record<string, unknown>[]> {
  const collecting = collectingClient();
  const store = new DynamoTransitionStore(collecting.db, 'collect');
  for (let n = from; n < to; n++) {
    const transition = populationTransition(n, now);
    await store.create({
      transition,
      firstEvent: {
        id: randomUUID(),
        transitionId: transition.id,
        type: 'aanmelding-geregistreerd',
        at: transition.createdAt,
        versie: 1,
        actor: { soort: 'medewerker', id: transition.createdBy, naam: transition.begeleiders[0]!.naam },
      },
    });
  }
  return collecting.items().filter((item) => item.entity === 'Transition');
}

export interface SeedReport {
  transitions: number;
  items: number;
  ms: number;
  itemsPerSecond: number;
}

/**
 * Writes population transitions `from` to `to` with BatchWriteItem (25 items a call), `parallel` calls at a
 * time, retrying what DynamoDB left unprocessed.
 */
export async function seedPopulation(
  db: DynamoDBDocumentClient,
  tableName: string,
  range: { from: number; to: number },
  options: { now: Date; parallel?: number; log?: (line: string) => void },
): Promise<SeedReport> {
  const started = process.hrtime.bigint();
  const CHUNK = 200;
  let next = range.from;
  let items = 0;
  let lastLog = Date.now();
  const worker = async () => {
    for (;;) {
      const from = next;
      if (from >= range.to) return;
      next = Math.min(range.to, from + CHUNK);
      const chunk = await populationItems(from, next, options.now);
      for (let i = 0; i < chunk.length; i += 25) await batchWrite(db, tableName, chunk.slice(i, i + 25));
      items += chunk.length;
      if (options.log && Date.now() - lastLog > 10_000) {
        lastLog = Date.now();
        options.log(
          `  seeding: ${next - range.from} of ${range.to - range.from} transitions, ${Math.round(items / (msSince(started) / 1000))} items/s`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: options.parallel ?? 4 }, worker));
  const ms = msSince(started);
  return {
    transitions: range.to - range.from,
    items,
    ms: Math.round(ms),
    itemsPerSecond: Math.round(items / (ms / 1000)),
  };
}

/** Puts up to 25 items, retrying unprocessed ones with backoff. */
export async function batchWrite(
  db: DynamoDBDocumentClient,
  tableName: string,
  items: Record<string, unknown>[],
): Promise<void> {
  let requests = items.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 0; requests.length; attempt++) {
    if (attempt > 8) throw new Error('seeding: items left unprocessed');
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
    const { UnprocessedItems } = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
    requests = (UnprocessedItems?.[tableName] ?? []) as typeof requests;
  }
}

/** A budget's validity around today, for grants in the benchmark. */
export function budgetPeriod(now: Date): { geldigVan: string; geldigTot: string } {
  const today = todayInNetherlands(now);
  return { geldigVan: addDays(today, -30), geldigTot: addDays(today, 335) };
}
