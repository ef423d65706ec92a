import { BatchWriteCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { keys } from '../../functions/storage/keys';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import { DynamoHerstelStore } from '../../functions/storage/dynamo-herstel-store';
import { doelEvaluaties, type Doel } from '../../shared/domain/herstel/doelen';
import { RecordScoreInput, recordScore } from '../../shared/domain/herstel/kwaliteit';
import {
  agreeProfiel,
  NewProfielInput,
  newProfielVersie,
  type NewProfielBody,
  type HerstelCommandContext,
  type HerstelCommandResult,
} from '../../shared/domain/herstel/profiel';
import { organisationItem } from '../../functions/storage/dynamo-organisation-directory';
import { DynamoBudgetStore } from '../../functions/storage/dynamo-budget-store';
import { DynamoContactStore, DynamoSignalStore } from '../../functions/storage/dynamo-signal-store';
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
import { DynamoSocialeKaartStore } from '../../functions/storage/dynamo-sociale-kaart-store';
import { moveOnLadder, newPartner, type NieuwePartner, type Trede } from '../../shared/domain/wijk/sociale-kaart';

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
  // Policy staff: outcomes as aggregates only (Utrecht, the centrumgemeente, sees the region).
  { userId: 'u-lies', naam: 'Lies Verbeek', organisationId: 'gm-utrecht', role: 'beleid' },
  { userId: 'u-hanna', naam: 'Hanna Brouwer', organisationId: 'gm-nieuwegein', role: 'beleid' },
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
  /** How long ago the current phase began; the day of seeding otherwise. */
  faseDaysAgo?: number;
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
    // Long in voorbereiding (the norm is 90 days): the teamleider's Vandaag shows it as stalled.
    daysAgo: 110,
    faseDaysAgo: 100,
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
export async function seedDemoData(
  db: DynamoDBDocumentClient,
  tableName: string,
  now = new Date(),
  options: { persons: boolean } = { persons: true },
): Promise<string[]> {
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
  if (!options.persons) return [];

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
    const derived = signalen(draft, municipalityPolicy(draft.gemeenteCode), today);
    const transition: Transition = {
      ...draft,
      signalen: demo.faseDaysAgo
        ? { ...derived, faseSinds: { fase: demo.fase, sinds: addDays(today, -demo.faseDaysAgo) } }
        : derived,
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
  await seedSocialeKaart(db, tableName, now);
  await seedDoelen(new DynamoHerstelStore(db, tableName), seeded, now, today);
  await seedProfielEnKwaliteit(db, tableName, seeded, today);
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

// ---- Sociale kaart ---------------------------------------------------------------------------------------------

/**
 * The sociale kaart of Overvecht, where Dewi Kartosen's woning is: six partners of Stichting De Overstap at
 * different rungs of the bindingsladder, some with the steps that brought them there. All names are invented.
 */
async function seedSocialeKaart(db: DynamoDBDocumentClient, tableName: string, now: Date): Promise<void> {
  const store = new DynamoSocialeKaartStore(db, tableName);
  const sanne = { id: 'u-sanne', naam: 'Sanne de Vries' };
  const youssef = { id: 'u-youssef', naam: 'Youssef El Amrani' };
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  const partners: {
    input: Omit<NieuwePartner, 'wijk'>;
    door: typeof sanne;
    daysAgo: number;
    steps?: { trede: Trede; toelichting: string; daysAgo: number; door: typeof sanne }[];
  }[] = [
    {
      input: {
        naam: 'Buurthuis De Boog',
        soort: 'buurthuis',
        trede: 3,
        contactpersoon: { naam: 'Marian Kooistra', rol: 'opbouwwerker' },
        bereikbaar: { telefoon: '030 261 44 90', email: 'info@buurthuisdeboog.example' },
        aanbod: 'Dagelijks open inloop met koffie, maaltijd op donderdag, taalcafé en hulp bij post',
        notitie: 'Vaste afspraak: elke eerste maandag van de maand overleg met Marian.',
        toelichting: 'Kennisgemaakt tijdens de wijkavond',
      },
      door: sanne,
      daysAgo: 400,
      steps: [
        {
          trede: 4,
          toelichting: 'Samen de kerstmaaltijd georganiseerd voor nieuwe bewoners',
          daysAgo: 300,
          door: sanne,
        },
        {
          trede: 5,
          toelichting: 'Vaste plek voor onze deelnemers bij de donderdagmaaltijd',
          daysAgo: 120,
          door: sanne,
        },
      ],
    },
    {
      input: {
        naam: 'Herstelacademie Utrecht, locatie Overvecht',
        soort: 'herstelacademie',
        trede: 4,
        contactpersoon: { naam: 'Joost Verhagen', rol: 'ervaringsdeskundige' },
        bereikbaar: { email: 'overvecht@herstelacademie.example' },
        aanbod: 'Cursussen Herstellen doe je zelf, WRAP en lotgenotengroepen, gegeven door ervaringsdeskundigen',
        toelichting: 'Twee deelnemers volgen samen de WRAP-cursus',
      },
      door: youssef,
      daysAgo: 200,
    },
    {
      input: {
        naam: 'Moskee Al Houda',
        soort: 'kerk-moskee',
        trede: 2,
        contactpersoon: { naam: 'Abdelkader Ouali', rol: 'secretaris van het bestuur' },
        bereikbaar: { telefoon: '030 262 07 15' },
        aanbod: 'Ontmoeting na het vrijdaggebed, vrijwilligers die meegaan naar instanties',
        toelichting: 'Eerste gesprekken met het bestuur',
      },
      door: youssef,
      daysAgo: 150,
      steps: [
        {
          trede: 3,
          toelichting: 'In kaart gebracht wat ons met het vrijwilligerswerk verbindt',
          daysAgo: 45,
          door: youssef,
        },
      ],
    },
    {
      input: {
        naam: 'Sportvereniging Overvecht Vooruit',
        soort: 'sportclub',
        trede: 2,
        contactpersoon: { naam: 'Ricardo Martina', rol: 'buurtsportcoach' },
        aanbod: 'Wandelvoetbal en fitness op dinsdag- en vrijdagochtend, eerste drie maanden gratis',
        toelichting: 'De buurtsportcoach wil vaker samen iets doen',
      },
      door: sanne,
      daysAgo: 60,
    },
    {
      input: {
        naam: 'Stichting Samen Sterk Overvecht',
        soort: 'zelforganisatie',
        trede: 1,
        contactpersoon: { naam: 'Saskia Pinas', rol: 'vrijwilliger' },
        aanbod: 'Vrouwengroep en kookclub, door en voor bewoners uit de wijk',
        notitie: 'Nog voorzichtig: eerst laten zien wie we zijn, niet meteen om iets vragen.',
        toelichting: 'Langs geweest bij de kookclub',
      },
      door: sanne,
      daysAgo: 20,
    },
    {
      input: {
        naam: 'Buurtteam Overvecht',
        soort: 'buurtteam',
        trede: 5,
        contactpersoon: { naam: 'Esther de Groot', rol: 'buurtteammedewerker' },
        bereikbaar: { telefoon: '030 263 10 00', email: 'overvecht@buurtteams.example' },
        aanbod: 'Hulp bij geldzaken, opvoeden en samenleven; warme overdracht bij de verhuizing',
        toelichting: 'Al jaren vaste samenwerking bij verhuizingen naar de wijk',
      },
      door: sanne,
      daysAgo: 700,
    },
  ];
  for (const [i, p] of partners.entries()) {
    let partner = newPartner(
      { ...p.input, wijk: 'Overvecht' },
      { id: `demo-kaart-overvecht-${i + 1}`, providerId: 'org-overstap', door: p.door, at: daysAgo(p.daysAgo) },
    );
    for (const step of p.steps ?? [])
      partner = moveOnLadder(
        partner,
        { trede: step.trede, toelichting: step.toelichting },
        { expectedVersion: partner.version, door: step.door, at: daysAgo(step.daysAgo) },
      );
    await store.add(partner);
  }
}

// --- Doelen en Plan van Aanpak ---------------------------------------------------------------------------------

/** The id of Anouk's sister in her network: the network part's demo names her with this id. */
const DEMO_ANOUK_ZUS = 'netwerk-anouk-zus';

/**
 * Goals with their Werkblad Opties, Plan van Aanpak and evaluations. Anouk: two goals, steps by herself, her
 * sister and a professional; one evaluation adjusted the plan, and her contacts goal is due in two days (so it is
 * on Sanne's Vandaag). Dewi: one goal about keeping her own place, with a plan.
 */
async function seedDoelen(
  store: DynamoHerstelStore,
  seeded: Map<string, Transition>,
  now: Date,
  today: IsoDate,
): Promise<void> {
  const sanne = { id: 'u-sanne', naam: 'Sanne de Vries' };
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS).toISOString();
  const goals: [string, Omit<Doel, 'versie'>][] = [
    [
      'Anouk',
      {
        id: 'demo-doel-anouk-contact',
        levensdomein: 'sociale-contacten',
        wens: 'Niet meer elke avond alleen thuis zitten',
        doel: 'Elke week iets met anderen doen',
        opties: [
          { id: 'o1', optie: 'Wandelgroep van het buurthuis', voordelen: 'Dichtbij, gratis', nadelen: 'Om 9 uur' },
          { id: 'o2', optie: 'Koor in Houten', voordelen: 'Ze zingt graag', nadelen: 'Kost contributie' },
          { id: 'o3', optie: 'Met haar zus naar de markt', voordelen: 'Vertrouwd', nadelen: 'Alleen om de week' },
        ],
        besteOptieId: 'o1',
        tweedeOptieId: 'o3',
        stappen: [
          { id: 's1', wat: 'Meldt zich aan bij de wandelgroep', wie: { soort: 'persoon', naam: 'Anouk' } },
          {
            id: 's2',
            wat: 'Gaat de eerste twee keer mee wandelen',
            wie: { soort: 'netwerk', netwerkLidId: DEMO_ANOUK_ZUS, naam: 'Lotte (zus)' },
          },
          {
            id: 's3',
            wat: 'Belt na de eerste keer: hoe was het?',
            wie: { soort: 'professioneel', naam: 'Sanne de Vries (begeleider)' },
          },
        ],
        evaluatieOp: addDays(today, 2),
        evaluaties: [
          {
            id: 'e1',
            op: addDays(today, -40),
            voortgang: 'Wandelen om 9 uur lukt niet na een nachtdienst bij de kringloop. Met Lotte naar de markt wel.',
            schaal: 'gelijk',
            bijstelling: 'Wandelen op zaterdag in plaats van doordeweeks; Lotte gaat mee',
            volgendeEvaluatieOp: addDays(today, 2),
            door: sanne,
          },
        ],
        status: 'actief',
        gesteldOp: addDays(today, -120),
        door: sanne,
      },
    ],
    [
      'Anouk',
      {
        id: 'demo-doel-anouk-werk',
        levensdomein: 'werken',
        wens: 'Iets doen waar ik goed in ben',
        doel: 'Vrijwilligerswerk, twee dagdelen per week',
        opties: [
          { id: 'o1', optie: 'Kringloopwinkel', voordelen: 'Ze kent er mensen', nadelen: 'Zwaar tilwerk' },
          { id: 'o2', optie: 'Dierenasiel', voordelen: 'Houdt van dieren', nadelen: 'Ver fietsen' },
        ],
        besteOptieId: 'o1',
        tweedeOptieId: 'o2',
        stappen: [
          {
            id: 's1',
            wat: 'Gesprek bij de kringloop',
            wie: { soort: 'persoon', naam: 'Anouk' },
            gedaanOp: addDays(today, -90),
          },
          {
            id: 's2',
            wat: 'Vrijwilligerscentrale helpt met de afspraken',
            wie: { soort: 'algemene-voorziening', naam: 'Vrijwilligerscentrale Houten' },
          },
        ],
        evaluatieOp: addDays(today, 30),
        evaluaties: [],
        status: 'actief',
        gesteldOp: addDays(today, -120),
        door: sanne,
      },
    ],
    [
      'Dewi',
      {
        id: 'demo-doel-dewi-wonen',
        levensdomein: 'wonen',
        wens: 'Een eigen plek die ik kan houden',
        doel: 'Mijn eigen plek houden: huur op tijd, geen klachten van de buren',
        hulpmiddelen: 'Automatische incasso van de huur',
        opties: [
          { id: 'o1', optie: 'Huur automatisch laten afschrijven', voordelen: 'Niet meer vergeten' },
          { id: 'o2', optie: 'Budgetbeheer', voordelen: 'Overzicht', nadelen: 'Minder zelf in de hand' },
        ],
        besteOptieId: 'o1',
        tweedeOptieId: 'o2',
        stappen: [
          { id: 's1', wat: 'Incasso regelen bij de bank', wie: { soort: 'persoon', naam: 'Dewi' } },
          {
            id: 's2',
            wat: 'Kennismaken met de buren',
            wie: { soort: 'professioneel', naam: 'Sanne de Vries (begeleider)' },
          },
        ],
        evaluatieOp: addDays(today, 30),
        evaluaties: [],
        status: 'actief',
        gesteldOp: addDays(today, -20),
        door: sanne,
      },
    ],
  ];
  const stand = new Map<string, number>();
  for (const [voornaam, { id, ...data }] of goals) {
    const t = seeded.get(voornaam);
    if (!t) continue;
    const seenStand = stand.get(voornaam);
    stand.set(voornaam, (seenStand ?? 0) + 1);
    const mine = goals.filter(([v]) => v === voornaam).map(([, g]) => ({ ...g, versie: 1 }));
    await store.write({
      transitionId: t.id,
      item: { part: 'doel', id, data },
      event: {
        id: randomUUID(),
        transitionId: t.id,
        type: 'doel-gesteld',
        at: at(voornaam === 'Dewi' ? 20 : 120),
        actor: { soort: 'medewerker', ...sanne },
      },
      transitionSummary: {
        doelEvaluaties: doelEvaluaties(mine),
        begeleiderIds: t.begeleiders.map((b) => b.id),
        seenStand,
      },
    });
  }
}

// ---- Herstel: Persoonlijk Profiel and kwaliteit van bestaan (Anouk and Dewi, with Sanne) ----

const sanne = { id: 'u-sanne', naam: 'Sanne de Vries' };
const leegDomein = { huidig: '', wensen: '', vroeger: '' };

/**
 * Anouk wrote her profile at the start and again after the move, both agreed, and scored kwaliteit van bestaan
 * at the start, the move and six months on (the ZRM at the start and six months on); Dewi has a first profile
 * and a first scoring. Written through the pure commands, each with its timeline event on its own day.
 */
async function seedProfielEnKwaliteit(
  db: DynamoDBDocumentClient,
  tableName: string,
  seeded: Map<string, Transition>,
  today: IsoDate,
): Promise<void> {
  const store = new DynamoHerstelStore(db, tableName);
  const run = async (
    t: Transition,
    day: IsoDate,
    command: (ctx: HerstelCommandContext) => HerstelCommandResult,
  ): Promise<void> => {
    const items = await store.read(t.id);
    const decided = command({ items, today: day, actor: sanne, newId: randomUUID });
    await store.write({
      transitionId: t.id,
      item: decided.item,
      ...(decided.seenVersie === undefined ? {} : { seenVersie: decided.seenVersie }),
      event: {
        id: randomUUID(),
        transitionId: t.id,
        at: `${day}T10:00:00.000Z`,
        actor: { soort: 'medewerker', ...sanne },
        ...decided.event,
      },
    });
  };
  const profiel = (t: Transition, day: IsoDate, basis: number, input: Omit<NewProfielBody, 'gebaseerdOpVersie'>) =>
    run(t, day, (ctx) => newProfielVersie(NewProfielInput.parse({ ...input, gebaseerdOpVersie: basis }), ctx));
  const akkoord = (t: Transition, day: IsoDate, versie: number) =>
    run(t, day, (ctx) => agreeProfiel({ versie, op: day }, ctx));
  const score = (t: Transition, day: IsoDate, input: Omit<RecordScoreInput, 'op'>) =>
    run(t, day, (ctx) => recordScore(RecordScoreInput.parse({ ...input, op: day }), ctx));

  const anouk = seeded.get('Anouk')!;
  const moved = addDays(today, -200);
  const start = addDays(today, -290);
  const anoukDomeinen = {
    wonen: {
      huidig: 'Een kamer in het begeleid wonen. Ik deel de keuken, dat gaat wel.',
      wensen: 'Een eigen plek, rustig, dicht bij mijn zus in Houten.',
      vroeger: 'Woonde met mijn moeder; daarna een tijd op de bank bij vrienden.',
    },
    werken: {
      huidig: 'Geen werk. Ik help soms in de keuken van de opvang.',
      wensen: 'Werk waar ik met mijn handen bezig ben.',
      vroeger: 'Twee jaar bij een bakkerij gewerkt, vond ik fijn.',
    },
    leren: leegDomein,
    recreeren: {
      huidig: 'Wandelen met de hond van de buurvrouw.',
      wensen: 'Weer gaan zwemmen.',
      vroeger: 'Zat op zwemles en op voetbal.',
    },
    gezondheid: {
      huidig: 'Slaap slecht als er veel op me afkomt.',
      wensen: 'Beter slapen.',
      vroeger: '',
    },
    zelfzorg: {
      huidig: 'Geld is lastig, de begeleiding helpt met de post.',
      wensen: 'Zelf mijn rekeningen kunnen betalen.',
      vroeger: 'Mijn moeder regelde alles.',
    },
    'sociale-contacten': {
      huidig: 'Mijn zus Lotte belt elke week.',
      wensen: 'Vrienden die ik bij mij thuis kan uitnodigen.',
      vroeger: 'Een vriendengroep van school; uit het oog verloren.',
    },
    zingeving: {
      huidig: '',
      wensen: 'Iets doen waar anderen wat aan hebben.',
      vroeger: '',
    },
  };
  await profiel(anouk, start, 0, {
    domeinen: anoukDomeinen,
    belangrijksteWensen: [
      { levensdomein: 'wonen', wens: 'Een eigen plek dicht bij mijn zus' },
      { levensdomein: 'zelfzorg', wens: 'Zelf mijn rekeningen betalen' },
    ],
    opgesteldMet: 'Anouk, met haar zus Lotte',
  });
  await akkoord(anouk, addDays(start, 2), 1);
  await profiel(anouk, addDays(moved, 50), 1, {
    domeinen: {
      ...anoukDomeinen,
      wonen: {
        huidig: 'Mijn eigen appartement in Houten-Zuid. Het is nog kaal, maar het is van mij.',
        wensen: 'Het gezellig maken; de buren leren kennen.',
        vroeger: 'Een kamer in het begeleid wonen.',
      },
      werken: {
        huidig: 'Drie ochtenden bij de kringloop.',
        wensen: 'Een vaste baan bij de kringloop.',
        vroeger: 'Twee jaar bij een bakkerij gewerkt.',
      },
    },
    belangrijksteWensen: [
      { levensdomein: 'werken', wens: 'Een vaste baan bij de kringloop' },
      { levensdomein: 'sociale-contacten', wens: 'Vrienden bij mij thuis uitnodigen' },
      { levensdomein: 'zelfzorg', wens: 'Zelf mijn rekeningen betalen' },
    ],
    opgesteldMet: 'Anouk en Sanne',
  });
  await akkoord(anouk, addDays(moved, 52), 2);
  await score(anouk, start, {
    instrument: 'kvb',
    moment: 'start',
    scores: {
      'emotioneel-welbevinden': 2,
      'interpersoonlijke-relaties': 3,
      'materieel-welbevinden': 2,
      'persoonlijke-ontplooiing': 2,
      'lichamelijk-welbevinden': 3,
      zelfbepaling: 2,
      'sociale-inclusie': 1,
      rechten: 3,
    },
  });
  await score(anouk, addDays(moved, 7), {
    instrument: 'kvb',
    moment: 'verhuizing',
    scores: {
      'emotioneel-welbevinden': 3,
      'interpersoonlijke-relaties': 3,
      'materieel-welbevinden': 3,
      'persoonlijke-ontplooiing': 3,
      'lichamelijk-welbevinden': 3,
      zelfbepaling: 4,
      'sociale-inclusie': 2,
      rechten: 4,
    },
  });
  await score(anouk, addDays(today, -20), {
    instrument: 'kvb',
    moment: '6-maanden',
    scores: {
      'emotioneel-welbevinden': 4,
      'interpersoonlijke-relaties': 4,
      'materieel-welbevinden': 3,
      'persoonlijke-ontplooiing': 4,
      'lichamelijk-welbevinden': 3,
      zelfbepaling: 4,
      'sociale-inclusie': 3,
      rechten: 4,
    },
    toelichting: 'Anouk: "Ik heb nu echt een eigen plek, en werk."',
  });
  await score(anouk, start, {
    instrument: 'zrm',
    moment: 'start',
    scores: { financien: 2, 'werk-opleiding': 2, huisvesting: 2, 'sociaal-netwerk': 3, 'instrumentele-adl': 3 },
  });
  await score(anouk, addDays(today, -20), {
    instrument: 'zrm',
    moment: '6-maanden',
    scores: { financien: 3, 'werk-opleiding': 4, huisvesting: 5, 'sociaal-netwerk': 3, 'instrumentele-adl': 4 },
  });

  const dewi = seeded.get('Dewi')!;
  const dewiStart = addDays(today, -40);
  await profiel(dewi, dewiStart, 0, {
    domeinen: {
      wonen: {
        huidig: 'Nachtopvang in Overvecht; overdag op straat of in de bieb.',
        wensen: 'Een eigen deur die op slot kan.',
        vroeger: 'Bij mijn tante gewoond tot mijn achttiende.',
      },
      leren: {
        huidig: '',
        wensen: 'Mijn mbo-opleiding afmaken.',
        vroeger: 'Eén jaar mbo zorg gedaan.',
      },
      'sociale-contacten': {
        huidig: 'Mijn tante, soms.',
        wensen: 'Weer contact met mijn broertje.',
        vroeger: '',
      },
    },
    belangrijksteWensen: [
      { levensdomein: 'wonen', wens: 'Een eigen deur die op slot kan' },
      { levensdomein: 'leren', wens: 'Mijn opleiding afmaken' },
    ],
    opgesteldMet: 'Dewi en Sanne',
  });
  await akkoord(dewi, addDays(dewiStart, 1), 1);
  await score(dewi, dewiStart, {
    instrument: 'kvb',
    moment: 'start',
    scores: { 'emotioneel-welbevinden': 2, 'materieel-welbevinden': 1, zelfbepaling: 3, 'sociale-inclusie': 2 },
  });
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
        naam: 'Lotte',
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
        naam: 'Femke',
        relatie: 'maatje',
        band: 'steunend',
        watDoetHij: 'Maatje via de herstelacademie: samen wandelen, de cursus Herstellen doe je zelf',
        toestemmingBereikbaar: true,
        bereikbaar: 'femke.maatje@example.org',
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
