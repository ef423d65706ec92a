import { u16Municipalities, type GemeenteCode } from '../../shared/domain/organisation/municipalities';

/**
 * Wijken of the demo history, with their CBS wijkcode: WK, the four digits of the gemeentecode, then the wijk's
 * number. Utrecht's are its ten wijken; the other municipalities get a few numbered wijken (the demo needs
 * plausible codes, not their real names).
 */
const utrecht = [
  'West',
  'Noordwest',
  'Overvecht',
  'Noordoost',
  'Oost',
  'Binnenstad',
  'Zuid',
  'Zuidwest',
  'Leidsche Rijn',
  'Vleuten-De Meern',
];

interface DemoWijk {
  wijk: string;
  wijkcode: string;
  /** The postcode area of the municipality's homes, for plausible addresses. */
  postcode: number;
}

/** First digits of the postcodes in each municipality (an approximation, for the demo's addresses). */
const postcodes: Record<GemeenteCode, number> = {
  GM0312: 3981,
  GM0310: 3731,
  GM0736: 3641,
  GM0321: 3991,
  GM0353: 3401,
  GM0331: 3411,
  GM0335: 3417,
  GM0356: 3431,
  GM0589: 3421,
  GM1904: 3601,
  GM0344: 3511,
  GM1581: 3941,
  GM1961: 4131,
  GM0352: 3961,
  GM0632: 3441,
  GM0355: 3701,
};

export function demoWijken(gemeenteCode: GemeenteCode): DemoWijk[] {
  const digits = gemeenteCode.slice(2);
  const naam = u16Municipalities.find((m) => m.code === gemeenteCode)!.naam;
  const names = gemeenteCode === 'GM0344' ? utrecht : ['01', '02', '03', '04'].map((n) => `${naam} wijk ${n}`);
  return names.map((wijk, i) => ({
    wijk,
    wijkcode: `WK${digits}${String(i + 1).padStart(2, '0')}`,
    postcode: postcodes[gemeenteCode] + i * 2,
  }));
}
