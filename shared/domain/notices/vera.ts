import type { NoticeData, NoticeKind } from './notices';

/**
 * Codes from VERA, the data standard housing corporations keep their records in (the referentiedata of the
 * Aedes-datastandaarden), for what a notice says: a corporation files the notice without a mapping table of
 * its own. Only where VERA has a code for exactly what the notice says, and never a code about the person:
 * VERA's doelgroepen (GGZ, ex-dak- en thuislozen, …) would tell a corporation health and history. Nor
 * WOONVORM BEG (begeleid wonen): a Beschermd Thuis is an ordinary home in the wijk, not a begeleid-wonen unit.
 */
export const veraCodes = {
  omklapcontract: { soort: 'PUBLICATIEDETAILMODEL', code: 'OMK', naam: 'Omklapcontract' },
  ambulanteBegeleider: { soort: 'RELATIEROLSOORT', code: 'AMB', naam: 'Ambulante begeleider' },
  huurder: { soort: 'RELATIEROLSOORT', code: 'HUU', naam: 'Huurder' },
  bewoner: { soort: 'RELATIEROLSOORT', code: 'BEW', naam: 'Bewoner' },
  aanbiedingGeweigerd: { soort: 'AANBIEDINGSTATUS', code: 'GEW', naam: 'Geweigerd' },
} as const;
export type VeraCode = (typeof veraCodes)[keyof typeof veraCodes];

const { omklapcontract, ambulanteBegeleider, huurder, bewoner, aanbiedingGeweigerd } = veraCodes;

/** Per kind of notice; a new kind must say which codes it carries (none is an answer too). */
const codesByKind: { [K in NoticeKind]: (data: NoticeData<K>) => readonly VeraCode[] } = {
  // The contact person it names is the ambulante begeleider.
  'aanbod-geaccepteerd': () => [ambulanteBegeleider],
  'aanbod-afgewezen': () => [aanbiedingGeweigerd],
  // A driepartijenovereenkomst is VERA's omklapcontract; an own lease makes the person the huurder.
  'contract-getekend': (data) => (data.contract.vorm === 'driepartijenovereenkomst' ? [omklapcontract] : [huurder]),
  'verhuisdatum-vastgelegd': () => [],
  verhuisd: () => [bewoner],
  'contactpersoon-gewijzigd': () => [ambulanteBegeleider],
  'bereikbaarheid-gewijzigd': () => [ambulanteBegeleider],
  'omklap-aangekondigd': () => [omklapcontract],
  'omklap-uitgevoerd': () => [omklapcontract, huurder],
  'tijdelijk-elders': () => [],
  'weer-thuis': () => [bewoner],
  'traject-beeindigd': () => [],
  test: () => [],
};

export function veraCodesOf<K extends NoticeKind>(kind: K, data: NoticeData<K>): readonly VeraCode[] {
  return codesByKind[kind](data);
}

/**
 * The codes as one CloudEvents extension attribute next to `type`: `SOORT.CODE` as VERA writes a reference to
 * another code (its Parent column), separated by spaces.
 */
export function veraAttribute(codes: readonly VeraCode[]): string | undefined {
  return codes.length ? codes.map((c) => `${c.soort}.${c.code}`).join(' ') : undefined;
}
