import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { DynamoBudgetStore } from '../../functions/storage/dynamo-budget-store';
import { DynamoHerstelStore } from '../../functions/storage/dynamo-herstel-store';
import { DynamoContactStore, DynamoSignalStore } from '../../functions/storage/dynamo-signal-store';
import { DynamoTransitionStore, personHash } from '../../functions/storage/dynamo-transition-store';
import { keys } from '../../functions/storage/keys';
import { applyCommand } from '../../functions/transitions/run-command';
import { addDays, todayInNetherlands } from '../../shared/domain/common/calendar';
import type { Signal } from '../../shared/domain/signals/signal-schemas';
import { taskId, type Task } from '../../shared/domain/signals/task';
import type { Actor } from '../../shared/domain/transition/timeline';
import { decideOffer, endTransition, registerOffer } from '../../shared/domain/transition/transition-commands';
import { notStartedYet, type Transition } from '../../shared/domain/transition/transition';
import { aanmelding, people } from './factories';

const sanne: Actor = { soort: 'medewerker', id: people.sanne.userId, naam: people.sanne.naam };

/**
 * One person's record with every kind of item the table holds about a person, written through the product's
 * own stores and domain commands (the same writes the API and the workflows make), on a clock the test sets:
 * the transition with its duo and idempotency record and person lock, a woning offered and accepted (notices
 * to the corporation in the outbox, the corporation's home, the wijk counter), a regelbudget with a spend
 * approved at once and one awaiting the budget holder (with their idempotency records), signals (by the
 * plan, Landing's own contact watch with its once-marker, one a corporation reported), the duo's tasks,
 * a contactmoment, a member of the person's steunsysteem (a third party, with how to reach them), and — with `endAt` — the end (beeindigd, by decision) with a person lock left over.
 */
export async function seedPersonRecord(
  db: DynamoDBDocumentClient,
  tableName: string,
  options: { startAt: string; endAt?: string },
): Promise<Transition> {
  const transitions = new DynamoTransitionStore(db, tableName);
  const budgets = new DynamoBudgetStore(db, tableName);
  const signals = new DynamoSignalStore(db, tableName);
  const contacts = new DynamoContactStore(db, tableName);
  let tick = 0;
  // A second per step, so items sort in the order they were made.
  const now = () => new Date(Date.parse(options.startAt) + 1000 * tick++);
  const deps = { store: transitions, now, newId: randomUUID };
  const start = now().toISOString();
  const today = todayInNetherlands(new Date(start));

  const input = aanmelding();
  const created: Transition = {
    id: randomUUID(),
    version: 1,
    providerId: 'org-a',
    teamId: 'team-a1',
    persoonRef: randomUUID(),
    persoon: input.persoon,
    gemeenteCode: 'GM0344',
    herkomst: 'MO',
    begeleiders: [
      { id: people.sanne.userId, naam: people.sanne.naam },
      { id: people.youssef.userId, naam: people.youssef.naam },
    ],
    fase: 'woning',
    ...notStartedYet,
    createdAt: start,
    createdBy: people.sanne.userId,
    updatedAt: start,
  };
  await transitions.create({
    transition: created,
    firstEvent: {
      id: randomUUID(),
      transitionId: created.id,
      type: 'aanmelding-geregistreerd',
      at: start,
      versie: 1,
      actor: sanne,
    },
    idempotency: { userId: people.sanne.userId, key: randomUUID() },
  });

  const offer = {
    id: randomUUID(),
    corporatieId: 'corp-w',
    adres: { straat: 'Kanaalweg', huisnummer: '12', postcode: '3526 KL', plaats: 'Utrecht' },
    wijk: 'Kanaleneiland',
    huurPerMaandCent: 65_000,
    beschikbaarVanaf: addDays(today, 30),
    reactieUiterlijk: addDays(today, 7),
    eenheidnummer: `UTR-${created.id.slice(0, 6)}`,
  };
  let t = await applyCommand(deps, created, sanne, (tr, ctx) => registerOffer(tr, offer, ctx));
  t = await applyCommand(deps, t, sanne, (tr, ctx) =>
    decideOffer(tr, { aanbiedingId: offer.id, besluit: 'geaccepteerd' }, ctx),
  );

  const pieter = { id: people.pieter.userId, naam: people.pieter.naam };
  const ledger = (fields: {
    soort: 'toegekend' | 'direct-goedgekeurd' | 'voorgesteld';
    bedragCent: number;
    spendId?: string;
  }) => ({
    id: randomUUID(),
    transitionId: t.id,
    gemeenteCode: 'GM0344' as const,
    at: now().toISOString(),
    door: pieter,
    ...fields,
  });
  await budgets.grant(
    {
      transitionId: t.id,
      gemeenteCode: 'GM0344',
      providerId: 'org-a',
      toegekendCent: 100_000,
      vrijCent: 100_000,
      gereserveerdCent: 0,
      goedgekeurdCent: 0,
      betaaldCent: 0,
      geldigVan: today,
      geldigTot: addDays(today, 365),
      toegekendDoor: pieter,
    },
    ledger({ soort: 'toegekend', bedragCent: 100_000 }),
  );
  for (const [move, bedragCent] of [
    ['direct-goedkeuren', 20_000],
    ['voorstellen', 60_000],
  ] as const) {
    const spend = {
      id: randomUUID(),
      transitionId: t.id,
      categorie: 'inrichting' as const,
      bedragCent,
      ontvanger: 'Kringloop Utrecht',
      reden: 'Bed en kast',
      status: move === 'voorstellen' ? ('voorgesteld' as const) : ('goedgekeurd' as const),
      voorgesteldDoor: { id: people.sanne.userId, naam: people.sanne.naam },
      voorgesteldOp: now().toISOString(),
    };
    await budgets.propose({
      spend,
      move,
      gemeenteCode: 'GM0344',
      today,
      idempotency: { userId: people.sanne.userId, key: randomUUID(), requestHash: 'seed' },
      entry: ledger({
        soort: move === 'voorstellen' ? 'voorgesteld' : 'direct-goedgekeurd',
        bedragCent,
        spendId: spend.id,
      }),
    });
  }

  const signal = (fields: Partial<Signal>): Signal =>
    ({
      id: randomUUID(),
      transitionId: t.id,
      versie: 1,
      at: now().toISOString(),
      bron: 'begeleider',
      omschrijving: 'Doet de deur niet meer open',
      fase: 'rood',
      status: 'open',
      geregistreerdDoor: sanne,
      ...fields,
    }) as Signal;
  const event = (type: 'signaal-ontvangen' | 'taak-aangemaakt', at: string) => ({
    id: randomUUID(),
    transitionId: t.id,
    type,
    at,
    actor: sanne,
  });
  const red = signal({ deadline: new Date(Date.parse(start) + 4 * 3_600_000).toISOString() });
  await signals.register(red, event('signaal-ontvangen', red.at));
  const watch = signal({ bron: 'contactbewaking', fase: 'oranje', omschrijving: 'Contact over tijd' });
  await signals.register(watch, event('signaal-ontvangen', watch.at), { once: true });
  const reported = signal({
    bron: 'corporatie',
    fase: 'oranje',
    omschrijving: 'Geluidsoverlast',
    melder: { corporatieId: 'corp-w', providerId: t.providerId, eenheidnummer: offer.eenheidnummer, soort: 'overlast' },
  });
  await signals.register(reported, event('signaal-ontvangen', reported.at));
  const tasks: Task[] = [people.sanne, people.youssef].map((p) => ({
    id: taskId(red.id, 'duo', p.userId),
    transitionId: t.id,
    signaalId: red.id,
    voor: { id: p.userId, naam: p.naam },
    rol: 'duo',
    persoon: { voornaam: t.persoon.voornaam, achternaam: t.persoon.achternaam },
    fase: 'rood',
    wat: 'Pak het signaal op',
    deadline: red.deadline!,
    status: 'open',
    aangemaaktOp: now().toISOString(),
  }));
  await signals.change({
    before: red,
    after: { ...red, taakAangemaaktOp: now().toISOString() },
    event: event('taak-aangemaakt', now().toISOString()),
    newTasks: tasks,
  });

  await contacts.record({
    id: randomUUID(),
    transitionId: t.id,
    op: now().toISOString(),
    wie: { id: people.sanne.userId, naam: people.sanne.naam },
    modaliteit: 'thuis',
    notitie: 'Koffie gedronken',
  });

  await new DynamoHerstelStore(db, tableName).write({
    transitionId: t.id,
    item: {
      part: 'netwerk',
      id: randomUUID(),
      data: {
        naam: 'Marieke',
        relatie: 'familie',
        soort: 'natuurlijk-netwerk',
        band: 'steunend',
        toestemmingBereikbaar: true,
        bereikbaar: '06-21436587',
        sinds: today,
      },
    },
    event: { id: randomUUID(), transitionId: t.id, type: 'netwerk-bijgewerkt', at: now().toISOString(), actor: sanne },
  });

  if (options.endAt) {
    tick = 0;
    const ended = { ...deps, now: () => new Date(Date.parse(options.endAt!) + 1000 * tick++) };
    t = await applyCommand(ended, t, sanne, (tr, ctx) =>
      endTransition(tr, { reden: 'terug-naar-bw-mo', toelichting: 'Terug naar de opvang' }, ctx),
    );
    // The end released the person lock. One stored before ends released it (a relapse kept it) is left over:
    // the procedure must find and delete it too.
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.activePerson(personHash(t.persoon)), entity: 'ActivePerson', transitionId: t.id },
      }),
    );
  }
  return t;
}
