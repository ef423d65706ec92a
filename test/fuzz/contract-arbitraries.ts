import fc from 'fast-check';
import * as z from 'zod';

/**
 * fast-check arbitraries for fuzzing the API from its contract: example values from a zod schema (through its
 * JSON Schema, so every body, query and parameter of a new route gets them without anyone writing examples),
 * near-valid values (one field broken), random JSON, text that is not JSON, and the strings that break
 * parsers, keys and logs. Whether a generated value is valid is never assumed here: the fuzz test asks the
 * contract's own zod schema.
 */

type JsonSchema = {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
};

/** The JSON Schema of what a zod schema accepts as input (defaults optional, refinements not expressible). */
export function inputSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** Property names and their schemas of an object schema (a body, a query, path parameters). */
export function propertiesOf(schema: z.ZodType): Record<string, JsonSchema> {
  const root = inputSchemaOf(schema);
  return resolve(root, root.$defs ?? {}).properties ?? {};
}

function resolve(s: JsonSchema, defs: Record<string, JsonSchema>): JsonSchema {
  let current = s;
  for (let i = 0; current.$ref && i < 20; i++) current = defs[current.$ref.replace('#/$defs/', '')] ?? {};
  return current;
}

const isoDate = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const isoDateTime = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

/** Values a schema is meant to accept (mostly: refinements across fields are not in the JSON Schema). */
export function exampleOf(schema: z.ZodType): fc.Arbitrary<unknown> {
  const root = inputSchemaOf(schema);
  return fromJsonSchema(root, root.$defs ?? {}, 0);
}

function fromJsonSchema(raw: JsonSchema, defs: Record<string, JsonSchema>, depth: number): fc.Arbitrary<unknown> {
  const s = resolve(raw, defs);
  if (depth > 6) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => fromJsonSchema(a, defs, depth + 1)));
  if (s.allOf?.length) return fromJsonSchema(s.allOf[0]!, defs, depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const properties = s.properties ?? {};
      const model = Object.fromEntries(
        Object.entries(properties).map(([k, v]) => [k, fromJsonSchema(v, defs, depth + 1)]),
      );
      if (!Object.keys(model).length)
        return fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 12 }), { maxKeys: 3 });
      return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in model) });
    }
    case 'array': {
      const min = s.minItems ?? 0;
      const max = Math.min(s.maxItems ?? min + 3, min + 3);
      return fc.array(s.items ? fromJsonSchema(s.items, defs, depth + 1) : fc.jsonValue({ maxDepth: 1 }), {
        minLength: min,
        maxLength: max,
      });
    }
    case 'string': {
      if (s.format === 'date') return isoDate;
      if (s.format === 'date-time') return isoDateTime;
      if (s.format === 'uri')
        return fc.constantFrom(
          'https://example.org/webhooks/landing',
          'https://ontvanger.example.nl/hook?x=1',
          'http://127.0.0.1:9/hook',
        );
      if (s.format === 'email') return fc.constantFrom('iemand@example.org');
      const min = s.minLength ?? 0;
      const max = Math.min(s.maxLength ?? min + 30, min + 30);
      if (s.pattern) {
        try {
          return fc
            .stringMatching(new RegExp(s.pattern))
            .filter((v) => v.length >= min && v.length <= (s.maxLength ?? Infinity));
        } catch {
          // A pattern fast-check cannot read: plain text of the right length (the schema decides).
        }
      }
      return fc.string({ unit: 'grapheme-ascii', minLength: min, maxLength: max });
    }
    case 'integer': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1000);
      const max = Math.min(
        s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : min + 10_000),
        min + 10_000,
      );
      return fc.integer({ min, max });
    }
    case 'number': {
      const min = s.minimum ?? s.exclusiveMinimum ?? -1000;
      const max = s.maximum ?? s.exclusiveMaximum ?? min + 10_000;
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A literal written into the JSON text as is (JSON.stringify cannot: 1e400, -0, 1.0, long integers). */
const RAW = '\u0001RAW:';
export const rawJson = (literal: string) => `${RAW}${literal}\u0001`;

/** JSON text of a value, with the raw literals of {@link rawJson} put in place. */
export function toJsonText(value: unknown): string {
  // eslint-disable-next-line no-control-regex
  return JSON.stringify(value).replace(/"\\u0001RAW:([^"\\]*)\\u0001"/g, '$1');
}

/** Strings that have broken parsers, keys, paths, logs and terminals before. */
export const nastyStrings = [
  '',
  ' ',
  '\t\n',
  '.',
  '..',
  '../',
  '../../etc/passwd',
  '..\\..\\windows',
  '/',
  '\u0000',
  'a\u0000b',
  '%00',
  '%',
  '%25',
  '%ZZ',
  '%E0%A4%A',
  '#',
  '?x=1',
  'null',
  'undefined',
  'NaN',
  'true',
  '0',
  '-1',
  '1e400',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'TRANSITION#x',
  'ORG#org-overstap',
  'USER#u-sanne#TRANSITIONS',
  '*',
  "' OR '1'='1",
  '"; DROP TABLE x; --',
  '<script>alert(1)</script>',
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Log4Shell probe, sent as text on purpose.
  '${jndi:ldap://x}',
  '\u202eevil',
  '\ufeffBOM',
  'Zoë Çelik-Ñúñez',
  'ﬁ',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '👩‍👩‍👧‍👦',
  'e\u0301\u0301\u0301\u0301',
  '\u200b',
  '\ud800',
  '\udfff',
  'ａｂｃ',
  '٣',
  'x'.repeat(65),
  'x'.repeat(1025),
];

/** Numbers and literals at the edges of what JSON, JavaScript and DynamoDB can hold. */
export const nastyNumbers: unknown[] = [
  0,
  -0,
  -1,
  -1e9,
  0.5,
  1.005,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_SAFE_INTEGER - 2,
  1e21,
  1e308,
  -1e308,
  5e-324,
  rawJson('1e400'),
  rawJson('-1e400'),
  rawJson('123456789012345678901234567890'),
  rawJson('1.0'),
  rawJson('-0.0'),
];

export const invalidDates = [
  '2024-02-30',
  '2023-02-29',
  '2024-13-01',
  '2024-00-10',
  '2024-1-1',
  '31-12-2024',
  '2024/01/01',
  '2024-01-01T00:00:00Z',
  '99999-01-01',
  '0000-00-00',
  'gisteren',
  '2024-01-01 ',
  '１９９０-０１-０１',
];

/** Any JSON value, with unicode strings. */
export const anyJson = fc.jsonValue({ maxDepth: 3, stringUnit: 'grapheme' });

/** Text that is not JSON at all, or almost. */
export const notJson = fc
  .oneof(
    fc.constantFrom(
      '{',
      '{"a":',
      '[1,2',
      '{a:1}',
      "{'a':1}",
      'undefined',
      'NaN',
      'Infinity',
      '<xml/>',
      '\ufeff{}',
      '{"a":1}}',
      '{"a":1,}',
      '--',
      '\u0000',
      '%7B%7D',
      'a=1&b=2',
    ),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
  )
  .filter((text) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  });

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (prefix.length) out.push(prefix);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) pathsOf(v, [...prefix, i], out);
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

function setAt(value: unknown, path: Path, replacement: unknown, remove = false): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (remove) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = replacement;
  return copy;
}

/** What one field is broken into. */
const brokenValue = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      false,
      [],
      {},
      [null],
      { nested: { deeper: [1, 'x'] } },
      '',
      'abc',
      42,
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom(...nastyNumbers) },
  { weight: 2, arbitrary: fc.constantFrom(...nastyStrings) },
  { weight: 2, arbitrary: fc.constantFrom(...invalidDates) },
  { weight: 1, arbitrary: fc.integer({ min: 501, max: 20_000 }).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }) },
  { weight: 1, arbitrary: anyJson },
);

/**
 * A near-valid value: an example from the schema with one thing changed (a field of the wrong type, too long,
 * a bad date, a negative or huge number, unicode, a field removed, a field added, the whole thing wrapped).
 */
export function nearValid(example: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return example.chain((value) => {
    const paths = pathsOf(value);
    const extraKey = fc.constantFrom('extra', '__proto__', 'constructor', 'isAdmin', 'providerId', 'version', 'id', '');
    const options: fc.Arbitrary<unknown>[] = [
      fc
        .tuple(extraKey, anyJson)
        .map(([k, v]) =>
          value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as object), [k]: v } : { [k]: v },
        ),
      fc.constant([value]),
    ];
    if (paths.length) {
      const path = fc.constantFrom(...paths);
      options.push(
        fc.tuple(path, brokenValue).map(([p, v]) => setAt(value, p, v)),
        fc.tuple(path, brokenValue).map(([p, v]) => setAt(value, p, v)),
        path.map((p) => setAt(value, p, undefined, true)),
      );
    }
    return fc.oneof(...options);
  });
}

/** A value with two fields broken: what a sloppy client sends. */
export function twiceBroken(example: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return nearValid(nearValid(example));
}
