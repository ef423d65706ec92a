import * as z from 'zod';
import type { IsoDate } from '../common/calendar';
import { isActive } from '../transition/lifecycle';
import { changeOn } from '../support/support';
import type { Transition } from '../transition/transition';
import {
  geaccepteerdeAanbieding,
  geldendeOmklapDatum,
  omklapDatum,
  omklapEindbesluit,
  type WoningAanbieding,
} from '../woning/woning';

/**
 * Notices to a housing corporation about a home it lets (seed 004, bouwsteen Wonen: "korte lijnen tussen
 * woningcorporatie en zorgorganisatie"). What a corporation needs and nothing more ("informatiearm"): its
 * own references (address, unit number, contract number), a pseudonymous person reference, dates, the
 * contact person of the support and whether support is reachable around the clock. Never health, signals,
 * budget, benefit or the reasons of anything.
 *
 * Each kind has a strict schema: it is the allow-list. A field not named here cannot leave Landing, and
 * a test checks every kind against it.
 */
export const noticeKinds = [
  'aanbod-geaccepteerd',
  'aanbod-afgewezen',
  'contract-getekend',
  'verhuisdatum-vastgelegd',
  'verhuisd',
  'contactpersoon-gewijzigd',
  'bereikbaarheid-gewijzigd',
  'omklap-aangekondigd',
  'omklap-uitgevoerd',
  'tijdelijk-elders',
  'weer-thuis',
  'traject-beeindigd',
  'test',
] as const;
export type NoticeKind = (typeof noticeKinds)[number];

/** CloudEvents `type`, reverse-DNS without an organisation's name, one per kind (NL GOV profile). */
export const noticeTypes: Record<NoticeKind, string> = {
  'aanbod-geaccepteerd': 'nl.beschermdthuis.woning.aanbod-geaccepteerd',
  'aanbod-afgewezen': 'nl.beschermdthuis.woning.aanbod-afgewezen',
  'contract-getekend': 'nl.beschermdthuis.woning.contract-getekend',
  'verhuisdatum-vastgelegd': 'nl.beschermdthuis.verhuizing.datum-vastgelegd',
  verhuisd: 'nl.beschermdthuis.verhuizing.verhuisd',
  'contactpersoon-gewijzigd': 'nl.beschermdthuis.ondersteuning.contactpersoon-gewijzigd',
  'bereikbaarheid-gewijzigd': 'nl.beschermdthuis.ondersteuning.bereikbaarheid-gewijzigd',
  'omklap-aangekondigd': 'nl.beschermdthuis.huurcontract.omklap-aangekondigd',
  'omklap-uitgevoerd': 'nl.beschermdthuis.huurcontract.omklap-uitgevoerd',
  'tijdelijk-elders': 'nl.beschermdthuis.ondersteuning.tijdelijk-elders',
  'weer-thuis': 'nl.beschermdthuis.ondersteuning.weer-thuis',
  'traject-beeindigd': 'nl.beschermdthuis.traject.beeindigd',
  test: 'nl.beschermdthuis.test',
};

export const noticeLabels: Record<NoticeKind, string> = {
  'aanbod-geaccepteerd': 'Woningaanbod geaccepteerd',
  'aanbod-afgewezen': 'Woningaanbod afgewezen',
  'contract-getekend': 'Huurcontract getekend',
  'verhuisdatum-vastgelegd': 'Verhuisdatum vastgelegd of gewijzigd',
  verhuisd: 'Verhuisd',
  'contactpersoon-gewijzigd': 'Contactpersoon van de begeleiding gewijzigd',
  'bereikbaarheid-gewijzigd': 'Bereikbaarheid van de begeleiding (24/7) gewijzigd',
  'omklap-aangekondigd': 'Omklap naar eigen huurcontract aangekondigd',
  'omklap-uitgevoerd': 'Omklap uitgevoerd',
  'tijdelijk-elders': 'Tijdelijk elders; de begeleiding gaat door',
  'weer-thuis': 'Weer thuis',
  'traject-beeindigd': 'Traject beëindigd',
  test: 'Testmelding',
};

const IsoDateSchema = z.iso.date();
const Woning = z
  .object({
    adres: z.object({ straat: z.string(), huisnummer: z.string(), postcode: z.string(), plaats: z.string() }).strict(),
    eenheidnummer: z.string().optional(),
  })
  .strict();
const Contactpersoon = z.object({ naam: z.string(), telefoon: z.string().optional() }).strict();
const base = { persoonRef: z.string(), woning: Woning };

export const noticeDataSchemas = {
  'aanbod-geaccepteerd': z
    .object({ ...base, beschikbaarVanaf: IsoDateSchema, contactpersoon: Contactpersoon, bereikbaar24uur: z.boolean() })
    .strict(),
  'aanbod-afgewezen': z.object(base).strict(),
  'contract-getekend': z
    .object({
      ...base,
      contract: z
        .object({
          vorm: z.enum(['driepartijenovereenkomst', 'eigen-huurcontract']),
          ingangsdatum: IsoDateSchema,
          contractnummer: z.string().optional(),
          omklapDatum: IsoDateSchema.optional(),
          garantstelling: z.boolean(),
        })
        .strict(),
    })
    .strict(),
  'verhuisdatum-vastgelegd': z
    .object({ ...base, verhuisdatum: IsoDateSchema, vorigeVerhuisdatum: IsoDateSchema.optional() })
    .strict(),
  verhuisd: z.object({ ...base, verhuisdOp: IsoDateSchema }).strict(),
  'contactpersoon-gewijzigd': z.object({ ...base, contactpersoon: Contactpersoon }).strict(),
  'bereikbaarheid-gewijzigd': z.object({ ...base, bereikbaar24uur: z.boolean() }).strict(),
  'omklap-aangekondigd': z
    .object({ ...base, omklapDatum: IsoDateSchema, contractnummer: z.string().optional() })
    .strict(),
  'omklap-uitgevoerd': z
    .object({ ...base, omklapDatum: IsoDateSchema, contractnummer: z.string().optional() })
    .strict(),
  // Under a driepartijenovereenkomst the lease rests on the support: that it goes on, and whether the home
  // is kept. Never what kind of stay (an opname is health) nor why.
  'tijdelijk-elders': z
    .object({ ...base, sinds: IsoDateSchema, woningBehouden: z.boolean(), begeleidingGaatDoor: z.literal(true) })
    .strict(),
  'weer-thuis': z.object(base).strict(),
  'traject-beeindigd': z.object(base).strict(),
  test: z.object({ bericht: z.string() }).strict(),
} satisfies Record<NoticeKind, z.ZodType>;

export type NoticeData<K extends NoticeKind> = z.infer<(typeof noticeDataSchemas)[K]>;

/** A notice for one corporation, before it becomes a CloudEvent: which kind, for whom, and its data. */
export interface Notice<K extends NoticeKind = NoticeKind> {
  soort: K;
  corporatieId: string;
  data: NoticeData<K>;
}

/** Support is reachable around the clock: intensief, or remote support 24/7 among its forms. */
export function reachable24h(t: Pick<Transition, 'ondersteuning'>, today: IsoDate): boolean {
  const current = changeOn(t.ondersteuning, today);
  return Boolean(current && (current.niveau === 'intensief' || current.modaliteiten.includes('remote-24-7')));
}

/**
 * The notices one change of a transition causes, as the difference between before and after: pure, so the
 * same command path that stores the change writes its notices in the same transaction (the outbox).
 */
export function noticesFor(before: Transition, next: Transition, today: IsoDate): Notice[] {
  const notices: Notice[] = [];
  const woning = (offer: WoningAanbieding) => ({
    adres: { ...offer.adres },
    ...(offer.eenheidnummer ? { eenheidnummer: offer.eenheidnummer } : {}),
  });
  const notice = <K extends NoticeKind>(
    soort: K,
    offer: WoningAanbieding,
    data: Omit<NoticeData<K>, 'persoonRef' | 'woning'>,
  ) =>
    notices.push({
      soort,
      corporatieId: offer.corporatieId,
      data: { persoonRef: next.persoonRef, woning: woning(offer), ...data } as NoticeData<K>,
    });

  for (const offer of next.aanbiedingen) {
    const was = before.aanbiedingen.find((a) => a.id === offer.id)?.status;
    if (offer.status === 'afgewezen' && was !== 'afgewezen') notice('aanbod-afgewezen', offer, {});
    if (offer.status === 'geaccepteerd' && was !== 'geaccepteerd') {
      notice('aanbod-geaccepteerd', offer, {
        beschikbaarVanaf: offer.beschikbaarVanaf,
        contactpersoon: contactpersoon(next),
        bereikbaar24uur: reachable24h(next, today),
      });
    }
  }

  const placed = geaccepteerdeAanbieding(next.aanbiedingen);
  if (!placed) return notices;
  const wasPlaced = Boolean(geaccepteerdeAanbieding(before.aanbiedingen));
  const c = next.contract;
  if (c && JSON.stringify(c) !== JSON.stringify(before.contract)) {
    const omklap = omklapDatum(c);
    notice('contract-getekend', placed, {
      contract: {
        vorm: c.vorm,
        ingangsdatum: c.ingangsdatum,
        ...(c.contractnummer ? { contractnummer: c.contractnummer } : {}),
        ...(omklap ? { omklapDatum: omklap } : {}),
        garantstelling: Boolean(c.garantstelling),
      },
    });
  }
  if (next.verhuisdatum && next.verhuisdatum !== before.verhuisdatum) {
    notice('verhuisdatum-vastgelegd', placed, {
      verhuisdatum: next.verhuisdatum,
      ...(before.verhuisdatum ? { vorigeVerhuisdatum: before.verhuisdatum } : {}),
    });
  }
  if (next.verhuisdOp && !before.verhuisdOp) notice('verhuisd', placed, { verhuisdOp: next.verhuisdOp });
  if (wasPlaced && contactKey(next) !== contactKey(before))
    notice('contactpersoon-gewijzigd', placed, { contactpersoon: contactpersoon(next) });
  // A temporary change that ran out is over on `today` in both versions: compare with its last day instead,
  // so the record of its end (recordScaleUpEnded) is when the corporation hears that reachability changed.
  const endRecorded = next.ondersteuning.find(
    (c) => c.tot && c.afgelopenGemeldOp && !before.ondersteuning.find((b) => b.id === c.id)?.afgelopenGemeldOp,
  );
  const wasReachable = reachable24h(before, endRecorded?.tot ?? today);
  if (wasPlaced && reachable24h(next, today) !== wasReachable)
    notice('bereikbaarheid-gewijzigd', placed, { bereikbaar24uur: reachable24h(next, today) });
  const omklap = c ? geldendeOmklapDatum(c, next.omklapBesluiten) : undefined;
  const contractnummer = c?.contractnummer ? { contractnummer: c.contractnummer } : {};
  if (omklap && next.verhuisproces.omklapAangekondigd && !before.verhuisproces.omklapAangekondigd)
    notice('omklap-aangekondigd', placed, { omklapDatum: omklap, ...contractnummer });
  // An uitstel tells the corporation the new date: the driepartijenovereenkomst, its lease, runs on until then.
  if (omklap && c && omklap !== geldendeOmklapDatum(c, before.omklapBesluiten))
    notice('omklap-aangekondigd', placed, { omklapDatum: omklap, ...contractnummer });
  // Only a recorded omklap decision puts the lease on the person's name.
  const omgeklapt = omklapEindbesluit(next.omklapBesluiten);
  if (omgeklapt?.besluit === 'omklap' && omgeklapt.per && !omklapEindbesluit(before.omklapBesluiten))
    notice('omklap-uitgevoerd', placed, { omklapDatum: omgeklapt.per, ...contractnummer });
  const leaseOnSupport = c?.vorm === 'driepartijenovereenkomst' && omgeklapt?.besluit !== 'omklap';
  const stay = next.tijdelijkVerblijf;
  if (leaseOnSupport && stay && !before.tijdelijkVerblijf)
    notice('tijdelijk-elders', placed, {
      sinds: stay.sinds,
      woningBehouden: stay.woningBehouden,
      begeleidingGaatDoor: true,
    });
  if (leaseOnSupport && before.tijdelijkVerblijf && !stay && isActive(next)) notice('weer-thuis', placed, {});
  // Ended, by the decision to end or by the warm handover after geland: the corporation hears that the
  // support ends, never why.
  if (isActive(before) && !isActive(next)) notice('traject-beeindigd', placed, {});
  return notices;
}

/** The first begeleider is the corporation's contact person for the home. */
function contactpersoon(t: Pick<Transition, 'begeleiders'>) {
  const first = t.begeleiders[0];
  return { naam: first?.naam ?? 'Onbekend', ...(first?.telefoon ? { telefoon: first.telefoon } : {}) };
}

const contactKey = (t: Pick<Transition, 'begeleiders'>) => JSON.stringify(contactpersoon(t));
