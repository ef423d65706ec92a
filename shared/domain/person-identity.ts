import { withoutInvisibles } from './free-text';

/**
 * Cyrillic and Greek letters (and a few Latin and Armenian ones) that look like a Latin letter, as Unicode's
 * confusables (TR39) map them, in pairs: look-alike, then the Latin letter. Case matters: Greek capital Eta
 * looks like H, its small letter like n. A Dutch name register is in Latin script, so these are the ones
 * that let one name pass for another.
 */
const LOOK_ALIKES = new Map(
  [
    'АA', 'ВB', 'СC', 'ЕE', 'НH', 'ІI', 'ЈJ', 'КK', 'МM', 'ОO', 'РP', 'ЅS', 'ТT', 'ХX', 'УY', 'ҮY', 'ӀI', 'ԚQ', 'ԜW',
    'аa', 'сc', 'еe', 'һh', 'іi', 'јj', 'оo', 'рp', 'ѕs', 'хx', 'уy', 'үy', 'ԁd', 'ԛq', 'ԝw', 'ӏl', 'ѵv', 'ԍg',
    'ΑA', 'ΒB', 'ΕE', 'ΖZ', 'ΗH', 'ΙI', 'ΚK', 'ΜM', 'ΝN', 'ΟO', 'ΡP', 'ΤT', 'ΥY', 'ΧX',
    'αa', 'ιi', 'νv', 'οo', 'ρp', 'χx', 'γy', 'ϲc', 'ϳj',
    'ıi', 'ȷj', 'ɑa', 'ɡg', 'ǀl', 'օo', 'սu', 'հh',
    '‘\'', '’\'', 'ʼ\'', '`\'', '′\'', '‐-', '‑-', '‒-', '–-', '—-', '−-',
  ].map((pair) => [pair[0]!, pair[1]!]),
);
const LOOK_ALIKE = new RegExp(`[${[...LOOK_ALIKES.keys()].join('').replace(/[-\]\\^]/g, '\\$&')}]`, 'gu');

/**
 * A name as a register compares it: without invisible characters, compatibility forms folded (NFKC: fullwidth
 * letters, ligatures), without accents (Zoë is Zoe), look-alike letters as the Latin letter they pass for,
 * in lower case, with single spaces.
 */
export function normaliseName(name: string): string {
  return withoutInvisibles(name)
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(LOOK_ALIKE, (c) => LOOK_ALIKES.get(c)!)
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Who a person is, for "one active transition per person": there is no BSN, so the name and date of birth. */
export function personIdentity(p: { voornaam: string; achternaam: string; geboortedatum: string }): string {
  return `${normaliseName(p.voornaam)}|${normaliseName(p.achternaam)}|${p.geboortedatum}`;
}
