import { BatchWriteCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { keys } from '../../functions/storage/keys';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import { organisationItem } from '../../functions/storage/dynamo-organisation-directory';
import { DynamoBudgetStore } from '../../functions/storage/dynamo-budget-store';
import { DynamoContactStore, DynamoSignalStore } from '../../functions/storage/dynamo-signal-store';
import { DynamoHerstelStore } from '../../functions/storage/dynamo-herstel-store';
import { addLid, endLid, netwerkRelatieLabels, type NetwerkLidInput } from '../../shared/domain/herstel/netwerk';
import type { Signal } from '../../shared/domain/signals/signal-schemas';
import { triage } from '../../shared/domain/signals/thermometer';
import { moves, newBalance } from '../../shared/domain/regelbudget/regelbudget';
import type { Organisation, StaffMember } from '../../shared/domain/organisation/organisation';
import type { Principal } from '../../shared/domain/organisation/principal';
import type { GemeenteCode } from '../../shared/domain/organisation/municipalities';
import { notStartedYet, type Transition, type Fase, type Herkomst } from '../../shared/domain/transition/transition';
import {
  addDays,
  addMonths,
  firstOfNextMonth,
  todayInNetherlands,
  type IsoDate,
} from '../../shared/domain/common/calendar';
import { municipalityPolicy } from '../../shared/domain/organisation/municipality-policy';
import { signalen } from '../../shared/domain/transition/overview';
import type { Modaliteit, SupportChange, SupportLevel } from '../../shared/domain/support/support';
import type { Omvang, Toewijzing } from '../../shared/domain/support/iwmo';
import { isActive } from '../../shared/domain/transition/lifecycle';

/** As the store counts a placement: an active transition that has not landed yet. */
const isPlacedDemo = (t: Transition) => isActive(t) && t.fase !== 'geland';
import { geaccepteerdeAanbieding } from '../../shared/domain/woning/woning';

/**
 * Demo data: a zorgaanbieder with a team, a second provider (to show that organisations don't see each
 * other's transitions), two woningcorporaties and two U16 municipalities. All names are invented.
 */
export const demoOrganisations: Organisation[] = [
  { id: 'org-overstap', naam: 'Stichting De Overstap', soort: 'zorgaanbieder', kvkNummer: '41187352' },
  { id: 'org-lindehof', naam: 'Zorggroep Lindehof', soort: 'zorgaanbieder', kvkNummer: '30276914' },
  { id: 'org-rijnhoven', naam: 'Woonstichting Rijnhoven', soort: 'woningcorporatie' },
  { id: 'org-vechtvaart', naam: 'Vecht en Vaart Wonen', soort: 'woningcorporatie' },
  { id: 'gm-utrecht', naam: 'Gemeente Utrecht', soort: 'gemeente', gemeenteCode: 'GM0344' },
  { id: 'gm-nieuwegein', naam: 'Gemeente Nieuwegein', soort: 'gemeente', gemeenteCode: 'GM0356' },
];

export const demoUsers: Principal[] = [
  {
    userId: 'u-sanne',
    naam: 'Sanne de Vries',
    organisationId: 'org-overstap',
    role: 'begeleider',
    teamId: 'team-utrecht',
  },
  {
    userId: 'u-youssef',
    naam: 'Youssef El Amrani',
    organisationId: 'org-overstap',
    role: 'begeleider',
    teamId: 'team-utrecht',
  },
  {
    userId: 'u-marieke',
    naam: 'Marieke Jansen',
    organisationId: 'org-overstap',
    role: 'begeleider',
    teamId: 'team-utrecht',
  },
  {
    userId: 'u-ingrid',
    naam: 'Ingrid Visser',
    organisationId: 'org-overstap',
    role: 'teamleider',
    teamId: 'team-utrecht',
  },
  // A second team of the same provider: its people and records are not the Utrecht team's to see.
  { userId: 'u-daan', naam: 'Daan Smit', organisationId: 'org-overstap', role: 'begeleider', teamId: 'team-zeist' },
  { userId: 'u-fleur', naam: 'Fleur Kok', organisationId: 'org-overstap', role: 'teamleider', teamId: 'team-zeist' },
  { userId: 'u-bram', naam: 'Bram Koster', organisationId: 'org-overstap', role: 'beheerder' },
  {
    userId: 'u-noor',
    naam: 'Noor Hoekstra',
    organisationId: 'org-lindehof',
    role: 'begeleider',
    teamId: 'team-lindehof',
  },
  { userId: 'u-pieter', naam: 'Pieter Smit', organisationId: 'gm-utrecht', role: 'budgethouder' },
  { userId: 'u-eva', naam: 'Eva de Wit', organisationId: 'gm-nieuwegein', role: 'budgethouder' },
  { userId: 'u-lotte', naam: 'Lotte Bos', organisationId: 'org-rijnhoven', role: 'corporatie' },
];

/** Work phones of the begeleiders: what a corporation gets to reach the contact person of a home. */
const demoPhones: Record<string, string> = {
  'u-sanne': '030 760 41 12',
  'u-youssef': '030 760 41 15',
  'u-marieke': '030 760 41 18',
  'u-noor': '030 288 90 03',
};

interface DemoTransition {
  /** How far along this person is, beyond the phase: filled in as a caseworker would have. */
  state?: (today: IsoDate, door: { id: string; naam: string }) => Partial<Transition>;
  voornaam: string;
  achternaam: string;
  geboortedatum: string;
  gemeenteCode: GemeenteCode;
  herkomst: Herkomst;
  begeleiderIds: string[];
  fase: Fase;
  daysAgo: number;
}

function steun(
  niveau: SupportLevel,
  vanaf: IsoDate,
  reden: string,
  door: { id: string; naam: string },
  tot?: IsoDate,
): SupportChange {
  return {
    id: randomUUID(),
    niveau,
    modaliteiten: niveau === 'waakvlam' ? ['op-afstand'] : ['thuis'],
    reden,
    vanaf,
    ...(tot ? { tot } : {}),
    door,
  };
}

function toewijzing(
  toewijzingNummer: string,
  ingangsdatum: IsoDate,
  einddatum: IsoDate,
  omvang: Omvang,
  door: { id: string; naam: string },
): Toewijzing {
  return {
    toewijzingNummer,
    productCategorie: '02',
    productCode: '02A01',
    ingangsdatum,
    einddatum,
    omvang,
    vastgelegdOp: ingangsdatum,
    vastgelegdDoor: door,
  };
}

// Housing First: a woning with schulden still open, a garantstelling of the gemeente recorded before it,
// the uitkering prepared with a contact and maatwerk at Werk & Inkomen, and the jongerennorm in view.
const housingFirstDemo: DemoTransition[] = [
  {
    voornaam: 'Dewi',
    achternaam: 'Kartosen',
    geboortedatum: '2006-06-10',
    gemeenteCode: 'GM0344',
    herkomst: 'MO',
    begeleiderIds: ['u-sanne', 'u-youssef'],
    fase: 'woning',
    daysAgo: 45,
    state: (today, door) => {
      const beschikbaar = firstOfNextMonth(addDays(today, 14));
      return {
        gereedheid: {
          overdrachtsformulier: { gedaanOp: addDays(today, -30), door },
          signaleringsplan: { gedaanOp: addDays(today, -25), door },
          garantstelling: {
            gedaanOp: addDays(today, -20),
            door,
            notitie: 'Gemeente Utrecht staat garant voor de huur; schuldhulp loopt door in de nieuwe woning',
          },
        },
        ondersteuning: [steun('verhoogd', addDays(today, -45), 'Housing First: net uit de opvang', door)],
        aanbiedingen: [
          {
            id: randomUUID(),
            corporatieId: 'org-rijnhoven',
            eenheidnummer: 'RH-40518',
            wijk: 'Overvecht',
            huurPerMaandCent: 58_930,
            status: 'geaccepteerd',
            adres: { straat: 'Zamenhofdreef', huisnummer: '88', postcode: '3562 JW', plaats: 'Utrecht' },
            beschikbaarVanaf: beschikbaar,
            reactieUiterlijk: addDays(today, -2),
            besluit: { op: addDays(today, -3), door },
          },
        ],
        verhuisdatum: addDays(beschikbaar, 2),
        uitkering: {
          klaargezetOp: addDays(today, -20),
          contactWerkInkomen: 'Els Jansen (Werk & Inkomen), 030 286 00 00',
          maatwerkAfgesproken: true,
          bijzondereBijstand: { aangevraagdOp: addDays(today, -3) },
        },
      };
    },
  },
];

const demoTransitions: DemoTransition[] = [
  {
    voornaam: 'Kees',
    achternaam: 'van Dijk',
    geboortedatum: '1968-03-14',
    gemeenteCode: 'GM0344',
    herkomst: 'BW',
    begeleiderIds: ['u-sanne', 'u-youssef'],
    fase: 'voorbereiding',
    daysAgo: 64,
    state: (today, door) => ({
      gereedheid: {
        'schulden-stabiel': { gedaanOp: addDays(today, -20), door },
        budgetbeheer: { gedaanOp: addDays(today, -12), door },
      },
      ondersteuning: [
        steun('regulier', addDays(today, -64), 'Start ambulante begeleiding naast het BW-verblijf', door),
      ],
    }),
  },
  {
    voornaam: 'Fatima',
    achternaam: 'Ouali',
    geboortedatum: '1991-09-02',
    gemeenteCode: 'GM0356',
    herkomst: 'MO',
    begeleiderIds: ['u-sanne', 'u-youssef'],
    fase: 'woning',
    daysAgo: 120,
    state: (today, door) => ({
      gereedheid: Object.fromEntries(
        municipalityPolicy('GM0356').blockingReadinessItems.map((b) => [
          b.item,
          { gedaanOp: addDays(today, -30), door },
        ]),
      ),
      ondersteuning: [
        steun('verhoogd', addDays(today, -120), 'Net uit de opvang: veel te regelen', door),
        steun('regulier', addDays(today, -60), 'Stabiel; schulden in beeld', door),
      ],
      aanbiedingen: [
        {
          id: randomUUID(),
          corporatieId: 'org-rijnhoven',
          eenheidnummer: 'RH-33012',
          wijk: 'Batau-Noord',
          huurPerMaandCent: 62_475,
          status: 'open',
          adres: { straat: 'Batauplein', huisnummer: '17', postcode: '3437 BA', plaats: 'Nieuwegein' },
          beschikbaarVanaf: firstOfNextMonth(addDays(today, 20)),
          reactieUiterlijk: addDays(today, 9),
        },
      ],
    }),
  },
  {
    voornaam: 'Ruud',
    achternaam: 'Hendriks',
    geboortedatum: '1979-11-23',
    gemeenteCode: 'GM0355',
    herkomst: 'BW',
    begeleiderIds: ['u-marieke'],
    fase: 'verhuizing',
    daysAgo: 150,
    state: (today, door) => {
      const offerId = randomUUID();
      const beschikbaar = addDays(today, 10);
      return {
        gereedheid: Object.fromEntries(
          municipalityPolicy('GM0355').blockingReadinessItems.map((b) => [
            b.item,
            { gedaanOp: addDays(today, -40), door },
          ]),
        ),
        aanbiedingen: [
          {
            id: offerId,
            corporatieId: 'org-vechtvaart',
            eenheidnummer: 'VV-0471',
            wijk: 'Zeist-West',
            huurPerMaandCent: 58_900,
            status: 'geaccepteerd',
            adres: { straat: 'Kersenlaan', huisnummer: '4a', postcode: '3705 KA', plaats: 'Zeist' },
            beschikbaarVanaf: beschikbaar,
            reactieUiterlijk: addDays(today, -5),
            besluit: { op: addDays(today, -6), door },
          },
        ],
        contract: {
          vorm: 'driepartijenovereenkomst',
          aanbiedingId: offerId,
          ingangsdatum: beschikbaar,
          getekendOp: addDays(today, -2),
          omklapNaMaanden: 24,
          contractnummer: 'VV-2026-1187',
        },
        verhuisdatum: addDays(today, 12),
        uitkering: { aangevraagdOp: addDays(today, -20) },
        ondersteuning: [
          steun('regulier', addDays(today, -150), 'Start ambulante begeleiding', door),
          steun('verhoogd', addDays(today, -2), 'Tijdelijk opschalen rond de verhuizing', door, addDays(today, 54)),
        ],
        // Allocated for regulier: the scale-up around the move exceeds it, so the overview asks for a VOW.
        toewijzing: toewijzing(
          '20240117',
          addDays(today, -150),
          addDays(today, 215),
          { volume: 3, eenheid: '04', frequentie: '2' },
          door,
        ),
      };
    },
  },
  {
    voornaam: 'Anouk',
    achternaam: 'Mulder',
    geboortedatum: '1995-06-30',
    gemeenteCode: 'GM0321',
    herkomst: 'begeleid-wonen',
    begeleiderIds: ['u-marieke', 'u-sanne'],
    fase: 'landing',
    daysAgo: 300,
    state: (today, door) => {
      const offerId = randomUUID();
      const moved = addDays(today, -200);
      const rondVerhuizing = steun(
        'intensief',
        addDays(moved, -14),
        'Tijdelijk opschalen rond de verhuizing',
        door,
        addDays(moved, 42),
      );
      return {
        aanbiedingen: [
          {
            id: offerId,
            corporatieId: 'org-rijnhoven',
            eenheidnummer: 'RH-18207',
            wijk: 'Houten-Zuid',
            huurPerMaandCent: 66_010,
            status: 'geaccepteerd',
            adres: { straat: 'Schoolwerf', huisnummer: '22', postcode: '3995 CL', plaats: 'Houten' },
            beschikbaarVanaf: moved,
            reactieUiterlijk: addDays(moved, -14),
            besluit: { op: addDays(moved, -20), door },
          },
        ],
        contract: {
          vorm: 'eigen-huurcontract',
          aanbiedingId: offerId,
          ingangsdatum: moved,
          getekendOp: addDays(moved, -10),
          contractnummer: 'RH-2026-0554',
        },
        verhuisdatum: moved,
        verhuisdOp: moved,
        uitkering: {
          aangevraagdOp: addDays(moved, -60),
          besluitOp: addDays(moved, -20),
          toegekend: true,
          ingangsdatum: moved,
        },
        verhuisproces: { bevestigingGevraagdVoor: moved, evaluatieGepland: addDays(moved, 42) },
        ondersteuning: [
          steun('regulier', addDays(today, -300), 'Start ambulante begeleiding', door),
          rondVerhuizing,
          steun('licht', addDays(today, -60), 'Afgeschaald: gaat goed, eigen netwerk groeit', door),
        ],
        ondersteuningEvaluaties: [
          { wijzigingId: rondVerhuizing.id, op: addDays(moved, 28), uitkomst: 'bevestigd', door },
        ],
        // Renewed when she went to licht; 8 hours a month leaves room for it.
        toewijzing: toewijzing(
          '20240342',
          addDays(today, -60),
          addDays(today, 300),
          { volume: 8, eenheid: '04', frequentie: '4' },
          door,
        ),
      };
    },
  },
  {
    voornaam: 'Jeroen',
    achternaam: 'de Graaf',
    geboortedatum: '1986-01-08',
    gemeenteCode: 'GM0344',
    herkomst: 'MO',
    begeleiderIds: ['u-youssef'],
    fase: 'aanmelding',
    daysAgo: 3,
    state: (today, door) => ({
      ondersteuning: [steun('intensief', addDays(today, -3), 'Net uit de nachtopvang; 24/7 bereikbaar', door)],
    }),
  },
  {
    voornaam: 'Sven',
    achternaam: 'de Jong',
    geboortedatum: '1983-08-19',
    gemeenteCode: 'GM0344',
    herkomst: 'MO',
    begeleiderIds: ['u-marieke', 'u-youssef'],
    fase: 'landing',
    daysAgo: 200,
    state: (today, door) => ({
      ondersteuning: [
        steun('regulier', addDays(today, -200), 'Start Housing First', door),
        {
          ...steun(
            'intensief',
            addDays(today, -120),
            'Terugval na het overlijden van zijn moeder; 24/7 bereikbaar',
            door,
          ),
          modaliteiten: ['thuis', 'remote-24-7'],
        },
      ],
    }),
  },
  {
    voornaam: 'Ilse',
    achternaam: 'Brouwer',
    geboortedatum: '1988-12-01',
    gemeenteCode: 'GM0355',
    herkomst: 'MO',
    begeleiderIds: ['u-daan'],
    fase: 'voorbereiding',
    daysAgo: 25,
    state: (today, door) => ({
      ondersteuning: [steun('verhoogd', addDays(today, -25), 'Net uit de opvang in Zeist', door)],
    }),
  },
  {
    voornaam: 'Henk',
    achternaam: 'Postma',
    geboortedatum: '1960-05-05',
    gemeenteCode: 'GM0310',
    herkomst: 'BW',
    begeleiderIds: ['u-noor'],
    fase: 'voorbereiding',
    daysAgo: 40,
    state: (today, door) => ({
      ondersteuning: [
        steun('waakvlam', addDays(today, -40), 'Zorgmijder: houdt zelf contact af, wij blijven in beeld', door),
      ],
    }),
  },
  ...housingFirstDemo,
  // --- People decide, the clock reminds: an omklap announced and waiting for the duo's decision ---
  // Ilse moved almost two years ago under a driepartijenovereenkomst; the corporation heard of the omklap, and
  // the question (omklap, uitstel or niet) is on the duo's Vandaag and on her page. The 12-month review judged
  // her not landed yet: daginvulling asked for attention.
  {
    voornaam: 'Ilse',
    achternaam: 'Bakker',
    geboortedatum: '1987-02-11',
    gemeenteCode: 'GM0344',
    herkomst: 'BW',
    begeleiderIds: ['u-sanne', 'u-youssef'],
    fase: 'omklap',
    daysAgo: 820,
    state: (today, door) => {
      const offerId = randomUUID();
      const moved = addMonths(today, -22);
      return {
        gereedheid: Object.fromEntries(
          municipalityPolicy('GM0344').blockingReadinessItems.map(({ item }) => [
            item,
            { gedaanOp: addDays(moved, -60), door },
          ]),
        ),
        aanbiedingen: [
          {
            id: offerId,
            corporatieId: 'org-vechtvaart',
            eenheidnummer: 'VV-0388',
            wijk: 'Kanaleneiland',
            huurPerMaandCent: 61_200,
            status: 'geaccepteerd',
            adres: { straat: 'Marshalllaan', huisnummer: '12', postcode: '3527 TG', plaats: 'Utrecht' },
            beschikbaarVanaf: moved,
            reactieUiterlijk: addDays(moved, -20),
            besluit: { op: addDays(moved, -25), door },
          },
        ],
        contract: {
          vorm: 'driepartijenovereenkomst',
          aanbiedingId: offerId,
          ingangsdatum: moved,
          getekendOp: addDays(moved, -14),
          omklapNaMaanden: 24,
          contractnummer: 'VV-2025-0912',
        },
        verhuisdatum: moved,
        verhuisdOp: moved,
        uitkering: { aangevraagdOp: addDays(moved, -60), besluitOp: addDays(moved, -20), toegekend: true },
        verhuisproces: {
          bevestigingGevraagdVoor: moved,
          verhuisbevestigingGevraagdVoor: moved,
          evaluatieGepland: addDays(moved, 42),
          landingsreviewGevraagd: 12,
          omklapAangekondigd: addMonths(moved, 21),
        },
        landingsoordelen: [
          {
            maanden: 12,
            op: addMonths(moved, 12),
            factoren: {
              'overdracht-zorg': { oordeel: 'op-orde' },
              financien: { oordeel: 'op-orde' },
              daginvulling: { oordeel: 'aandacht', toelichting: 'Zoekt nog werk of vrijwilligerswerk' },
              netwerk: { oordeel: 'op-orde' },
            },
            perspectiefPersoon: 'Ik voel me thuis, maar mijn dagen zijn nog leeg.',
            geland: false,
            door,
          },
        ],
        ondersteuning: [steun('regulier', addDays(moved, -90), 'Ambulante begeleiding in de eigen woning', door)],
      };
    },
  },
];

// --- Continuity: a stay elsewhere on top of the phase, and nazorg after geland ---------------------------------
// Ruud stays at a logeerplek for a while and keeps his woning: his phase, support and move go on.
const ruud = demoTransitions.find((d) => d.voornaam === 'Ruud')!;
const ruudState = ruud.state!;
ruud.state = (today, door) => ({
  ...ruudState(today, door),
  tijdelijkVerblijf: {
    soort: 'logeerplek',
    sinds: addDays(today, -3),
    woningBehouden: true,
    toelichting: 'Even tot rust komen bij Beschermd Thuis; hij wil graag terug naar zijn nieuwe huis',
  },
});
// Wim landed in his own home (Housing First) and is in nazorg at waakvlam: support goes on, lightly, until a
// warm handover to the buurtteam.
demoTransitions.push({
  voornaam: 'Wim',
  achternaam: 'Verbeek',
  geboortedatum: '1971-03-14',
  gemeenteCode: 'GM0344',
  herkomst: 'MO',
  begeleiderIds: ['u-noor'],
  fase: 'geland',
  daysAgo: 420,
  state: (today, door) => {
    const offerId = randomUUID();
    const ingang = addDays(today, -300);
    return {
      aanbiedingen: [
        {
          id: offerId,
          corporatieId: 'org-vechtvaart',
          eenheidnummer: 'VV-0388',
          wijk: 'Overvecht',
          huurPerMaandCent: 61_200,
          status: 'geaccepteerd',
          adres: { straat: 'Zamenhofdreef', huisnummer: '112', postcode: '3562 JX', plaats: 'Utrecht' },
          beschikbaarVanaf: ingang,
          reactieUiterlijk: addDays(ingang, -10),
          besluit: { op: addDays(ingang, -12), door },
        },
      ],
      contract: {
        vorm: 'eigen-huurcontract',
        aanbiedingId: offerId,
        ingangsdatum: ingang,
        getekendOp: addDays(ingang, -5),
      },
      verhuisdatum: ingang,
      verhuisdOp: ingang,
      nazorg: { vorm: 'waakvlam', sinds: addDays(today, -30) },
      ondersteuning: [
        steun('regulier', addDays(today, -420), 'Start Housing First', door),
        steun('waakvlam', addDays(today, -30), 'Geland: nazorg op waakvlam, het netwerk draagt', door),
      ],
    };
  },
});

/** Who the demo is about: what a privacy scan looks for where it must not be (logs). */
export const demoPersons = demoTransitions.map(({ voornaam, achternaam, geboortedatum }) => ({
  voornaam,
  achternaam,
  geboortedatum,
}));

const DAY_MS = 24 * 60 * 60 * 1000;

/** Seeds the demo and returns the ids of the transitions, so the workflows can take their first look. */
export async function seedDemoData(db: DynamoDBDocumentClient, tableName: string, now = new Date()): Promise<string[]> {
  const today = todayInNetherlands(now);
  const ids: string[] = [];
  const staffItems = demoUsers.map((u) => {
    const telefoon = demoPhones[u.userId];
    const member: StaffMember = {
      id: u.userId,
      naam: u.naam,
      role: u.role,
      ...(u.teamId ? { teamId: u.teamId } : {}),
      ...(telefoon ? { telefoon } : {}),
    };
    return { ...keys.staffMember(u.organisationId, u.userId), entity: 'StaffMember', ...member };
  });
  const organisationItems = demoOrganisations.map(organisationItem);
  const items = [...organisationItems, ...staffItems];
  for (let i = 0; i < items.length; i += 25) {
    await db.send(
      new BatchWriteCommand({
        RequestItems: { [tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  }

  const store = new DynamoTransitionStore(db, tableName);
  const seeded = new Map<string, Transition>();
  for (const demo of demoTransitions) {
    const begeleiders = demo.begeleiderIds.map((id) => demoUsers.find((u) => u.userId === id)!);
    const providerId = begeleiders[0]!.organisationId;
    const at = new Date(now.getTime() - demo.daysAgo * DAY_MS).toISOString();
    const door = { id: begeleiders[0]!.userId, naam: begeleiders[0]!.naam };
    const draft: Transition = {
      id: randomUUID(),
      version: 1,
      providerId,
      ...(begeleiders[0]!.teamId ? { teamId: begeleiders[0]!.teamId } : {}),
      persoonRef: randomUUID(),
      persoon: { voornaam: demo.voornaam, achternaam: demo.achternaam, geboortedatum: demo.geboortedatum },
      gemeenteCode: demo.gemeenteCode,
      herkomst: demo.herkomst,
      begeleiders: begeleiders.map((b) => ({
        id: b.userId,
        naam: b.naam,
        ...(demoPhones[b.userId] ? { telefoon: demoPhones[b.userId] } : {}),
      })),
      fase: demo.fase,
      ...notStartedYet,
      createdAt: at,
      createdBy: begeleiders[0]!.userId,
      updatedAt: at,
      ...demo.state?.(today, door),
    };
    const transition: Transition = {
      ...draft,
      signalen: signalen(draft, municipalityPolicy(draft.gemeenteCode), today),
    };
    ids.push(transition.id);
    seeded.set(demo.voornaam, transition);
    const placed = geaccepteerdeAanbieding(transition.aanbiedingen);
    if (placed?.eenheidnummer && isPlacedDemo(transition)) {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...keys.homeOfCorporation(placed.corporatieId, transition.providerId, placed.eenheidnummer),
            entity: 'HomeOfCorporation',
            transitionId: transition.id,
          },
        }),
      );
    }
    if (placed && isPlacedDemo(transition)) {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.wijkPlaatsingen(transition.gemeenteCode, placed.wijk),
          UpdateExpression: 'ADD plaatsingen :one SET entity = :entity',
          ExpressionAttributeValues: { ':one': 1, ':entity': 'WijkPlaatsingen' },
        }),
      );
    }
    await store.create({
      transition,
      firstEvent: {
        id: randomUUID(),
        transitionId: transition.id,
        type: 'aanmelding-geregistreerd',
        at,
        actor: { soort: 'medewerker', id: begeleiders[0]!.userId, naam: begeleiders[0]!.naam },
      },
    });
    await store.appendEvent({
      id: `${transition.id}-traject-gestart`,
      transitionId: transition.id,
      type: 'traject-gestart',
      at: new Date(Date.parse(at) + 1000).toISOString(),
      actor: { soort: 'werkproces', naam: 'Landing (aanmelding)' },
    });
  }
  await seedBudgets(new DynamoBudgetStore(db, tableName), seeded, now, today);
  await seedContactsAndSignals(db, tableName, seeded, now);
  await seedNetwerk(db, tableName, seeded, now);
  return ids;
}

/**
 * The rhythm of contact and a few signals. Everyone but Henk (a care avoider on waakvlam) was seen lately, so
 * the contact watch raises its oranje signal for Henk alone. Jeroen has a rood signal from the night service,
 * due an hour from now: with the demo clock one hour on, it goes to the team lead.
 */
async function seedContactsAndSignals(
  db: DynamoDBDocumentClient,
  tableName: string,
  seeded: Map<string, Transition>,
  now: Date,
): Promise<void> {
  const ago = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();
  const contacts = new DynamoContactStore(db, tableName);
  const recentlySeen: [string, number, Modaliteit, string][] = [
    ['Kees', 30, 'thuis', 'Koffie gedronken, de financiën lopen'],
    ['Fatima', 50, 'op-afstand', 'Gebeld over het woningaanbod in Batau-Noord'],
    ['Ruud', 20, 'thuis', 'Dozen ingepakt voor de verhuizing'],
    ['Anouk', 120, 'op-afstand', 'Videobellen: gaat goed, nieuwe baan bij de kringloop'],
    ['Jeroen', 6, 'thuis', 'Eerste week uit de nachtopvang'],
    ['Sven', 10, 'thuis', 'Samen naar het graf van zijn moeder'],
    ['Ilse', 30, 'thuis', 'Kennismaking in Zeist'],
    ['Wim', 200, 'thuis', 'Koffie in zijn eigen huis; kent nu de buren'],
  ];
  for (const [voornaam, hoursAgo, modaliteit, notitie] of recentlySeen) {
    const t = seeded.get(voornaam)!;
    const wie = t.begeleiders[0]!;
    await contacts.record({ id: randomUUID(), transitionId: t.id, op: ago(hoursAgo), wie, modaliteit, notitie });
  }

  const signals = new DynamoSignalStore(db, tableName);
  const jeroen = seeded.get('Jeroen')!;
  const at = ago(3);
  const rood: Signal = {
    id: randomUUID(),
    transitionId: jeroen.id,
    versie: 1,
    at,
    bron: 'ondersteuning-op-afstand',
    fase: 'rood',
    status: 'open',
    omschrijving:
      'Belde om drie uur ’s nachts in paniek: wil niet meer naar huis, de buren zouden hem in de gaten houden',
    // Remote support knows Jeroen: it chose rood itself, with its reason (the thermometer is for the wijk).
    reden: 'Paniek ’s nachts en wil niet naar huis: dit kan niet tot morgen wachten',
    deadline: ago(-1),
    geregistreerdDoor: { id: 'u-youssef', naam: 'Youssef El Amrani' },
  };
  const kees = seeded.get('Kees')!;
  const oranje: Signal = {
    id: randomUUID(),
    transitionId: kees.id,
    versie: 1,
    at: ago(26),
    bron: 'wijkagent',
    fase: 'oranje',
    status: 'bevestigd',
    omschrijving: 'Buren klagen over harde muziek ’s nachts',
    thermometer: {
      score: { veiligheid: 1, gezondheid: 0, welzijn: 2, omvang: 1, duur: 1 },
      totaal: 5,
      actie: triage({ veiligheid: 1, gezondheid: 0, welzijn: 2, omvang: 1, duur: 1 }).actie,
    },
    deadline: ago(2),
    geregistreerdDoor: { id: 'u-sanne', naam: 'Sanne de Vries' },
    bevestigd: { door: { id: 'u-sanne', naam: 'Sanne de Vries' }, op: ago(20) },
  };
  for (const signal of [rood, oranje]) {
    await signals.register(signal, {
      id: randomUUID(),
      transitionId: signal.transitionId,
      type: 'signaal-ontvangen',
      at: signal.at,
      actor: { soort: 'medewerker', ...signal.geregistreerdDoor },
      omschrijving: `${signal.fase}: ${signal.omschrijving}`,
    });
  }
}

/** Regelbudgets: Kees has spent some and waits for an approval; Fatima has a fresh budget for her move. */
async function seedBudgets(
  budgets: DynamoBudgetStore,
  seeded: Map<string, Transition>,
  now: Date,
  today: IsoDate,
): Promise<void> {
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString();
  const grants = [
    { voornaam: 'Kees', cents: 150_000, holder: 'u-pieter' },
    { voornaam: 'Fatima', cents: 100_000, holder: 'u-eva' },
  ];
  for (const g of grants) {
    const t = seeded.get(g.voornaam)!;
    const holder = demoUsers.find((u) => u.userId === g.holder)!;
    const door = { id: holder.userId, naam: holder.naam };
    await budgets.grant(
      {
        transitionId: t.id,
        gemeenteCode: t.gemeenteCode,
        providerId: t.providerId,
        ...newBalance(g.cents),
        geldigVan: addDays(today, -30),
        geldigTot: addDays(today, 335),
        toegekendDoor: door,
      },
      {
        id: randomUUID(),
        transitionId: t.id,
        gemeenteCode: t.gemeenteCode,
        at: at(600),
        soort: 'toegekend',
        bedragCent: g.cents,
        door,
      },
    );
  }
  const kees = seeded.get('Kees')!;
  const sanne = { id: 'u-sanne', naam: 'Sanne de Vries' };
  const spends = [
    {
      categorie: 'vervoer',
      bedragCent: 18_000,
      ontvanger: 'U-OV',
      reden: 'Jaarabonnement om de dagbesteding te blijven bezoeken',
      move: 'direct-goedkeuren',
      minutesAgo: 300,
    },
    {
      categorie: 'inrichting',
      bedragCent: 64_000,
      ontvanger: 'Kringloop Utrecht',
      reden: 'Bed, kast en tafel voor de nieuwe woning',
      move: 'voorstellen',
      minutesAgo: 120,
    },
  ] as const;
  for (const s of spends) {
    const id = randomUUID();
    await budgets.propose({
      spend: {
        id,
        transitionId: kees.id,
        categorie: s.categorie,
        bedragCent: s.bedragCent,
        ontvanger: s.ontvanger,
        reden: s.reden,
        status: moves[s.move].toStatus,
        voorgesteldDoor: sanne,
        voorgesteldOp: at(s.minutesAgo),
      },
      move: s.move,
      entry: {
        id: randomUUID(),
        transitionId: kees.id,
        gemeenteCode: kees.gemeenteCode,
        at: at(s.minutesAgo),
        soort: s.move === 'voorstellen' ? 'voorgesteld' : 'direct-goedgekeurd',
        bedragCent: s.bedragCent,
        spendId: id,
        categorie: s.categorie,
        door: sanne,
        reden: s.reden,
      },
      gemeenteCode: kees.gemeenteCode,
      today,
    });
  }
}

// ---- Steunsysteem (the person's network) -------------------------------------------------------------------
// Stable member ids (`netwerk-<person>-<who>`): other parts of the plan (a step's "wie") point at them.

type DemoLid = [id: string, daysAgo: number, lid: Omit<NetwerkLidInput, 'sinds'>, nietMeerDaysAgo?: number];

const demoNetwerk: Record<string, DemoLid[]> = {
  Anouk: [
    [
      'netwerk-anouk-zus',
      3000,
      {
        naam: 'Marieke',
        relatie: 'familie',
        band: 'steunend',
        watDoetHij: 'Belt elke zondag; is er bij een terugval',
        toestemmingBereikbaar: true,
        bereikbaar: '06-21436587',
      },
    ],
    [
      'netwerk-anouk-buurman',
      150,
      {
        naam: 'Henk',
        relatie: 'buren',
        band: 'steunend',
        watDoetHij: 'Heeft een reservesleutel; samen koffie op zaterdag',
        toestemmingBereikbaar: true,
        bereikbaar: '06-98765432',
      },
    ],
    [
      'netwerk-anouk-moeder',
      3000,
      { naam: 'moeder', relatie: 'familie', band: 'overbelast', watDoetHij: 'Wil helpen maar zorgt ook voor vader' },
    ],
    [
      'netwerk-anouk-ex',
      900,
      {
        naam: 'ex-vriend',
        relatie: 'vriend',
        band: 'belastend',
        watDoetHij: 'Zoekt contact als het slecht gaat; Anouk wil afstand',
      },
    ],
    [
      'netwerk-anouk-maatje',
      40,
      {
        naam: 'Lotte',
        relatie: 'maatje',
        band: 'steunend',
        watDoetHij: 'Maatje via de herstelacademie: samen wandelen, de cursus Herstellen doe je zelf',
        toestemmingBereikbaar: true,
        bereikbaar: 'lotte.maatje@example.org',
      },
    ],
    [
      'netwerk-anouk-ervaringsdeskundige',
      120,
      { naam: 'Joost', relatie: 'ervaringsdeskundige', band: 'steunend', watDoetHij: 'Herstelgroep op dinsdag' },
    ],
    ['netwerk-anouk-huisarts', 190, { naam: 'huisarts Houten-Zuid', relatie: 'huisarts', band: 'steunend' }],
    [
      'netwerk-anouk-bewindvoerder',
      400,
      {
        naam: 'bewindvoerder',
        relatie: 'bewindvoerder',
        band: 'steunend',
        watDoetHij: 'Beheert het leefgeld en de schulden',
      },
    ],
    [
      'netwerk-anouk-buurtteam',
      180,
      { naam: 'buurtteam Houten', relatie: 'buurtteam', band: 'steunend', watDoetHij: 'Inloop op woensdag' },
    ],
    ['netwerk-anouk-oude-huisgenoot', 600, { naam: 'oud-huisgenoot', relatie: 'vriend', band: 'steunend' }, 190],
  ],
  Dewi: [
    [
      'netwerk-dewi-oom',
      2000,
      {
        naam: 'oom Stanley',
        relatie: 'familie',
        band: 'overbelast',
        watDoetHij: 'Liet Dewi logeren; wil nu even rust',
      },
    ],
    [
      'netwerk-dewi-vriendin',
      700,
      {
        naam: 'Jasmijn',
        relatie: 'vriend',
        band: 'steunend',
        watDoetHij: 'Helpt met de post',
        toestemmingBereikbaar: true,
        bereikbaar: '06-11223344',
      },
    ],
    [
      'netwerk-dewi-sleutelpersoon',
      60,
      {
        naam: 'buurtmoeder Overvecht',
        relatie: 'sleutelpersoon',
        band: 'steunend',
        watDoetHij: 'Kent de wijk; neemt Dewi mee naar de kookgroep',
      },
    ],
    [
      'netwerk-dewi-werk-en-inkomen',
      45,
      { naam: 'klantmanager', relatie: 'werk-en-inkomen', band: 'steunend', watDoetHij: 'Maatwerk bij de uitkering' },
    ],
    ['netwerk-dewi-buurtteam', 30, { naam: 'buurtteam Overvecht', relatie: 'buurtteam', band: 'steunend' }],
  ],
};

/** How to reach the demo's network members: third parties' details a privacy scan looks for where they must not be. */
export const demoNetwerkBereikbaar = Object.values(demoNetwerk).flatMap((leden) =>
  leden.flatMap(([, , lid]) => (lid.bereikbaar ? [lid.bereikbaar] : [])),
);

/** The steunsysteem of Anouk (landing, the network carries) and Dewi (Housing First, a network being built). */
async function seedNetwerk(
  db: DynamoDBDocumentClient,
  tableName: string,
  seeded: Map<string, Transition>,
  now: Date,
): Promise<void> {
  const herstel = new DynamoHerstelStore(db, tableName);
  const today = todayInNetherlands(now);
  for (const [voornaam, leden] of Object.entries(demoNetwerk)) {
    const t = seeded.get(voornaam)!;
    const door = t.begeleiders.find((b) => b.id === 'u-sanne') ?? t.begeleiders[0]!;
    for (const [id, daysAgo, input, nietMeerDaysAgo] of leden) {
      const sinds = addDays(today, -daysAgo);
      const { data } = addLid({ ...input, sinds }, { today, newId: () => id });
      const stored = nietMeerDaysAgo
        ? endLid(
            [{ ...data, id, versie: 1 }],
            id,
            { versie: 1, op: addDays(today, -nietMeerDaysAgo) },
            { today, newId: () => id },
          ).data
        : data;
      const at = new Date(Math.min(now.getTime(), Date.parse(`${sinds}T10:00:00Z`))).toISOString();
      await herstel.write({
        transitionId: t.id,
        item: { part: 'netwerk', id, data: stored },
        event: {
          id: randomUUID(),
          transitionId: t.id,
          type: 'netwerk-bijgewerkt',
          at,
          actor: { soort: 'medewerker', id: door.id, naam: door.naam },
          omschrijving: `Toegevoegd aan het steunsysteem: ${netwerkRelatieLabels[input.relatie].toLowerCase()}`,
        },
      });
    }
  }
}
