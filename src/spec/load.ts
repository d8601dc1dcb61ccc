import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { OpenAPIV3_1 } from 'openapi-types';
import { CACHE_DIR, cachedJson } from '../jsonCache.js';
import { SPEC_PATH } from '../paths.js';
import { prebuiltFiles, readPrebuilt } from '../prebuilt.js';

export { SPEC_PATH };

export type Spec = OpenAPIV3_1.Document;

/** dist/generated/spec.json: the parsed document and the hash of the text it was parsed from. */
export interface PrebuiltSpec {
  source_sha256: string;
  document: Spec;
}

/**
 * Loads the spec and replaces every local `$ref` with the object it points to
 * (shared by identity, so a schema referenced 20 times is one object and ajv
 * compiles it once per validator). Only `#/…` refs exist in our document;
 * anything else is a mistake worth failing start-up for.
 */
export function loadSpec(path = SPEC_PATH): { spec: Spec; raw: string } {
  const raw = readFileSync(path, 'utf8');
  return { spec: dereference(parseSpecText(raw)), raw };
}

export const digestOf = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Parsing the spec's YAML on a cold VM is most of a cold start (~250 ms; the
 * same document as JSON parses in ~3 ms), so the build parses it once into
 * dist/generated/spec.json. The built copy is used only when it was parsed
 * from exactly this text; otherwise (a run from source, an edited spec) the
 * YAML is parsed, through the run-time cache.
 */
export function parseSpecText(raw: string, prebuilt = readPrebuilt<PrebuiltSpec>(prebuiltFiles.spec), cacheDir: string | null = CACHE_DIR): Spec {
  if (prebuilt && prebuilt.source_sha256 === digestOf(raw)) return prebuilt.document;
  return parseCached(raw, cacheDir);
}

/** The YAML parsed, cached by its text (the cache's key hashes the whole text). */
export function parseCached(raw: string, dir: string | null = CACHE_DIR): Spec {
  return cachedJson('spec', `yaml-v2\n${raw}`, () => parseYaml(raw), dir);
}

export function parseYaml(raw: string): Spec {
  // loaded only when needed: importing the YAML library alone is ~30 ms of a cold start
  const { parse } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return parse(raw) as Spec;
}

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
