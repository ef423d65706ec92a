import { withoutInvisibles } from '../common/free-text';

/**
 * Cyrillic and Greek letters (and a few Latin and Armenian ones) that look like a Latin letter, as Unicode's
 * confusables (TR39) map them, and quote and dash variants: each character of FROM passes for the one at the
 * same place in TO. Case matters: Greek capital Eta looks like H, its small letter like n. A Dutch name
 * register is in Latin script, so these are what lets one name pass for another. (A full TR39 table is
 * about 100 KB: more than the Lambda bundles have room for.)
 */
const FROM = 'АВСЕНІЈКМОРЅТХУҮӀԚԜасеһіјорѕхуүԁԛԝӏѵԍΑΒΕΖΗΙΚΜΝΟΡΤΥΧαινορχγϲϳıȷɑɡǀօսհ‘’ʼ`′‐‑‒–—−';
const TO = "ABCEHIJKMOPSTXYYIQWacehijopsxyydqwlvgABEZHIKMNOPTYXaivopxycjijaglouh'''''------";
const LOOK_ALIKE = new RegExp(`[${FROM}]`, 'gu');

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
    .replace(LOOK_ALIKE, (c) => TO[FROM.indexOf(c)]!)
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Who a person is, for "one active transition per person": there is no BSN, so the name and date of birth. */
export function personIdentity(p: { voornaam: string; achternaam: string; geboortedatum: string }): string {
  return `${normaliseName(p.voornaam)}|${normaliseName(p.achternaam)}|${p.geboortedatum}`;
}
