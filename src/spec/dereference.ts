import type { OpenAPIV3_1 } from 'openapi-types';

export type Spec = OpenAPIV3_1.Document;

/**
 * Replaces every local `$ref` with the object it points to (shared by
 * identity, so a schema referenced 20 times is one object and ajv compiles it
 * once per validator). Only `#/…` refs exist in our document; anything else
 * is a mistake worth failing start-up for. Pure: the core runs it on the
 * parsed document wherever that came from (a file in Node, JSON built into
 * the browser bundle).
 */
export function dereference<T>(doc: T): T {
  const resolving = new Set<string>();
  const resolved = new Map<string, unknown>();

  const lookup = (ref: string): unknown => {
    if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported, found '${ref}'`);
    let node: unknown = doc;
    for (const part of ref.slice(2).split('/')) {
      const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
      node = (node as Record<string, unknown>)?.[key];
      if (node === undefined) throw new Error(`Unresolvable $ref '${ref}'`);
    }
    return node;
  };

  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const obj = node as Record<string, unknown>;
    if (typeof obj.$ref === 'string') {
      const ref = obj.$ref;
      // OpenAPI 3.1 allows siblings next to $ref (a default, a description): they refine the target
      const { $ref: _ref, ...siblings } = obj;
      if (Object.keys(siblings).length) {
        const target = walk({ $ref: ref }) as Record<string, unknown>;
        return { ...target, ...(walk(siblings) as Record<string, unknown>) };
      }
      if (resolved.has(ref)) return resolved.get(ref);
      if (resolving.has(ref)) throw new Error(`Circular $ref '${ref}' is not supported`);
      resolving.add(ref);
      const target = walk(lookup(ref));
      resolving.delete(ref);
      resolved.set(ref, target);
      return target;
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(obj)) out[key] = walk(value);
    return out;
  };

  return walk(doc) as T;
}
