import * as z from 'zod';

/**
 * Free text typed by a person (a reason, a note, a name, an address). Control characters and the bidi
 * embeddings, overrides and isolates never belong in it: they hide or reorder what a reader (a team lead, a
 * municipality's spreadsheet) sees. Newline and tab only where the text may span lines.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what these are for.
const CONTROLS_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what these are for.
const CONTROLS_MULTI_LINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
export const CONTROL_MESSAGE = 'De tekst bevat een stuurteken of een teken dat de leesrichting omdraait; haal dat weg.';

/** Code points that render as nothing: Unicode's Default_Ignorable set, and the blank braille pattern. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u2800]/gu;

export function hasForbiddenControl(text: string, multiline = false): boolean {
  return (multiline ? CONTROLS_MULTI_LINE : CONTROLS_SINGLE_LINE).test(text);
}

/** Without the invisible code points, in NFC: how text is kept once it was accepted (names). */
export function withoutInvisibles(text: string): string {
  return text.replace(INVISIBLE, '').normalize('NFC');
}

/** The characters a reader sees: no invisibles, a base letter and its accents once, a run of spaces once. */
export function visibleLength(text: string): number {
  return [...withoutInvisibles(text).replace(/\p{M}/gu, '').replace(/\s+/gu, ' ').trim()].length;
}

/**
 * A free-text field: the given string schema (its trim, min and max), refusing controls and bidi overrides.
 * Its minimum is also counted in visible characters; that message comes only where the length alone passed.
 */
export function freeText(schema: z.ZodString, options: { multiline?: boolean } = {}): z.ZodString {
  const min = schema.minLength ?? 0;
  const checked = schema.refine((s) => !hasForbiddenControl(s, options.multiline), { error: CONTROL_MESSAGE });
  if (!min) return checked;
  return checked.refine((s) => s.length < min || visibleLength(s) >= min, {
    error: `Vul minstens ${min} zichtbare tekens in.`,
  });
}

export const EMERGENCY_REASON_MESSAGE =
  'Geef voor noodtoegang een reden van 10 tot 300 zichtbare tekens, zonder stuurtekens.';

/** The reason for emergency access (one line, trimmed): 10 visible characters at least, 300 characters at most. */
export function emergencyReasonIsValid(reason: string): boolean {
  return !hasForbiddenControl(reason) && visibleLength(reason) >= 10 && reason.length <= 300;
}

/** A note of at most 500 characters, over several lines if need be, that may be left out. */
export const OptionalNote = freeText(
  z.string().trim().max(500, { error: 'De notitie is te lang (hooguit 500 tekens).' }),
  {
    multiline: true,
  },
).optional();
