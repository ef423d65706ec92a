import { setImmediate } from 'node:timers/promises';
import { BatchWriteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { organisationItem } from '../../functions/storage/dynamo-organisation-directory';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import { keys, timelineEventItem } from '../../functions/storage/keys';
import type { TransitionChange } from '../../functions/transitions/ports';
import { prepareCommand } from '../../functions/transitions/run-command';
import { addDays, addMonths, todayInNetherlands, type IsoDate } from '../../shared/domain/common/calendar';
import { RuleViolation } from '../../shared/domain/common/errors';
import type { BeeindigingReden, VerblijfSoort } from '../../shared/domain/common/vocabulary';
import { gemeenteCodes, gemeenteNaam, type GemeenteCode } from '../../shared/domain/organisation/municipalities';
import { municipalityPolicy } from '../../shared/domain/organisation/municipality-policy';
import type { Organisation, StaffMember } from '../../shared/domain/organisation/organisation';
import type { Landingsoordeel, Risicofactor } from '../../shared/domain/transition/landing';
import { isActive } from '../../shared/domain/transition/lifecycle';
import { nextMoveStep, type MoveAction } from '../../shared/domain/transition/move-process';
import { signalen } from '../../shared/domain/transition/overview';
import type { Actor, TimelineEvent } from '../../shared/domain/transition/timeline';
import { notStartedYet, type Herkomst, type Transition } from '../../shared/domain/transition/transition';
import * as commands from '../../shared/domain/transition/transition-commands';
import type { CommandContext, CommandResult } from '../../shared/domain/transition/transition-commands';
import { omklapDatum } from '../../shared/domain/woning/woning';
import { demoWijken } from './demo-history-wijken';

/**
 * Three years of demo history across the U16: a few hundred invented people who went from BW, MO or begeleid
 * wonen to a home of their own, as the product would have recorded it. Every step goes through the domain's
 * commands on its own day in the past (the workflow's steps too, when they were due), so timeline, phases and
 * decisions agree. Deterministic: the same seed and the same day give the same people, ids and dates.
 *
 * The history belongs to a provider of its own, so the demo's own teams, caseloads and tests stay as they are.
 */
const DEMO_HISTORY_SEED = 20_230_101;
const DEMO_HISTORY_COUNT = 300;

export const historyOrganisation: Organisation = {
  id: 'org-demo-historie',
  naam: 'Stichting Voorbeeldwonen (demo-historie)',
  soort: 'zorgaanbieder',
  kvkNummer: '99000017',
};
const HISTORY_TEAM = 'team-historie';
const historyStaff: StaffMember[] = [
  { id: 'u-hist-karin', naam: 'Karin Demostra', role: 'begeleider', teamId: HISTORY_TEAM },
  { id: 'u-hist-joost', naam: 'Joost Voorbeeldsma', role: 'begeleider', teamId: HISTORY_TEAM },
  { id: 'u-hist-leila', naam: 'Leila Proefhuizen', role: 'begeleider', teamId: HISTORY_TEAM },
  { id: 'u-hist-tim', naam: 'Tim Fictiefveld', role: 'begeleider', teamId: HISTORY_TEAM },
  { id: 'u-hist-ria', naam: 'Ria Verzinsel', role: 'teamleider', teamId: HISTORY_TEAM },
];

/**
 * The municipality whose Werk & Inkomen decides late in the demo: uitkeringen there start after the move
 * ("Geen inkomen, geen huur": what the sources warn about when the uitkering is not in place on the move date).
 */
export const LATE_UITKERING_GEMEENTE: GemeenteCode = 'GM1961';

/** Names that read as invented: common first names, surnames nobody has. */
const voornamen = [
  'Anna',
  'Bas',
  'Chantal',
  'Dennis',
  'Esra',
  'Frank',
  'Gina',
  'Hamid',
  'Iris',
  'Jan',
  'Kim',
  'Lars',
  'Mila',
  'Nadia',
  'Olaf',
  'Petra',
  'Rachid',
  'Sandra',
  'Tom',
  'Ursula',
  'Vincent',
  'Wendy',
  'Yara',
  'Zeger',
];
const achternamen = [
  'Demodijk',
  'Proefhuizen',
  'Voorbeeldsma',
  'Fictiefveld',
  'Verzinsel',
  'Testerink',
  'Schijnhout',
  'Denkbeeld',
  'Bedachtsma',
  'Naamsveld',
  'Nepperman',
  'Oefenberg',
  'Droomsma',
  'Puzzelaar',
  'Mockenburg',
  'Spelewei',
];
const straten = ['Demolaan', 'Voorbeeldstraat', 'Proefweg', 'Fictiepad', 'Verzonnenhof', 'Testkade', 'Oefensingel'];
const corporaties = ['org-rijnhoven', 'org-vechtvaart'];

/** A small seeded PRNG (mulberry32): enough spread for a demo, the same numbers for the same seed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface HistoryRecord {
  /** The transition as registered (version 1) with its first event. */
  transition: Transition;
  firstEvent: TimelineEvent;
  /** Every later change, oldest first, as the store writes it. */
  changes: TransitionChange[];
  /** Steps the plan asked for that a rule refused (the generator's own check: expected empty). */
  refused: string[];
}

const WORKFLOW: Actor = { soort: 'werkproces', naam: 'Landing (planning verhuizing en omklap)' };
const workflowActions: readonly MoveAction[] = [
  'uitkering-taak',
  'vraag-bevestiging',
  'vraag-verhuisbevestiging',
  'evaluatie',
  'landingsreview',
  'omklap-aankondigen',
  'omklap-herinneren',
];

/** One person's life in the product, replayed day by day; nothing after `today` happens. */
class Replay {
  readonly changes: TransitionChange[] = [];
  readonly refused: string[] = [];
  private minute = 0;
  private day: IsoDate;
  private ids = 0;

  constructor(
    public t: Transition,
    private readonly today: IsoDate,
    private readonly human: Actor,
  ) {
    this.day = t.createdAt.slice(0, 10);
  }

  get lastDay(): IsoDate {
    return this.day;
  }

  /** A person's step on `day` (never before the last one); false when that day has not come yet. */
  act(day: IsoDate, what: string, command: (t: Transition, ctx: CommandContext) => CommandResult): boolean {
    return this.apply(day, this.human, what, command);
  }

  /** The move workflow's steps that fell due up to `day`, each on the day it woke up for it. */
  workflowUntil(day: IsoDate): void {
    const policy = municipalityPolicy(this.t.gemeenteCode);
    let cursor = this.day;
    for (let guard = 0; guard < 40 && cursor <= day; guard++) {
      const step = nextMoveStep(this.t, policy, cursor);
      if (step.stap === 'wacht') {
        if (step.tot > day) return;
        cursor = step.tot > cursor ? step.tot : addDays(cursor, 1);
        continue;
      }
      if (!(workflowActions as readonly string[]).includes(step.stap)) return;
      const stap = step.stap as MoveAction;
      if (!this.apply(cursor, WORKFLOW, stap, (t, ctx) => commands.applyMoveStep(t, stap, ctx))) return;
    }
  }

  private apply(
    day: IsoDate,
    actor: Actor,
    what: string,
    command: (t: Transition, ctx: CommandContext) => CommandResult,
  ): boolean {
    const on = day < this.day ? this.day : day;
    if (on > this.today) return false;
    if (on !== this.day) this.minute = 0;
    this.day = on;
    // Office hours in winter time, a few minutes apart: the timeline keeps the order of one day's steps.
    const now = new Date(`${on}T08:00:00.000Z`);
    now.setUTCMinutes(now.getUTCMinutes() + 7 * this.minute++);
    try {
      const change = prepareCommand(
        { now: () => now, newId: () => `${this.t.id}-${++this.ids}` },
        this.t,
        actor,
        command,
      );
      // History is not news: the corporation was told at the time, its notices are not sent again now.
      this.changes.push({ ...change, outbox: [] });
      this.t = change.next;
      return true;
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      this.refused.push(`${on} ${what}: ${error.message}`);
      return false;
    }
  }
}

type Pick = <T>(items: readonly T[]) => T;

function factoren(oordeel: (f: Risicofactor) => 'op-orde' | 'aandacht' | 'risico'): Landingsoordeel['factoren'] {
  return {
    'overdracht-zorg': { oordeel: oordeel('overdracht-zorg') },
    financien: { oordeel: oordeel('financien') },
    daginvulling: { oordeel: oordeel('daginvulling') },
    netwerk: { oordeel: oordeel('netwerk') },
  };
}

/** The people of the demo history, with every change they went through. */
export function generateDemoHistory(options: HistoryOptions): HistoryRecord[] {
  return [...demoHistory(options)];
}

interface HistoryOptions {
  seed: number;
  today: IsoDate;
  count: number;
}

/** One person after the other, each replayed when asked for: a loader can let others run in between. */
function* demoHistory(options: HistoryOptions): Generator<HistoryRecord> {
  const random = seededRandom(options.seed);
  const pick: Pick = (items) => items[Math.floor(random() * items.length)]!;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const chance = (p: number) => random() < p;
  const { today } = options;
  const begeleiders = historyStaff.filter((s) => s.role === 'begeleider');
  const usedNames = new Set<string>();

  for (let i = 0; i < options.count; i++) {
    // Utrecht is the centrumgemeente: most people there, the others spread over the region.
    const gemeenteCode: GemeenteCode = chance(0.35) ? 'GM0344' : pick(gemeenteCodes);
    const herkomst: Herkomst = pick(['BW', 'BW', 'BW', 'MO', 'MO', 'MO', 'begeleid-wonen', 'begeleid-wonen']);
    const aangemeld = addDays(today, -between(20, 3 * 365 + 240));
    let persoon: Transition['persoon'];
    do {
      const birth = addDays(addMonths(today, -12 * between(19, 68)), -between(0, 364));
      persoon = { voornaam: pick(voornamen), achternaam: pick(achternamen), geboortedatum: birth };
    } while (usedNames.has(`${persoon.voornaam} ${persoon.achternaam}`));
    usedNames.add(`${persoon.voornaam} ${persoon.achternaam}`);
    const duo = chance(0.6) ? [pick(begeleiders)] : [];
    const first = pick(begeleiders);
    const team = [first, ...duo.filter((d) => d.id !== first.id)];
    const id = `demo-historie-${options.seed}-${String(i + 1).padStart(3, '0')}`;
    const at = `${aangemeld}T08:00:00.000Z`;
    const draft: Transition = {
      id,
      version: 1,
      medewerkerVersie: 1,
      providerId: historyOrganisation.id,
      teamId: HISTORY_TEAM,
      persoonRef: `${id}-ref`,
      persoon,
      gemeenteCode,
      herkomst,
      begeleiders: team.map((b) => ({ id: b.id, naam: b.naam })),
      fase: 'aanmelding',
      ...notStartedYet,
      createdAt: at,
      createdBy: first.id,
      updatedAt: at,
    };
    const transition: Transition = {
      ...draft,
      signalen: signalen(draft, municipalityPolicy(gemeenteCode), aangemeld),
    };
    const human: Actor = { soort: 'medewerker', id: first.id, naam: first.naam };
    const firstEvent: TimelineEvent = {
      id: `${id}-0`,
      transitionId: id,
      type: 'aanmelding-geregistreerd',
      at,
      versie: 1,
      actor: human,
    };
    const r = new Replay(transition, today, human);
    const record: HistoryRecord = { transition, firstEvent, changes: r.changes, refused: r.refused };
    live(r, { gemeenteCode, aangemeld, pick, between, chance });
    // The workflow kept going until today: what fell due since the last step is asked too.
    r.workflowUntil(today);
    yield record;
  }
}

interface Draws {
  gemeenteCode: GemeenteCode;
  aangemeld: IsoDate;
  pick: Pick;
  between: (min: number, max: number) => number;
  chance: (p: number) => boolean;
}

/** Aanmelding to a home, the move, and what came after: each step only once its day has come. */
function live(r: Replay, d: Draws): void {
  const { pick, between, chance } = d;
  const policy = municipalityPolicy(d.gemeenteCode);
  // Draw everything first, so a person's story does not depend on how far it got.
  const intake = addDays(d.aangemeld, between(3, 20));
  const voorbereiding = between(30, 150);
  const wachtOpWoning = between(14, 330);
  const eersteAfgewezen = chance(0.2);
  const naarWoning = between(0, 24);
  const driepartijen = chance(0.7);
  const omklapNa = pick([12, 18, 24, 24]);
  const late = d.gemeenteCode === LATE_UITKERING_GEMEENTE;
  const uitkeringLaat = between(14, 45);
  const outcome = pick(['landt', 'landt', 'landt', 'landt', 'landt', 'opname', 'opname', 'einde'] as const);
  const gelandNa = pick([12, 12, 12, 24, 24, 0] as const);
  const wijk = pick(demoWijken(d.gemeenteCode));
  const corporatieId = pick(corporaties);
  const huur = between(480, 760) * 100 + pick([0, 25, 50, 75]);
  const verblijf: VerblijfSoort = pick(['opname', 'opname', 'logeerplek', 'crisis']);
  const woningBehouden = chance(0.85);
  const einde = endingDraw(pick, between);
  const opnameNa = between(60, 500);
  const opnameDuur = between(7, 75);
  const omklapBesluit = chance(0.85) ? 'omklap' : 'niet';
  const overdrachtNa = between(60, 240);

  if (!r.act(intake, 'intake', (t, c) => commands.changeFase(t, { naar: 'voorbereiding', reden: 'Intake gehad' }, c)))
    return;
  let day = intake;
  for (const { item } of policy.blockingReadinessItems) {
    day = addDays(day, between(5, Math.max(6, Math.floor(voorbereiding / 3))));
    if (!r.act(day, item, (t, c) => commands.setReadiness(t, { item, gedaan: true }, c))) return;
  }
  day = addDays(intake, Math.max(voorbereiding, 1 + daysFrom(intake, day)));
  if (!r.act(day, 'naar woning', (t, c) => commands.changeFase(t, { naar: 'woning', reden: 'Voorbereiding rond' }, c)))
    return;
  // The application for the uitkering is prepared now and waits for the address (korte lijnen met W&I).
  if (!r.act(day, 'uitkering klaargezet', (t, c) => commands.setUitkering(t, { klaargezetOp: c.today }, c))) return;

  let aanbod = addDays(day, wachtOpWoning);
  const offer = (on: IsoDate, n: number) => {
    const beschikbaarVanaf = addDays(on, between(14, 40));
    return {
      id: `${r.t.id}-woning-${n}`,
      corporatieId,
      adres: {
        straat: pick(straten),
        huisnummer: String(between(1, 180)),
        postcode: `${wijk.postcode + between(0, 1)} ${pick(['AB', 'CD', 'GH', 'KL', 'MN', 'PR', 'ST'])}`,
        plaats: gemeenteNaam(d.gemeenteCode),
      },
      wijk: wijk.wijk,
      wijkcode: wijk.wijkcode,
      huurPerMaandCent: huur,
      beschikbaarVanaf,
      reactieUiterlijk: addDays(on, 7),
    };
  };
  if (eersteAfgewezen) {
    const first = offer(aanbod, 1);
    if (!r.act(aanbod, 'aanbod 1', (t, c) => commands.registerOffer(t, first, c))) return;
    const nee = addDays(aanbod, between(1, 6));
    const reden = 'Te ver van het netwerk en de dagbesteding van de persoon';
    if (
      !r.act(nee, 'afgewezen', (t, c) =>
        commands.decideOffer(t, { aanbiedingId: first.id, besluit: 'afgewezen', reden }, c),
      )
    )
      return;
    aanbod = addDays(nee, between(20, 90));
  }
  const woning = offer(aanbod, 2);
  if (!r.act(aanbod, 'aanbod', (t, c) => commands.registerOffer(t, woning, c))) return;
  const ja = addDays(aanbod, between(1, 6));
  if (
    !r.act(ja, 'geaccepteerd', (t, c) =>
      commands.decideOffer(t, { aanbiedingId: woning.id, besluit: 'geaccepteerd' }, c),
    )
  )
    return;
  const aangevraagd = addDays(ja, 1);
  if (
    !r.act(aangevraagd, 'uitkering aangevraagd', (t, c) =>
      commands.setUitkering(t, { ...t.uitkering, aangevraagdOp: c.today }, c),
    )
  )
    return;
  const getekend = addDays(ja, between(2, 10));
  const contract = {
    vorm: driepartijen ? ('driepartijenovereenkomst' as const) : ('eigen-huurcontract' as const),
    ingangsdatum: woning.beschikbaarVanaf,
    getekendOp: getekend,
    ...(driepartijen ? { omklapNaMaanden: omklapNa } : {}),
  };
  if (!r.act(getekend, 'contract', (t, c) => commands.signContract(t, { ...contract, getekendOp: c.today }, c))) return;
  const earliest = later(woning.beschikbaarVanaf, addDays(getekend, 1));
  const verhuisdatum = addDays(earliest, naarWoning);
  if (!r.act(getekend, 'verhuisdatum', (t, c) => commands.setMoveDate(t, verhuisdatum, c))) return;
  if (
    !r.act(getekend, 'naar verhuizing', (t, c) =>
      commands.changeFase(t, { naar: 'verhuizing', reden: 'Contract en datum rond' }, c),
    )
  )
    return;
  // Werk & Inkomen decides: before the move, or (in the municipality that decides late) weeks after it.
  const ingang = late ? addDays(verhuisdatum, uitkeringLaat) : verhuisdatum;
  const besluit = late ? addDays(ingang, between(0, 10)) : addDays(verhuisdatum, -between(2, 10));
  const toegekend = (t: Transition, c: CommandContext) =>
    commands.setUitkering(t, { ...t.uitkering, besluitOp: c.today, toegekend: true, ingangsdatum: ingang }, c);
  if (!late) {
    r.workflowUntil(besluit);
    if (!r.act(besluit, 'uitkering toegekend', toegekend)) return;
  }
  r.workflowUntil(verhuisdatum);
  const bevestigd = addDays(verhuisdatum, between(0, 4));
  r.workflowUntil(bevestigd);
  if (!r.act(bevestigd, 'verhuisd', (t, c) => commands.confirmMove(t, { verhuisd: true, op: verhuisdatum }, c))) return;
  if (!r.act(bevestigd, 'naar landing', (t, c) => commands.changeFase(t, { naar: 'landing', reden: 'Verhuisd' }, c)))
    return;

  // After the move: the person's steps on their days, the workflow's in between.
  const plan: { day: IsoDate; what: string; run: () => boolean }[] = [];
  const step = (
    day: IsoDate,
    what: string,
    command: (t: Transition, c: CommandContext) => CommandResult,
    when: (t: Transition) => boolean = () => true,
  ) =>
    plan.push({
      day,
      what,
      run: () => {
        r.workflowUntil(day);
        // Once ended or handed over, nothing more is recorded here; a step that no longer applies is left out.
        if (!isActive(r.t)) return false;
        return when(r.t) ? r.act(day, what, command) : true;
      },
    });
  if (late) step(besluit, 'uitkering toegekend (laat)', toegekend);

  const opnameSinds = addDays(verhuisdatum, opnameNa);
  const terug = addDays(opnameSinds, opnameDuur);
  const endsOn =
    outcome === 'einde'
      ? addDays(verhuisdatum, einde.naDagen)
      : outcome === 'opname' && !woningBehouden
        ? terug
        : undefined;
  const reviewMonths = [6, 12, 24].filter((m) => !endsOn || addMonths(verhuisdatum, m) < endsOn);
  let gelandOp: IsoDate | undefined;
  for (const maanden of reviewMonths) {
    const geland = gelandNa !== 0 && maanden >= gelandNa && !endsOn;
    const op = addDays(addMonths(verhuisdatum, maanden), between(2, 20));
    const zorgen: Risicofactor = pick(['financien', 'daginvulling', 'netwerk', 'overdracht-zorg']);
    const input = {
      factoren: factoren((f) => (f === zorgen ? (geland ? 'aandacht' : 'risico') : 'op-orde')),
      perspectiefPersoon: geland
        ? 'Ik voel me hier thuis en weet bij wie ik terecht kan.'
        : 'Het gaat steeds beter, maar ik ben er nog niet.',
      geland,
    };
    step(op, `review ${maanden}`, (t, c) => commands.recordLandingReview(t, input, c));
    if (geland) {
      gelandOp = op;
      step(op, 'geland', (t, c) => commands.changeFase(t, { naar: 'geland', reden: 'Landingsreview: geland' }, c));
      break;
    }
  }
  if (driepartijen) {
    const datum = omklapDatum({ ...contract, aanbiedingId: woning.id })!;
    step(
      addDays(datum, -between(20, 60)),
      'naar omklap',
      (t, c) => commands.changeFase(t, { naar: 'omklap', reden: 'Omklap in zicht' }, c),
      (t) => t.fase === 'landing',
    );
    step(addDays(datum, -between(0, 10)), 'omklapbesluit', (t, c) =>
      omklapBesluit === 'omklap'
        ? commands.recordOmklapDecision(
            t,
            { besluit: 'omklap', per: datum, genomenDoor: 'duo, corporatie en persoon' },
            c,
          )
        : commands.recordOmklapDecision(
            t,
            { besluit: 'niet', reden: 'Huurachterstand: eerst stabiel betalen', genomenDoor: 'corporatie' },
            c,
          ),
    );
  }
  if (outcome === 'opname') {
    step(opnameSinds, 'tijdelijk verblijf', (t, c) =>
      commands.startTemporaryStay(t, { soort: verblijf, sinds: c.today, woningBehouden }, c),
    );
    if (woningBehouden) step(terug, 'weer thuis', (t, c) => commands.endTemporaryStay(t, { op: c.today }, c));
    else
      step(terug, 'einde na opname', (t, c) =>
        commands.endTransition(t, { reden: 'terug-naar-bw-mo', toelichting: 'Woning opgezegd tijdens de opname' }, c),
      );
  }
  if (outcome === 'einde' && endsOn) {
    if (einde.reden === 'terug-naar-bw-mo')
      step(addDays(endsOn, -between(5, 25)), 'crisis', (t, c) =>
        commands.startTemporaryStay(t, { soort: 'crisis', sinds: c.today, woningBehouden: false }, c),
      );
    step(endsOn, 'einde', (t, c) =>
      commands.endTransition(t, { reden: einde.reden, toelichting: einde.toelichting }, c),
    );
  }
  if (gelandOp && !endsOn) {
    const omklapKlaar = driepartijen ? omklapDatum({ ...contract, aanbiedingId: woning.id })! : gelandOp;
    const na = addDays(gelandOp > omklapKlaar ? gelandOp : omklapKlaar, overdrachtNa);
    step(na, 'overdracht', (t, c) =>
      commands.handOver(
        t,
        {
          aan: pick(['buurtteam', 'sociaal-wijkteam'] as const),
          contactpersoon: 'Buurtteam (demo)',
          op: c.today,
          overgedragen: 'Signaleringsplan, netwerk en afspraken over de huur',
        },
        c,
      ),
    );
  }
  plan.sort((a, b) => a.day.localeCompare(b.day));
  for (const p of plan) if (!p.run()) break;
}

function later(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

function daysFrom(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** Endings with their reasons: back to BW/MO within half a year, a year or two, moved away, died. */
function endingDraw(
  pick: Pick,
  between: (min: number, max: number) => number,
): { reden: BeeindigingReden; naDagen: number; toelichting: string } {
  const reden = pick([
    'terug-naar-bw-mo',
    'terug-naar-bw-mo',
    'terug-naar-bw-mo',
    'verhuisd-buiten-regio',
    'overleden',
  ] as const);
  const naDagen = pick([between(30, 180), between(181, 365), between(366, 730)]);
  const toelichting = {
    'terug-naar-bw-mo': 'Terugval: wonen lukte nog niet zelfstandig',
    'verhuisd-buiten-regio': 'Verhuisd naar familie buiten de regio',
    overleden: 'Overleden',
    'wil-niet-meer': 'Wil geen ondersteuning meer',
    anders: 'Anders',
  }[reden];
  return { reden, naDagen, toelichting };
}

/**
 * Writes the history through the store: each person's aanmelding (version 1), the timeline of every step, then
 * one change from the aanmelding to where the person is today. One transaction per step would be faithful to
 * the table's stream too, but DynamoDB Local takes some 100 ms per transaction: minutes for a few thousand
 * steps. The stream sees the registration and that one change; the timeline holds every step. Ids are stable,
 * so loading it again writes nothing new, and a load that stopped halfway goes on where it stopped.
 */
export async function seedDemoHistory(
  db: DynamoDBDocumentClient,
  tableName: string,
  today: IsoDate,
  options: { seed?: number; count?: number; parallel?: number; signal?: AbortSignal } = {},
): Promise<{ transitions: number; written: number }> {
  const items = [
    organisationItem(historyOrganisation),
    ...historyStaff.map((member) => ({
      ...keys.staffMember(historyOrganisation.id, member.id),
      entity: 'StaffMember',
      ...member,
    })),
  ];
  await batchPut(db, tableName, items);
  const records = demoHistory({
    seed: options.seed ?? DEMO_HISTORY_SEED,
    today,
    count: options.count ?? DEMO_HISTORY_COUNT,
  });
  const store = new DynamoTransitionStore(db, tableName);
  let written = 0;
  let transitions = 0;
  // Replaying a person takes some milliseconds of CPU: between two, the app answers its requests.
  const nextRecord = async () => {
    await setImmediate();
    const { value, done } = records.next();
    if (!done) transitions++;
    return done ? undefined : value;
  };
  // A few people at a time: DynamoDB Local takes several transactions at once.
  const worker = async () => {
    for (let record = await nextRecord(); record && !options.signal?.aborted; record = await nextRecord()) {
      const stored = await store.get(record.transition.id);
      if (!stored) await store.create({ transition: record.transition, firstEvent: record.firstEvent });
      const last = record.changes.at(-1);
      if (!last || (stored && stored.version !== record.transition.version)) continue;
      await batchPut(
        db,
        tableName,
        record.changes.slice(0, -1).map((c) => timelineEventItem(c.event)),
      );
      await store.update({ before: record.transition, next: last.next, event: last.event, outbox: [] });
      written++;
    }
  };
  await Promise.all(Array.from({ length: options.parallel ?? 4 }, worker));
  return { transitions, written };
}

async function batchPut(db: DynamoDBDocumentClient, tableName: string, items: Record<string, unknown>[]) {
  for (let i = 0; i < items.length; i += 25) {
    let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
      [tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
    };
    // What DynamoDB did not take this time is sent again.
    while (request && Object.keys(request).length > 0) {
      const result = await db.send(new BatchWriteCommand({ RequestItems: request }));
      request = result.UnprocessedItems as typeof request;
    }
  }
}

/** Whether the history is loaded, and for which day it was generated (a load that stopped goes on with it). */
const historyMarker = { pk: 'DEMO#HISTORY', sk: 'DEMO#HISTORY' };

/**
 * Loads the history unless it was loaded before: `npm start` runs this in the background, so the app is up at
 * once and the history fills in behind it. Stopped halfway, the next start goes on for the same day.
 */
export async function loadDemoHistory(
  db: DynamoDBDocumentClient,
  tableName: string,
  now: Date,
  signal?: AbortSignal,
): Promise<{ transitions: number; written: number } | undefined> {
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: historyMarker, ConsistentRead: true }));
  if (Item?.status === 'geladen') return undefined;
  const today = typeof Item?.today === 'string' ? Item.today : todayInNetherlands(now);
  const put = (status: string) =>
    db.send(new PutCommand({ TableName: tableName, Item: { ...historyMarker, entity: 'DemoHistory', status, today } }));
  await put('bezig');
  const result = await seedDemoHistory(db, tableName, today, signal ? { signal } : {});
  if (!signal?.aborted) await put('geladen');
  return result;
}
