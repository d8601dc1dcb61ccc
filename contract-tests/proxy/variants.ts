import { mapObjects, problem, type Answer, type Exchange, type Rewrite } from './proxy.js';

/**
 * Faithful variants: deployments that differ from the sandbox only where the
 * reference allows. The contract suite, pointed at each as at a deployment
 * (decisions not held), must pass every one (`npm run contract:variants`).
 */
export interface Variant {
  id: string;
  what: string;
  rewrites: Rewrite[];
  /** the key the suite is given for the main shop, from the sandbox's own */
  mainKey?: (sandboxKey: string) => string;
  /** no sandbox-only operations: the second shop comes from SX_SECOND_API_KEY */
  hidesSandboxOnly?: boolean;
}

type Json = Record<string, unknown>;
type Schema = Record<string, any>;

const isJsonAnswer = (res: Answer) => res.json !== undefined && /json/.test(res.headers['content-type'] ?? '');

/** Every JSON object gets a member the spec does not know, and its members in reverse order. */
const addedAndReordered: Rewrite = {
  response(res) {
    if (!isJsonAnswer(res)) return;
    res.json = mapObjects(res.json, (obj, key) => {
      // a problem's errors map is keyed by field path: a new key there would be a new error
      if (key === 'errors') return obj;
      const reversed = Object.fromEntries(Object.entries(obj).reverse());
      return { sx_variant_added: { note: 'a member the spec does not know' }, ...reversed };
    });
  },
};

/**
 * Key secrets in the reference's own format: `sx_test_` + 18 characters (its example
 * `sx_live_9kzQ7xV9c4fT2mN8rY`). The proxy hands out short aliases and maps them back.
 */
function referenceKeyFormat(): { rewrite: Rewrite; alias: (secret: string) => string } {
  const toLong = new Map<string, string>();
  const toShort = new Map<string, string>();
  const alias = (secret: string): string => {
    const known = toShort.get(secret);
    if (known) return known;
    const m = /^(sx_(?:live|test)_)([0-9A-Za-z]{24})$/.exec(secret);
    if (!m) return secret;
    // 18 characters, still unique: the sandbox's are random, their first 18 almost surely differ
    const short = m[1] + m[2].slice(0, 18);
    toShort.set(secret, short);
    toLong.set(short, secret);
    return short;
  };
  const rewrite: Rewrite = {
    request(req) {
      const auth = req.headers.authorization;
      const m = auth && /^Bearer (\S+)$/.exec(auth);
      if (m && toLong.has(m[1])) req.headers.authorization = `Bearer ${toLong.get(m[1])}`;
    },
    response(res) {
      if (!isJsonAnswer(res)) return;
      res.json = mapObjects(res.json, (obj) => (typeof obj.secret === 'string' ? { ...obj, secret: alias(obj.secret) } : obj));
    },
  };
  return { rewrite, alias };
}

function responseSchema(req: Exchange, status: number): Schema | undefined {
  const responses = (req.operation?.definition.responses ?? {}) as Record<string, Schema>;
  const content = responses[String(status)]?.content ?? {};
  return (Object.values(content)[0] as Schema | undefined)?.schema;
}

/** Keeps, at every level, only the members the contract requires: what the reference's examples show. */
export function onlyRequired(value: unknown, schema: Schema | undefined): unknown {
  if (!schema || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => onlyRequired(v, schema.items));
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (branches) return onlyRequired(value, branches.find((b) => b.type !== 'null' && b.properties) ?? branches[0]);
  if (!schema.properties) return value;
  const out: Json = {};
  // a list with more to come names where it goes on, whatever its example shows for the last page
  const required = [...((schema.required ?? []) as string[]), ...((value as Json).has_more === true ? ['next_cursor'] : [])];
  for (const name of required) {
    if (name in (value as Json)) out[name] = onlyRequired((value as Json)[name], schema.properties[name]);
  }
  return out;
}

const referenceMembersOnly: Rewrite = {
  response(res, req) {
    if (!isJsonAnswer(res)) return;
    // the sandbox-only operations are no part of the reference: nothing of theirs is documented there
    const schema = req.operation && !req.operation.sandboxOnly ? responseSchema(req, res.status) : undefined;
    if (schema) res.json = onlyRequired(res.json, schema);
  },
};

/** Unknown body members and query parameters are dropped before the sandbox sees them, as many APIs do. */
const ignoresUnknownRequestMembers: Rewrite = {
  request(req) {
    const op = req.operation;
    if (!op) return;
    const [path, query] = req.url.split('?');
    const definition = op.definition as Schema;
    if (query) {
      const known = new Set<string>(((definition.parameters ?? []) as Schema[]).filter((p: Schema) => p.in === 'query').map((p: Schema) => p.name));
      const params = new URLSearchParams(query);
      for (const name of [...params.keys()]) if (!known.has(name)) params.delete(name);
      const rest = params.toString();
      req.url = rest ? `${path}?${rest}` : path;
    }
    const properties = definition.requestBody?.content?.['application/json']?.schema?.properties as Schema | undefined;
    // a body over the size limit is refused for its size before anyone reads its members
    if (properties && req.size <= 1024 * 1024 && req.json && typeof req.json === 'object' && !Array.isArray(req.json)) {
      req.json = Object.fromEntries(Object.entries(req.json as Json).filter(([name]) => name in properties));
    }
  },
};

const noSandboxOnlyOperations: Rewrite = {
  request(req) {
    if (req.operation?.sandboxOnly) return problem(404, 'not_found', 'No such path on this deployment.', req.url.split('?')[0]);
  },
};

export function variants(): Variant[] {
  const keys = referenceKeyFormat();
  return [
    {
      id: 'added-and-reordered-members',
      what: 'every JSON object carries a member the spec does not know, its members in another order',
      rewrites: [addedAndReordered],
    },
    {
      id: 'reference-key-format',
      what: "minted key secrets have the reference's format: 18 characters after sx_test_",
      rewrites: [keys.rewrite],
      mainKey: keys.alias,
    },
    { id: 'reference-members-only', what: "every answer carries only the members the reference's examples show", rewrites: [referenceMembersOnly] },
    {
      id: 'ignores-unknown-request-members',
      what: 'unknown body members and query parameters are ignored, not refused',
      rewrites: [ignoresUnknownRequestMembers],
    },
    {
      id: 'no-sandbox-only-operations',
      what: 'the test helpers and the delivery log do not exist (404)',
      rewrites: [noSandboxOnlyOperations],
      hidesSandboxOnly: true,
    },
  ];
}
