import { addDays, datumInWoorden, isValidIsoDate, type IsoDate } from '../common/calendar';
import { canChangeFase, isActive } from './lifecycle';
import { municipalityPolicy } from '../organisation/municipality-policy';
import { readinessItems, type ReadinessCheck, type ReadinessItemId } from './readiness';
import type { TimelineEventType } from './timeline';
import type { Transition } from './transition';
import type { UitkeringStatus } from '../uitkering/uitkering';
import {
  beeindigingRedenLabels,
  faseLabels,
  overdrachtPartijLabels,
  verblijfSoortLabels,
  type BeeindigingReden,
  type Fase,
  type VerblijfSoort,
} from '../common/vocabulary';
import type { Overdracht } from './traject-schemas';
import { nextMoveStep, type MoveAction } from './move-process';
import { currentPlan, type PlanVersion, type Sign } from '../signals/signaleringsplan';
import { scaleUpEndedText } from '../signals/signal-followup';
import { levelOn, oneDown, supportLevelLabels, type SupportChange } from '../support/support';
import { omvangInWoorden, type Toewijzing } from '../support/iwmo';
import { RuleViolation } from '../common/errors';
import {
  factorOordeelLabels,
  gelandBlockedBy,
  openReviews,
  risicofactoren,
  risicofactorLabels,
  type Landingsoordeel,
} from './landing';
import { gemeenteNaam } from '../organisation/municipalities';
import {
  gemeenteVanWijkcode,
  geaccepteerdeAanbieding,
  geldendeOmklapDatum,
  OMKLAP_DEFAULT_MONTHS,
  omklapEindbesluit,
  type Contract,
  type OmklapBesluit,
  type OmklapBesluitSoort,
  type WoningAanbieding,
} from '../woning/woning';

/**
 * Commands on a transition. Each is pure: it takes the current transition and returns the next one with the
 * timeline event that records it, or throws a RuleViolation that says, in Dutch, why not.
 */

export interface CommandContext {
  today: IsoDate;
  actor: { id: string; naam: string };
}

export interface CommandResult {
  next: Transition;
  event: { type: TimelineEventType; omschrijving?: string };
}

function requireActive(t: Transition): void {
  if (isActive(t)) return;
  if (t.fase === 'geland')
    throw new RuleViolation('De ondersteuning is overgedragen: pak de persoon eerst weer op om iets te wijzigen.');
  throw new RuleViolation(`Het traject is ${faseLabels[t.fase].toLowerCase()}: wijzigen kan niet meer.`);
}

function requireFase(t: Transition, fases: Fase[], wat: string): void {
  if (!fases.includes(t.fase)) {
    throw new RuleViolation(
      `${wat} kan in de fase ${fases.map((f) => faseLabels[f].toLowerCase()).join(' of ')}, niet in ${faseLabels[t.fase].toLowerCase()}.`,
    );
  }
}

export function changeFase(t: Transition, input: { naar: Fase; reden: string }, ctx: CommandContext): CommandResult {
  const decision = canChangeFase(t, input.naar, municipalityPolicy(t.gemeenteCode), ctx.today);
  if (!decision.allowed) throw new RuleViolation(decision.reden);
  const next: Transition = {
    ...t,
    fase: input.naar,
    // Landed is not the end: support goes on at waakvlam until a warm handover ends it.
    ...(input.naar === 'geland' ? { nazorg: { vorm: 'waakvlam' as const, sinds: ctx.today } } : {}),
  };
  return {
    next,
    event: {
      type: 'fase-gewijzigd',
      omschrijving: `${faseLabels[t.fase]} → ${faseLabels[input.naar]}: ${input.reden}`,
    },
  };
}

export function setReadiness(
  t: Transition,
  input: { item: ReadinessItemId; gedaan: boolean; gedaanOp?: IsoDate; notitie?: string },
  ctx: CommandContext,
): CommandResult {
  requireActive(t);
  const definition = readinessItems.find((i) => i.id === input.item)!;
  const gereedheid = { ...t.gereedheid };
  if (input.gedaan && definition.moment === 'na-woning' && !geaccepteerdeAanbieding(t.aanbiedingen)) {
    throw new RuleViolation(
      'Dit punt gaat over de nieuwe wijk: het kan pas als de woning bekend is (bij de verhuizing).',
    );
  }
  if (input.gedaan) {
    const gedaanOp = input.gedaanOp ?? ctx.today;
    if (gedaanOp > ctx.today) throw new RuleViolation('Een punt kan niet in de toekomst gedaan zijn.');
    const check: ReadinessCheck = { gedaanOp, door: ctx.actor, ...(input.notitie ? { notitie: input.notitie } : {}) };
    gereedheid[input.item] = check;
  } else {
    delete gereedheid[input.item];
  }
  return {
    next: { ...t, gereedheid },
    event: {
      type: 'gereedheid-bijgewerkt',
      omschrijving: `${definition.label}: ${input.gedaan ? 'gedaan' : 'weer open'}`,
    },
  };
}

export function registerOffer(
  t: Transition,
  offer: Omit<WoningAanbieding, 'status' | 'besluit'>,
  ctx: CommandContext,
): CommandResult {
  requireFase(t, ['woning'], 'Een woning registreren');
  if (geaccepteerdeAanbieding(t.aanbiedingen)) throw new RuleViolation('Er is al een geaccepteerde woning.');
  if (offer.reactieUiterlijk < ctx.today) throw new RuleViolation('De reactietermijn van dit aanbod is al verlopen.');
  // The woning is in the municipality of the transition: its wijk counts there (spreiding over wijken).
  if (offer.wijkcode && gemeenteVanWijkcode(offer.wijkcode) !== t.gemeenteCode) {
    const andere = gemeenteVanWijkcode(offer.wijkcode);
    throw new RuleViolation(
      `De wijkcode ${offer.wijkcode} hoort bij een andere gemeente (${andere}), ` +
        `niet bij ${gemeenteNaam(t.gemeenteCode)} (${t.gemeenteCode}).`,
    );
  }
  return {
    next: { ...t, aanbiedingen: [...t.aanbiedingen, { ...offer, status: 'open' }] },
    event: {
      type: 'woning-aangeboden',
      omschrijving: `${offer.adres.straat} ${offer.adres.huisnummer}, ${offer.wijk}`,
    },
  };
}

export function decideOffer(
  t: Transition,
  input: { aanbiedingId: string; besluit: 'geaccepteerd' | 'afgewezen'; reden?: string },
  ctx: CommandContext,
): CommandResult {
  requireFase(t, ['woning'], 'Over een woning beslissen');
  const offer = t.aanbiedingen.find((a) => a.id === input.aanbiedingId);
  if (!offer) throw new RuleViolation('Deze woning hoort niet bij dit traject.');
  if (offer.status !== 'open') throw new RuleViolation('Over deze woning is al besloten.');
  if (input.besluit === 'afgewezen' && !input.reden)
    throw new RuleViolation('Geef een reden waarom de woning is afgewezen.');
  if (input.besluit === 'geaccepteerd' && geaccepteerdeAanbieding(t.aanbiedingen))
    throw new RuleViolation('Er is al een geaccepteerde woning.');
  const decided: WoningAanbieding = {
    ...offer,
    status: input.besluit,
    besluit: { op: ctx.today, door: ctx.actor, ...(input.reden ? { reden: input.reden } : {}) },
  };
  return {
    next: { ...t, aanbiedingen: t.aanbiedingen.map((a) => (a.id === offer.id ? decided : a)) },
    event: {
      type: input.besluit === 'geaccepteerd' ? 'woning-geaccepteerd' : 'woning-afgewezen',
      omschrijving: `${offer.adres.straat} ${offer.adres.huisnummer}${input.reden ? `: ${input.reden}` : ''}`,
    },
  };
}

export function signContract(
  t: Transition,
  contract: Omit<Contract, 'aanbiedingId'>,
  ctx: CommandContext,
): CommandResult {
  requireFase(t, ['woning', 'verhuizing'], 'Het contract vastleggen');
  const offer = geaccepteerdeAanbieding(t.aanbiedingen);
  if (!offer) throw new RuleViolation('Accepteer eerst een woning.');
  if (contract.getekendOp > ctx.today) throw new RuleViolation('Het contract kan niet in de toekomst getekend zijn.');
  if (contract.ingangsdatum < offer.beschikbaarVanaf)
    throw new RuleViolation(`De woning is pas beschikbaar vanaf ${datumInWoorden(offer.beschikbaarVanaf)}.`);
  const vastgelegd: Contract = {
    ...contract,
    aanbiedingId: offer.id,
    ...(contract.vorm === 'driepartijenovereenkomst'
      ? { omklapNaMaanden: contract.omklapNaMaanden ?? OMKLAP_DEFAULT_MONTHS }
      : { omklapNaMaanden: undefined }),
  };
  return { next: { ...t, contract: vastgelegd }, event: { type: 'contract-getekend', omschrijving: contract.vorm } };
}

export function setMoveDate(t: Transition, verhuisdatum: IsoDate, ctx: CommandContext): CommandResult {
  requireFase(t, ['woning', 'verhuizing'], 'De verhuisdatum vastleggen');
  const offer = geaccepteerdeAanbieding(t.aanbiedingen);
  if (!offer) throw new RuleViolation('Accepteer eerst een woning.');
  if (!isValidIsoDate(verhuisdatum) || verhuisdatum < ctx.today)
    throw new RuleViolation('De verhuisdatum ligt in het verleden.');
  if (verhuisdatum < offer.beschikbaarVanaf)
    throw new RuleViolation(`De woning is pas beschikbaar vanaf ${datumInWoorden(offer.beschikbaarVanaf)}.`);
  if (verhuisdatum > addDays(ctx.today, 366))
    throw new RuleViolation('De verhuisdatum ligt meer dan een jaar vooruit.');
  return {
    next: { ...t, verhuisdatum },
    event: {
      type: 'verhuisdatum-vastgelegd',
      omschrijving: t.verhuisdatum ? `${t.verhuisdatum} → ${verhuisdatum}` : verhuisdatum,
    },
  };
}

export function setUitkering(t: Transition, status: UitkeringStatus, ctx: CommandContext): CommandResult {
  requireActive(t);
  const bijstand = status.bijzondereBijstand;
  const dates = [status.klaargezetOp, status.aangevraagdOp, status.besluitOp, bijstand?.aangevraagdOp].filter(
    (d): d is string => Boolean(d),
  );
  if (dates.some((d) => d > ctx.today))
    throw new RuleViolation('Klaarzetten, aanvraag en besluit kunnen niet in de toekomst liggen.');
  if (bijstand?.toegekend !== undefined && !bijstand.aangevraagdOp)
    throw new RuleViolation('Leg vast wanneer de bijzondere bijstand is aangevraagd.');
  if (bijstand?.bedragCent !== undefined && bijstand.toegekend !== true)
    throw new RuleViolation('Een bedrag hoort bij toegekende bijzondere bijstand.');
  if (status.aangevraagdOp && status.besluitOp && status.besluitOp < status.aangevraagdOp) {
    throw new RuleViolation('Het besluit kan niet vóór de aanvraag liggen.');
  }
  if (status.toegekend !== undefined && !status.besluitOp)
    throw new RuleViolation('Leg de besluitdatum vast bij toekennen of afwijzen.');
  if (status.ingangsdatum && status.toegekend !== true)
    throw new RuleViolation('Een ingangsdatum hoort bij een toegekende uitkering.');
  return { next: { ...t, uitkering: status }, event: { type: 'uitkering-bijgewerkt' } };
}

/**
 * The steps the move workflow takes. Each first checks, with the same pure rule the workflow used to pick
 * it, that the step is still due: a retried or a late duplicate task then changes nothing.
 */
export interface MoveStepFacts {
  /** Whether moving costs are approved or paid from the regelbudget (asked on the confirmation day). */
  verhuiskostenGedekt: boolean;
}

export function applyMoveStep(
  t: Transition,
  stap: MoveAction,
  ctx: CommandContext,
  facts: MoveStepFacts = { verhuiskostenGedekt: true },
): CommandResult {
  const due = nextMoveStep(t, municipalityPolicy(t.gemeenteCode), ctx.today);
  if (due.stap !== stap) throw new RuleViolation(`De stap ${stap} is niet meer aan de beurt (nu: ${due.stap}).`);
  const m = t.verhuisproces;
  const verhuisdatum = t.verhuisdatum ?? ctx.today;
  switch (stap) {
    case 'uitkering-taak':
      return {
        next: { ...t, verhuisproces: { ...m, uitkeringTaakVoor: verhuisdatum } },
        event: {
          type: 'taak-aangemaakt',
          omschrijving: 'De uitkering start mogelijk niet op de verhuisdatum: neem contact op met Werk & Inkomen.',
        },
      };
    case 'vraag-bevestiging':
      return {
        next: {
          ...t,
          verhuisproces: {
            ...m,
            bevestigingGevraagdVoor: verhuisdatum,
            verhuiskostenOngedekt: !facts.verhuiskostenGedekt,
          },
        },
        event: {
          type: 'taak-aangemaakt',
          omschrijving:
            `Bevestig de ondersteuning rond de verhuizing en het budget voor ${datumInWoorden(verhuisdatum)}.` +
            (facts.verhuiskostenGedekt ? '' : ' Let op: de verhuiskosten zijn nog niet gedekt uit het regelbudget.'),
        },
      };
    case 'vraag-verhuisbevestiging':
      // The clock asks; only the duo's confirmation records the move (confirmMove).
      return {
        next: { ...t, verhuisproces: { ...m, verhuisbevestigingGevraagdVoor: verhuisdatum } },
        event: {
          type: 'taak-aangemaakt',
          omschrijving: `De verhuizing stond gepland op ${datumInWoorden(verhuisdatum)}: bevestig dat ${t.persoon.voornaam} is verhuisd, of geef de nieuwe datum.`,
        },
      };
    case 'evaluatie':
      return {
        next: { ...t, verhuisproces: { ...m, evaluatieGepland: ctx.today } },
        event: { type: 'evaluatie-gepland', omschrijving: 'Evalueer de eerste weken in de nieuwe woning.' },
      };
    case 'landingsreview': {
      const maanden = due.stap === 'landingsreview' ? due.maanden : 0;
      const factoren = risicofactoren.map((f) => risicofactorLabels[f].toLowerCase()).join(', ');
      return {
        next: { ...t, verhuisproces: { ...m, landingsreviewGevraagd: maanden } },
        event: {
          type: 'taak-aangemaakt',
          omschrijving:
            `Landingsreview na ${maanden} maanden: is ${t.persoon.voornaam} geland? Kijk samen naar ${factoren}, ` +
            'en vraag hoe de persoon het zelf ziet.',
        },
      };
    }
    case 'omklap-aankondigen': {
      const datum = t.contract ? geldendeOmklapDatum(t.contract, t.omklapBesluiten) : undefined;
      return {
        next: { ...t, verhuisproces: { ...m, omklapAangekondigd: ctx.today } },
        event: {
          type: 'omklap-aangekondigd',
          omschrijving:
            `Omklap gepland op ${datum ? datumInWoorden(datum) : ''}; de corporatie wordt geïnformeerd. ` +
            'Besluit met de corporatie en de persoon: omklap, uitstel of niet.',
        },
      };
    }
    case 'omklap-herinneren': {
      const datum = t.contract ? geldendeOmklapDatum(t.contract, t.omklapBesluiten) : undefined;
      return {
        next: { ...t, verhuisproces: { ...m, omklapHerinnerdVoor: datum } },
        event: {
          type: 'taak-aangemaakt',
          omschrijving: `Er is nog geen besluit over de omklap van ${datum ?? ''}: besluit met de corporatie (omklap, uitstel of niet).`,
        },
      };
    }
  }
}

/** The duo confirms the move: moved on a day (not in the future), or not yet, with the new date. */
export function confirmMove(
  t: Transition,
  input: { verhuisd: true; op: IsoDate } | { verhuisd: false; nieuweDatum: IsoDate },
  ctx: CommandContext,
): CommandResult {
  requireFase(t, ['woning', 'verhuizing'], 'De verhuizing bevestigen');
  if (t.verhuisdOp) throw new RuleViolation('De verhuizing is al bevestigd.');
  if (!input.verhuisd) return setMoveDate(t, input.nieuweDatum, ctx);
  const offer = geaccepteerdeAanbieding(t.aanbiedingen);
  if (!offer || !t.contract) throw new RuleViolation('Leg eerst de woning en het getekende contract vast.');
  if (input.op > ctx.today) throw new RuleViolation('Een verhuizing kan niet in de toekomst bevestigd worden.');
  if (input.op < offer.beschikbaarVanaf)
    throw new RuleViolation(`De woning is pas beschikbaar vanaf ${datumInWoorden(offer.beschikbaarVanaf)}.`);
  return {
    next: { ...t, verhuisdOp: input.op, verhuisdatum: input.op },
    event: {
      type: 'verhuisd',
      omschrijving: `Verhuisd op ${datumInWoorden(input.op)}, bevestigd door ${ctx.actor.naam}`,
    },
  };
}

/**
 * The omklap decision, taken by the duo and the corporation with the person. Only omklap puts the lease on
 * the person's name (and tells the corporation); uitstel moves the date; niet keeps the
 * driepartijenovereenkomst. One final decision: after omklap or niet nothing more is decided here.
 */
export function recordOmklapDecision(
  t: Transition,
  input: { besluit: OmklapBesluitSoort; per?: IsoDate; nieuweDatum?: IsoDate; reden?: string; genomenDoor: string },
  ctx: CommandContext,
): CommandResult {
  requireActive(t);
  const datum = t.contract ? geldendeOmklapDatum(t.contract, t.omklapBesluiten) : undefined;
  if (!t.contract || !datum) throw new RuleViolation('Alleen een driepartijenovereenkomst klapt om.');
  if (!t.verhuisdOp) throw new RuleViolation('Over de omklap wordt pas besloten na de verhuizing.');
  if (omklapEindbesluit(t.omklapBesluiten)) throw new RuleViolation('Over de omklap is al besloten.');
  const besluit: OmklapBesluit = {
    besluit: input.besluit,
    genomenDoor: input.genomenDoor,
    op: ctx.today,
    door: ctx.actor,
  };
  let omschrijving: string;
  if (input.besluit === 'omklap') {
    if (!input.per) throw new RuleViolation('Geef de datum waarop het huurcontract op naam van de persoon komt.');
    if (input.per < t.contract.ingangsdatum) throw new RuleViolation('De omklap kan niet vóór de ingangsdatum liggen.');
    besluit.per = input.per;
    omschrijving = `Het huurcontract staat vanaf ${datumInWoorden(input.per)} op naam van ${t.persoon.voornaam}. Besloten door ${input.genomenDoor}.`;
  } else {
    if (!input.reden) throw new RuleViolation('Geef een reden.');
    besluit.reden = input.reden;
    if (input.besluit === 'uitstel') {
      if (!input.nieuweDatum || input.nieuweDatum <= ctx.today)
        throw new RuleViolation('Geef een nieuwe omklapdatum in de toekomst.');
      if (input.nieuweDatum > addDays(ctx.today, 3 * 366))
        throw new RuleViolation('De nieuwe omklapdatum ligt meer dan drie jaar vooruit.');
      besluit.nieuweDatum = input.nieuweDatum;
      omschrijving = `Uitstel: omklap op ${datumInWoorden(input.nieuweDatum)} in plaats van ${datum ? datumInWoorden(datum) : 'de oude datum'}. ${input.reden} (besloten door ${input.genomenDoor})`;
    } else {
      omschrijving = `Geen omklap: ${input.reden} (besloten door ${input.genomenDoor})`;
    }
  }
  return {
    next: { ...t, omklapBesluiten: [...t.omklapBesluiten, besluit] },
    event: { type: input.besluit === 'omklap' ? 'omklap-uitgevoerd' : 'omklap-besloten', omschrijving },
  };
}

/** The judgement of a landing review: the four factors, the person's own view, and geland or not yet. */
export function recordLandingReview(
  t: Transition,
  input: Pick<Landingsoordeel, 'factoren' | 'perspectiefPersoon' | 'geland'>,
  ctx: CommandContext,
): CommandResult {
  requireActive(t);
  if (!t.verhuisdOp) throw new RuleViolation('De landing wordt beoordeeld na de verhuizing.');
  const atRisk = gelandBlockedBy(input.factoren);
  if (input.geland && atRisk.length > 0) {
    throw new RuleViolation(
      `Geland kan niet zolang er een risico op terugval is: ${atRisk.map((f) => risicofactorLabels[f].toLowerCase()).join(', ')}.`,
    );
  }
  // It answers the review that was asked for, when that one has no judgement yet.
  const [maanden] = openReviews(
    t.verhuisproces.landingsreviewGevraagd ? [t.verhuisproces.landingsreviewGevraagd] : [],
    t.landingsoordelen,
  );
  const oordeel: Landingsoordeel = { ...(maanden ? { maanden } : {}), ...input, op: ctx.today, door: ctx.actor };
  const samenvatting = risicofactoren
    .map((f) => `${risicofactorLabels[f]}: ${factorOordeelLabels[input.factoren[f].oordeel].toLowerCase()}`)
    .join('; ');
  return {
    next: { ...t, landingsoordelen: [...t.landingsoordelen, oordeel] },
    event: {
      type: 'landing-beoordeeld',
      omschrijving: `${maanden ? `Na ${maanden} maanden: ` : ''}${input.geland ? 'geland' : 'nog niet geland'}. ${samenvatting}`,
    },
  };
}

/** A change of ambulant support: level and modalities from a day, optionally temporary (until `tot`). */
export function changeSupport(
  t: Transition,
  input: Pick<SupportChange, 'niveau' | 'modaliteiten' | 'reden' | 'vanaf' | 'tot' | 'signaalId'> & { id: string },
  ctx: CommandContext,
): CommandResult {
  requireActive(t);
  if (input.tot && input.tot < input.vanaf) throw new RuleViolation('Het einde ligt vóór het begin.');
  if (input.vanaf < addDays(ctx.today, -31))
    throw new RuleViolation('Een wijziging kan hooguit een maand terug ingaan.');
  const before = levelOn(t.ondersteuning, input.vanaf);
  const change: SupportChange = {
    ...input,
    door: ctx.actor,
    ...(input.tot ? { tot: input.tot } : {}),
    ...(input.signaalId ? { signaalId: input.signaalId } : {}),
  };
  return {
    next: { ...t, ondersteuning: [...t.ondersteuning, change] },
    event: {
      type: 'ondersteuning-gewijzigd',
      omschrijving:
        `${before ? supportLevelLabels[before] : 'Start'} → ${supportLevelLabels[input.niveau]} vanaf ${datumInWoorden(input.vanaf)}` +
        `${input.tot ? ` tot en met ${input.tot}` : ''}: ${input.reden}`,
    },
  };
}

/** The review of a scale-up: confirm it, scale down one step from today, or extend it to a new end. */
export function reviewSupport(
  t: Transition,
  input: { wijzigingId: string; uitkomst: 'bevestigd' | 'afgeschaald' | 'verlengd'; tot?: IsoDate; newId: string },
  ctx: CommandContext,
): CommandResult {
  requireActive(t);
  const reviewed = t.ondersteuning.find((c) => c.id === input.wijzigingId);
  if (!reviewed) throw new RuleViolation('Deze wijziging van de ondersteuning hoort niet bij dit traject.');
  const review = { wijzigingId: reviewed.id, op: ctx.today, uitkomst: input.uitkomst, door: ctx.actor };
  let ondersteuning = t.ondersteuning;
  if (input.uitkomst === 'afgeschaald') {
    const current = levelOn(t.ondersteuning, ctx.today) ?? reviewed.niveau;
    ondersteuning = [
      ...ondersteuning,
      {
        id: input.newId,
        niveau: oneDown(current),
        modaliteiten: reviewed.modaliteiten,
        reden: 'Afgeschaald na evaluatie',
        vanaf: ctx.today,
        door: ctx.actor,
      },
    ];
  }
  if (input.uitkomst === 'verlengd') {
    if (!input.tot || input.tot <= ctx.today) throw new RuleViolation('Geef een nieuwe einddatum in de toekomst.');
    // A new end: the end that may already have been announced is not the end any more.
    ondersteuning = ondersteuning.map((c) =>
      c.id === reviewed.id ? { ...c, tot: input.tot, afgelopenGemeldOp: undefined } : c,
    );
  }
  return {
    next: { ...t, ondersteuning, ondersteuningEvaluaties: [...t.ondersteuningEvaluaties, review] },
    event: {
      type: 'ondersteuning-geevalueerd',
      omschrijving: `${supportLevelLabels[reviewed.niveau]}: ${input.uitkomst}${input.tot ? ` tot en met ${input.tot}` : ''}`,
    },
  };
}

/** The follow-up workflow records, the day after, that a temporary change of support has ended. */
export function recordScaleUpEnded(t: Transition, wijzigingId: string, ctx: CommandContext): CommandResult {
  const ended = t.ondersteuning.find((c) => c.id === wijzigingId);
  if (!ended?.tot || ended.tot >= ctx.today)
    throw new RuleViolation('Deze wijziging van de ondersteuning is nog niet afgelopen.');
  if (ended.afgelopenGemeldOp) throw new RuleViolation('Het einde van deze wijziging is al vastgelegd.');
  return {
    next: {
      ...t,
      ondersteuning: t.ondersteuning.map((c) => (c === ended ? { ...c, afgelopenGemeldOp: ctx.today } : c)),
    },
    event: { type: 'opschaling-afgelopen', omschrijving: scaleUpEndedText(t.ondersteuning, ended) },
  };
}

/** A new version of the signaleringsplan (the previous ones stay, as they were agreed). */
export function savePlan(
  t: Transition,
  input: { tekens: Sign[]; opgesteldMet: string },
  ctx: CommandContext,
): CommandResult {
  requireActive(t);
  const versie = (currentPlan(t.signaleringsplan)?.versie ?? 0) + 1;
  const version: PlanVersion = {
    versie,
    tekens: input.tekens,
    opgesteldMet: input.opgesteldMet,
    vastgelegdOp: ctx.today,
    vastgelegdDoor: ctx.actor,
  };
  return {
    next: { ...t, signaleringsplan: [...t.signaleringsplan, version] },
    event: {
      type: 'signaleringsplan-vastgelegd',
      omschrijving: `Versie ${versie}, opgesteld met ${input.opgesteldMet}: ${input.tekens.length} tekens`,
    },
  };
}

/** The person agrees to the version in force, on a day (not in the future). */
export function agreePlan(t: Transition, input: { versie: number; op: IsoDate }, ctx: CommandContext): CommandResult {
  const plan = currentPlan(t.signaleringsplan);
  if (!plan || plan.versie !== input.versie)
    throw new RuleViolation('Alleen de geldende versie van het plan kan akkoord krijgen.');
  if (input.op > ctx.today) throw new RuleViolation('Het akkoord kan niet in de toekomst liggen.');
  if (input.op < plan.vastgelegdOp)
    throw new RuleViolation('Het akkoord kan niet vóór het vastleggen van deze versie liggen.');
  return {
    next: { ...t, signaleringsplan: [...t.signaleringsplan.slice(0, -1), { ...plan, akkoordPersoonOp: input.op }] },
    event: {
      type: 'signaleringsplan-akkoord',
      omschrijving: `Versie ${plan.versie}, akkoord op ${datumInWoorden(input.op)}`,
    },
  };
}

/**
 * Records the municipality's allocation (iWmo toegewezen product) as the provider received it. A new one
 * replaces the previous: Landing compares the planned support with the allocation in force, and the
 * timeline keeps what was recorded before.
 */
export function recordAllocation(
  t: Transition,
  input: Omit<Toewijzing, 'vastgelegdOp' | 'vastgelegdDoor'>,
  ctx: CommandContext,
): CommandResult {
  requireActive(t);
  if (input.einddatum && input.einddatum < input.ingangsdatum)
    throw new RuleViolation('De einddatum van de toewijzing ligt vóór de ingangsdatum.');
  const toewijzing: Toewijzing = { ...input, vastgelegdOp: ctx.today, vastgelegdDoor: ctx.actor };
  return {
    next: { ...t, toewijzing },
    event: {
      type: 'toewijzing-vastgelegd',
      omschrijving: `${input.toewijzingNummer}: ${omvangInWoorden(input.omvang)} vanaf ${datumInWoorden(input.ingangsdatum)}${input.einddatum ? ` tot en met ${datumInWoorden(input.einddatum)}` : ''}`,
    },
  };
}

/**
 * A stay elsewhere for a while: an opname, a logeerplek or crisisopvang ("mogelijkheid om te logeren bij
 * terugval", Bouwen aan een thuis). The phase, the support, the signals and the follow-up go on; by default
 * the woning is kept. Not an end: the person comes back to the phase they were in.
 */
export function startTemporaryStay(
  t: Transition,
  input: { soort: VerblijfSoort; sinds: IsoDate; woningBehouden?: boolean; toelichting?: string },
  ctx: CommandContext,
): CommandResult {
  requireActive(t);
  if (t.tijdelijkVerblijf) throw new RuleViolation('De persoon is al tijdelijk elders.');
  if (input.sinds > ctx.today) throw new RuleViolation('Een verblijf elders kan niet in de toekomst beginnen.');
  if (input.sinds < addDays(ctx.today, -31))
    throw new RuleViolation('Een verblijf elders kan hooguit een maand terug beginnen.');
  const woningBehouden = input.woningBehouden ?? true;
  return {
    next: {
      ...t,
      tijdelijkVerblijf: {
        soort: input.soort,
        sinds: input.sinds,
        woningBehouden,
        ...(input.toelichting ? { toelichting: input.toelichting } : {}),
      },
    },
    event: {
      type: 'tijdelijk-verblijf-gestart',
      omschrijving:
        `${verblijfSoortLabels[input.soort]} vanaf ${datumInWoorden(input.sinds)}; ${woningBehouden ? 'woning behouden' : 'woning niet behouden'}` +
        `${input.toelichting ? `: ${input.toelichting}` : ''}`,
    },
  };
}

/** Back home, in the phase the transition is in: it never left it. */
export function endTemporaryStay(t: Transition, input: { op: IsoDate }, ctx: CommandContext): CommandResult {
  requireActive(t);
  const stay = t.tijdelijkVerblijf;
  if (!stay) throw new RuleViolation('De persoon is niet tijdelijk elders.');
  if (input.op > ctx.today) throw new RuleViolation('De terugkeer kan niet in de toekomst liggen.');
  if (input.op < stay.sinds) throw new RuleViolation('De terugkeer ligt vóór het begin van het verblijf.');
  const { tijdelijkVerblijf: _ended, ...rest } = t;
  return {
    next: rest,
    event: {
      type: 'tijdelijk-verblijf-afgelopen',
      omschrijving: `Weer thuis op ${datumInWoorden(input.op)}, fase ${faseLabels[t.fase].toLowerCase()}`,
    },
  };
}

/** Ending is its own decision with a reason from the list; nothing else ends a transition. */
export function endTransition(
  t: Transition,
  input: { reden: BeeindigingReden; toelichting?: string },
  ctx: CommandContext,
): CommandResult {
  if (t.fase === 'beeindigd') throw new RuleViolation('Het traject is al beëindigd.');
  requireActive(t);
  if (input.reden === 'anders' && !input.toelichting) throw new RuleViolation('Licht toe waarom het traject eindigt.');
  const { tijdelijkVerblijf: _stay, ...rest } = t;
  return {
    next: {
      ...rest,
      fase: 'beeindigd',
      vorigeFase: t.fase,
      beeindiging: {
        reden: input.reden,
        ...(input.toelichting ? { toelichting: input.toelichting } : {}),
        op: ctx.today,
        door: ctx.actor,
      },
    },
    event: {
      type: 'traject-beeindigd',
      omschrijving:
        `${beeindigingRedenLabels[input.reden]} (fase ${faseLabels[t.fase].toLowerCase()})` +
        `${input.toelichting ? `: ${input.toelichting}` : ''}`,
    },
  };
}

/** After geland, the nazorg ends with a warm handover: to whom, when and what was handed over. */
export function handOver(t: Transition, overdracht: Overdracht, ctx: CommandContext): CommandResult {
  if (t.fase !== 'geland' || t.nazorg?.vorm !== 'waakvlam')
    throw new RuleViolation('Een warme overdracht kan na geland, zolang de nazorg loopt.');
  if (overdracht.op > ctx.today) throw new RuleViolation('De overdracht kan niet in de toekomst liggen.');
  if (overdracht.op < t.nazorg.sinds) throw new RuleViolation('De overdracht ligt vóór het begin van de nazorg.');
  return {
    next: { ...t, nazorg: { vorm: 'overgedragen', sinds: t.nazorg.sinds, overdracht } },
    event: {
      type: 'nazorg-overgedragen',
      omschrijving:
        `Aan ${overdrachtPartijLabels[overdracht.aan].toLowerCase()} (${overdracht.contactpersoon}) op ` +
        `${overdracht.op}: ${overdracht.overgedragen}`,
    },
  };
}

/** A landed person is picked up again, without a new aanmelding: the nazorg goes on at waakvlam. */
export function pickUpAgain(t: Transition, input: { reden: string }, ctx: CommandContext): CommandResult {
  if (t.fase !== 'geland') throw new RuleViolation('Weer oppakken kan na geland.');
  if (t.nazorg?.vorm === 'waakvlam') throw new RuleViolation('De nazorg loopt al.');
  return {
    next: { ...t, nazorg: { vorm: 'waakvlam', sinds: ctx.today } },
    event: { type: 'nazorg-weer-opgepakt', omschrijving: input.reden },
  };
}
