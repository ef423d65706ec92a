/**
 * The 16 municipalities of the U16 region (regio Utrecht) that work together on Beschermd Wonen and
 * Maatschappelijke Opvang, with their CBS gemeentecode. Utrecht is the centrumgemeente.
 * Other municipalities follow when the product leaves the region; codes keep the door open for that.
 */
export const u16Municipalities = [
  { code: 'GM0312', naam: 'Bunnik' },
  { code: 'GM0310', naam: 'De Bilt' },
  { code: 'GM0736', naam: 'De Ronde Venen' },
  { code: 'GM0321', naam: 'Houten' },
  { code: 'GM0353', naam: 'IJsselstein' },
  { code: 'GM0331', naam: 'Lopik' },
  { code: 'GM0335', naam: 'Montfoort' },
  { code: 'GM0356', naam: 'Nieuwegein' },
  { code: 'GM0589', naam: 'Oudewater' },
  { code: 'GM1904', naam: 'Stichtse Vecht' },
  { code: 'GM0344', naam: 'Utrecht' },
  { code: 'GM1581', naam: 'Utrechtse Heuvelrug' },
  { code: 'GM1961', naam: 'Vijfheerenlanden' },
  { code: 'GM0352', naam: 'Wijk bij Duurstede' },
  { code: 'GM0632', naam: 'Woerden' },
  { code: 'GM0355', naam: 'Zeist' },
] as const;

export type GemeenteCode = (typeof u16Municipalities)[number]['code'];

export const gemeenteCodes = u16Municipalities.map((m) => m.code) as [GemeenteCode, ...GemeenteCode[]];

export function gemeenteNaam(code: GemeenteCode): string {
  return u16Municipalities.find((m) => m.code === code)?.naam ?? code;
}
