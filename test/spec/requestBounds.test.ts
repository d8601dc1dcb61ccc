// Every array and string a request can carry has a bound the sandbox can afford, and uniqueness is
// only asked of arrays whose items are declared scalars (ajv checks those with a hash, not pairwise).
import { describe, expect, it } from 'vitest';
import { boundsOnly, MAX_UNKNOWN_MEMBERS } from '../../src/spec/requestBounds.js';
import { loadSpec } from '../../src/spec/load.js';

const { spec } = loadSpec();
type Json = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Every schema node a request reaches: parameters and JSON bodies, through properties, items and branches. */
function requestSchemas(): { where: string; schema: Json }[] {
  const out: { where: string; schema: Json }[] = [];
  const walk = (schema: Json | undefined, where: string, seen: Set<object>) => {
    if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
    seen.add(schema);
    out.push({ where, schema });
    for (const [name, sub] of Object.entries<Json>(schema.properties ?? {})) walk(sub, `${where}.${name}`, seen);
    if (schema.items) walk(schema.items, `${where}[]`, seen);
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object') walk(schema.additionalProperties, `${where}{}`, seen);
    for (const key of ['anyOf', 'oneOf', 'allOf'])
      (schema[key] ?? []).forEach((sub: Json, i: number) => {
        walk(sub, `${where}<${key}${i}>`, seen);
      });
  };
  for (const [path, item] of Object.entries((spec.paths ?? {}) as Record<string, Json>)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])]) walk(p.schema, `${method} ${path} ${p.in}.${p.name}`, new Set());
      walk(op.requestBody?.content?.['application/json']?.schema, `${method} ${path} body`, new Set());
    }
  }
  return out;
}

const types = (s: Json): string[] => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);
const nodes = requestSchemas();

describe('request bounds in the spec', () => {
  it('walks the request side of every operation', () => {
    expect(nodes.length).toBeGreaterThan(50);
  });

  it('every string has a maxLength (or is an enum or const)', () => {
    const unbounded = nodes.filter(
      ({ schema }) => types(schema).includes('string') && schema.maxLength === undefined && !schema.enum && schema.const === undefined,
    );
    expect(unbounded.map((n) => n.where)).toEqual([]);
  });

  it('every array has a maxItems and items of a declared type', () => {
    const arrays = nodes.filter(({ schema }) => types(schema).includes('array'));
    expect(arrays.length).toBeGreaterThan(0);
    expect(arrays.filter(({ schema }) => schema.maxItems === undefined).map((n) => n.where)).toEqual([]);
    expect(arrays.filter(({ schema }) => types(schema.items ?? {}).length === 0).map((n) => n.where)).toEqual([]);
  });

  it('uniqueItems only where the items are scalars, and maxItems leaves room for every distinct value', () => {
    const unique = nodes.filter(({ schema }) => schema.uniqueItems);
    expect(unique.map((n) => n.where)).toEqual(expect.arrayContaining([expect.stringContaining('body.events'), expect.stringContaining('body.abilities')]));
    for (const { where, schema } of unique) {
      const itemTypes = types(schema.items);
      expect(itemTypes.length, where).toBeGreaterThan(0);
      expect(
        itemTypes.some((t) => t === 'object' || t === 'array'),
        where,
      ).toBe(false);
      const values = new Set<unknown>([...(schema.items.enum ?? []), ...(schema.items.anyOf ?? []).flatMap((b: Json) => b.enum ?? [])]);
      expect(schema.maxItems, where).toBeGreaterThanOrEqual(values.size);
    }
  });

  it('every value in a request has a type (nothing free-form for a visitor to fill)', () => {
    const untyped = nodes.filter(
      ({ schema }) => types(schema).length === 0 && !schema.enum && schema.const === undefined && !schema.anyOf && !schema.oneOf && !schema.allOf,
    );
    expect(untyped.map((n) => n.where)).toEqual([]);
  });
});

describe('boundsOnly', () => {
  it('keeps bounds and structure, drops everything the full validation reports, and bounds a closed object’s unknown members', () => {
    const item = { type: 'string', maxLength: 5, pattern: '^a', enum: ['a'] };
    const derived = boundsOnly({
      type: 'object',
      additionalProperties: false,
      required: ['a'],
      properties: { a: { type: 'array', maxItems: 3, uniqueItems: true, items: item }, b: { type: 'integer', minimum: 1, default: 2 } },
    });
    expect(derived).toEqual({ maxProperties: 2 + MAX_UNKNOWN_MEMBERS, properties: { a: { maxItems: 3, items: { maxLength: 5 } }, b: {} } });
  });

  it('applies every branch of an anyOf, and derives no member count inside one', () => {
    const derived = boundsOnly({
      anyOf: [
        { type: 'string', maxLength: 40 },
        { type: 'object', additionalProperties: false, properties: { x: { type: 'string', maxLength: 2 } } },
      ],
    });
    expect(derived).toEqual({ allOf: [{ maxLength: 40 }, { properties: { x: { maxLength: 2 } } }] });
  });
});
