import type { Spec } from './load.js';

/**
 * One spec, two readings (DESIGN.md, principle 7).
 *
 * - The **contract** reading is the document as written: what the reference
 *   guarantees. Response objects are open, `required` lists what the
 *   reference's example for the operation shows (or its prose promises), and
 *   formats accept the reference's own examples. The contract suite holds a
 *   deployment to this.
 * - The **strict** reading is what this sandbox sends, derived here at load
 *   time so nothing is written twice: every response object is closed
 *   (`additionalProperties: false` unless it states its own), every member it
 *   declares is required except those listed in `x-sx-sandbox-optional`, and
 *   the keywords in an `x-sx-strict` overlay (a narrower `pattern`, a header's
 *   `required: true`) replace the contract's. The sandbox's own tests hold
 *   every answer to this.
 *
 * Only what the sandbox produces is tightened: responses (their headers and
 * bodies) and the webhook event payloads. Request schemas are left as they are.
 */
export interface Readings {
  contract: Spec;
  strict: Spec;
}

const cache = new WeakMap<Spec, Spec>();

export function readings(spec: Spec): Readings {
  return { contract: spec, strict: strictReading(spec) };
}

type Node = Record<string, unknown>;

/** Keywords whose value is one subschema (not `if` or `not`: a condition is not a shape to close). */
const ONE = ['items', 'then', 'else', 'contains', 'additionalItems', 'unevaluatedProperties', 'propertyNames'];
/** Keywords whose value is a list of subschemas. */
const MANY = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];
/** Keywords whose value maps names to subschemas. */
const MAP = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function strictReading(spec: Spec): Spec {
  const hit = cache.get(spec);
  if (hit) return hit;
  // shared by identity in, shared by identity out: a schema used 20 times is tightened once
  const memo = new Map<object, unknown>();

  const schema = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(schema);
    if (!node || typeof node !== 'object') return node;
    const seen = memo.get(node);
    if (seen) return seen;
    const src = node as Node;
    const out: Node = {};
    memo.set(node, out);
    for (const [key, value] of Object.entries(src)) {
      if (ONE.includes(key)) out[key] = schema(value);
      else if (MANY.includes(key)) out[key] = (value as unknown[]).map(schema);
      else if (MAP.includes(key)) out[key] = Object.fromEntries(Object.entries(value as Node).map(([k, v]) => [k, schema(v)]));
      else if (key === 'additionalProperties' && value && typeof value === 'object') out[key] = schema(value);
      else out[key] = value;
    }
    Object.assign(out, (src['x-sx-strict'] as Node | undefined) ?? {});
    if (out.properties && typeof out.properties === 'object') {
      if (out.additionalProperties === undefined) out.additionalProperties = false;
      const optional = new Set((src['x-sx-sandbox-optional'] as string[] | undefined) ?? []);
      const required = new Set((out.required as string[] | undefined) ?? []);
      for (const name of Object.keys(out.properties as Node)) if (!optional.has(name)) required.add(name);
      out.required = [...required];
    }
    return out;
  };

  const header = (node: unknown): unknown => {
    const src = node as Node;
    const seen = memo.get(src);
    if (seen) return seen;
    const out: Node = { ...src, ...((src['x-sx-strict'] as Node | undefined) ?? {}) };
    if (src.schema) out.schema = schema(src.schema);
    memo.set(src, out);
    return out;
  };

  const content = (node: unknown): Node =>
    Object.fromEntries(Object.entries((node ?? {}) as Node).map(([type, media]) => [type, { ...(media as Node), schema: schema((media as Node).schema) }]));

  const response = (node: unknown): unknown => {
    const src = node as Node;
    const seen = memo.get(src);
    if (seen) return seen;
    const out: Node = { ...src };
    memo.set(src, out);
    if (src.headers) out.headers = Object.fromEntries(Object.entries(src.headers as Node).map(([name, h]) => [name, header(h)]));
    if (src.content) out.content = content(src.content);
    return out;
  };

  const operation = (op: Node, payload: boolean): Node => {
    const out: Node = { ...op };
    if (op.responses) out.responses = Object.fromEntries(Object.entries(op.responses as Node).map(([status, r]) => [status, response(r)]));
    // a webhook's "request" body is what the sandbox sends: an event payload
    if (payload && op.requestBody) out.requestBody = { ...(op.requestBody as Node), content: content((op.requestBody as Node).content) };
    return out;
  };

  const pathItems = (items: unknown, payload: boolean): Node =>
    Object.fromEntries(
      Object.entries((items ?? {}) as Node).map(([path, item]) => [
        path,
        Object.fromEntries(Object.entries(item as Node).map(([k, v]) => [k, METHODS.includes(k) ? operation(v as Node, payload) : v])),
      ]),
    );

  const doc = spec as unknown as Node;
  const strict: Node = { ...doc, paths: pathItems(doc.paths, false) };
  if (doc.webhooks) strict.webhooks = pathItems(doc.webhooks, true);
  const components = (doc.components ?? {}) as Node;
  // Components point at the tightened objects where responses reach them, so a schema looked up by
  // name agrees. The loader resolves a `$ref` to its own copy of the component, not to the component
  // entry itself, so the entry is matched by content.
  const byContent = new Map<string, unknown>();
  for (const [source, tightened] of memo) byContent.set(JSON.stringify(source), tightened);
  const swap = (group: unknown) =>
    Object.fromEntries(
      Object.entries((group ?? {}) as Node).map(([name, value]) => [name, memo.get(value as object) ?? byContent.get(JSON.stringify(value)) ?? value]),
    );
  strict.components = {
    ...components,
    schemas: swap(components.schemas),
    responses: swap(components.responses),
    headers: swap(components.headers),
  };
  const result = strict as unknown as Spec;
  cache.set(spec, result);
  return result;
}
