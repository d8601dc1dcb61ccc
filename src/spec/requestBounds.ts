/**
 * The bounds of a request schema, and nothing else: `maxItems`, `maxLength`,
 * `maxProperties`, and for a closed object (`additionalProperties: false`)
 * at most MAX_UNKNOWN_MEMBERS more members than it declares (each unknown one
 * up to there is named in its own error; past it, a flood is one error). Checked first, stopping at the
 * first violation, so the full validation (which reports every error)
 * only ever runs on input the spec's bounds allow: an `events` array of
 * 34,000 items is one "must NOT have more than 32 items", not 34,000
 * errors computed and sent back.
 *
 * Types, enums, patterns, `required` and defaults are left out: they are the
 * full validation's to report, all of them at once. Bound keywords apply
 * only to their own type in JSON Schema, so the branches of an anyOf/oneOf
 * are all applied (a value meets the bounds of every branch of its type);
 * a closed object inside a branch gets no derived member count, since
 * another branch may declare more.
 */
type Schema = Record<string, unknown>;

const BOUNDS = ['maxItems', 'maxLength', 'maxProperties'] as const;

/** How many members a closed object may carry beyond those it declares before they count as a flood. */
export const MAX_UNKNOWN_MEMBERS = 20;

export function boundsOnly(schema: unknown): unknown {
  const memo = [new Map<object, Schema>(), new Map<object, Schema>()];
  const derive = (node: unknown, inBranch: boolean): unknown => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return typeof node === 'boolean' ? node : {};
    const seen = memo[inBranch ? 1 : 0];
    const cached = seen.get(node);
    if (cached) return cached;
    const s = node as Schema;
    const out: Schema = {};
    seen.set(node, out);
    for (const keyword of BOUNDS) if (typeof s[keyword] === 'number') out[keyword] = s[keyword];
    const properties = s.properties as Record<string, unknown> | undefined;
    if (properties) {
      out.properties = Object.fromEntries(Object.entries(properties).map(([name, sub]) => [name, derive(sub, inBranch)]));
      if (s.additionalProperties === false && !inBranch) {
        const allowed = Object.keys(properties).length + MAX_UNKNOWN_MEMBERS;
        out.maxProperties = Math.min(allowed, (out.maxProperties as number | undefined) ?? allowed);
      }
    }
    if (s.additionalProperties && typeof s.additionalProperties === 'object') out.additionalProperties = derive(s.additionalProperties, inBranch);
    if (s.items && typeof s.items === 'object') out.items = derive(s.items, inBranch);
    if (Array.isArray(s.prefixItems)) out.prefixItems = s.prefixItems.map((sub) => derive(sub, inBranch));
    const branches = [...((s.anyOf as unknown[]) ?? []), ...((s.oneOf as unknown[]) ?? [])].map((sub) => derive(sub, true));
    const all = ((s.allOf as unknown[]) ?? []).map((sub) => derive(sub, inBranch));
    if (branches.length || all.length) out.allOf = [...all, ...branches];
    return out;
  };
  return derive(schema, false);
}
