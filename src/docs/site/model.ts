/**
 * The docs page's content, taken from the spec at build time: each
 * operation with its parameters, request fields and examples, and the
 * reference's prose sections. Plain data; site/html.ts turns it into the
 * page and the page's script reads the part Try it needs (OperationCall).
 */
import { Marked } from 'marked';

type Json = Record<string, any>;

export interface Example {
  name: string;
  summary: string;
  /** the example's value as pretty-printed JSON */
  json: string;
}

export interface Field {
  name: string;
  required: boolean;
  /** type, enum and bounds in a few words: "integer ≥ 0", "one of active, draft" */
  type: string;
  html: string;
}

export interface Parameter extends Field {
  in: 'path' | 'query' | 'header';
  /** the spec's example, shown as a placeholder; never sent unless typed */
  example: string | null;
  /** an enum's values: the form offers them (and "not sent") */
  choices: string[] | null;
}

export interface ResponseDoc {
  status: string;
  html: string;
  examples: Example[];
}

/** What the page's script needs to send one operation from its form. */
export interface OperationCall {
  id: string;
  method: string;
  path: string;
  params: { name: string; in: Parameter['in']; required: boolean }[];
  /** the first request example, the body textarea's starting text */
  body: string | null;
  /** no Authorization (createEphemeralTenant) */
  anonymous: boolean;
}

export interface OperationDoc {
  call: OperationCall;
  tag: string;
  summary: string;
  html: string;
  ability: string | null;
  sandboxOnly: boolean;
  idempotency: 'recommended' | null;
  params: Parameter[];
  bodyFields: Field[];
  bodyExamples: Example[];
  responses: ResponseDoc[];
}

export interface Section {
  /** the anchor: guide-authentication */
  id: string;
  title: string;
  html: string;
}

export interface TagDoc {
  name: string;
  id: string;
  html: string;
  operations: OperationDoc[];
}

export interface PageModel {
  title: string;
  version: string;
  summary: string;
  /** the text before the first section */
  introHtml: string;
  tags: TagDoc[];
  sections: Section[];
  /** the server URL the spec names: what curl examples call */
  server: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function pageModel(doc: Json): PageModel {
  const markdown = new Marked({ gfm: true });
  const md = (text: unknown) => (typeof text === 'string' && text ? (markdown.parse(text) as string) : '');
  const resolve = (node: Json | undefined): Json | undefined => {
    let at = node;
    for (let hops = 0; at && typeof at.$ref === 'string' && hops < 10; hops++) {
      const target = (at.$ref as string)
        .replace(/^#\//, '')
        .split('/')
        .reduce<any>((obj, part) => obj?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
      at = { ...target, ...Object.fromEntries(Object.entries(at).filter(([k]) => k !== '$ref')) };
    }
    return at;
  };
  const examplesOf = (media: Json | undefined): Example[] => {
    if (!media) return [];
    const named = Object.entries((media.examples ?? {}) as Json).map(([name, ex]) => {
      const example = resolve(ex as Json)!;
      return { name, summary: String(example.summary ?? name), json: JSON.stringify(example.value, null, 2) };
    });
    if (named.length === 0 && media.example !== undefined) named.push({ name: 'example', summary: 'Example', json: JSON.stringify(media.example, null, 2) });
    return named;
  };
  const typeOf = (schemaIn: Json | undefined): string => describeType(resolve(schemaIn), resolve);

  const tags: TagDoc[] = ((doc.tags ?? []) as Json[]).map((t) => ({ name: t.name, id: `tag-${slugOf(t.name)}`, html: md(t.description), operations: [] }));
  const tagByName = new Map(tags.map((t) => [t.name, t]));

  for (const [path, itemIn] of Object.entries((doc.paths ?? {}) as Json)) {
    const item = resolve(itemIn as Json)!;
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const params: Parameter[] = [...((item.parameters ?? []) as Json[]), ...((op.parameters ?? []) as Json[])].map((p) => {
        const param = resolve(p)!;
        const schema = resolve(param.schema);
        const example = param.example ?? schema?.example ?? schema?.examples?.[0];
        return {
          name: param.name,
          in: param.in,
          required: param.required === true || param.in === 'path',
          type: typeOf(param.schema),
          html: md(param.description),
          example: example === undefined ? null : String(example),
          choices: Array.isArray(schema?.enum) ? schema.enum.map(String) : null,
        };
      });
      const body = resolve(op.requestBody);
      const media = body?.content?.['application/json'] as Json | undefined;
      const bodySchema = resolve(media?.schema);
      const bodyExamples = examplesOf(media);
      const required = new Set<string>((bodySchema?.required ?? []) as string[]);
      const bodyFields: Field[] = Object.entries((bodySchema?.properties ?? {}) as Json).map(([name, s]) => ({
        name,
        required: required.has(name),
        type: typeOf(s as Json),
        html: md(resolve(s as Json)?.description),
      }));
      const responses: ResponseDoc[] = Object.entries((op.responses ?? {}) as Json).map(([status, r]) => {
        const response = resolve(r as Json)!;
        const content = (response.content ?? {}) as Json;
        const first = content['application/json'] ?? content['application/problem+json'];
        return { status, html: md(response.description), examples: examplesOf(first) };
      });
      const tagName = (op.tags?.[0] as string | undefined) ?? 'Other';
      if (!tagByName.has(tagName)) {
        const tag = { name: tagName, id: `tag-${slugOf(tagName)}`, html: '', operations: [] };
        tags.push(tag);
        tagByName.set(tagName, tag);
      }
      tagByName.get(tagName)!.operations.push({
        call: {
          id: op.operationId,
          method: method.toUpperCase(),
          path,
          params: params.map(({ name, in: where, required }) => ({ name, in: where, required })),
          body: bodyExamples[0]?.json ?? (media ? '{}' : null),
          anonymous: Array.isArray(op.security) && op.security.length === 0,
        },
        tag: tagName,
        summary: String(op.summary ?? op.operationId),
        html: md(op.description),
        ability: (op['x-sx-ability'] as string | undefined) ?? null,
        sandboxOnly: op['x-sx-sandbox-only'] === true,
        idempotency: op['x-sx-idempotency'] === 'recommended' ? 'recommended' : null,
        params,
        bodyFields,
        bodyExamples,
        responses,
      });
    }
  }

  const { intro, sections } = splitSections(String(doc.info?.description ?? ''));
  return {
    title: String(doc.info?.title ?? 'API'),
    version: String(doc.info?.version ?? ''),
    summary: String(doc.info?.summary ?? ''),
    introHtml: md(intro),
    tags: tags.filter((t) => t.operations.length > 0),
    sections: sections.map((s) => ({ id: `guide-${slugOf(s.title)}`, title: s.title, html: md(s.body) })),
    server: String(doc.servers?.[0]?.url ?? 'http://127.0.0.1:4010'),
  };
}

/** The description's `## ` sections (a `### ` stays inside its section). */
function splitSections(text: string): { intro: string; sections: { title: string; body: string }[] } {
  const parts = text.split(/^## +(.+)$/m);
  const sections: { title: string; body: string }[] = [];
  for (let i = 1; i < parts.length; i += 2) sections.push({ title: parts[i].trim(), body: parts[i + 1] ?? '' });
  return { intro: parts[0], sections };
}

/** A schema in a few words, for the parameter and field tables. */
function describeType(schema: Json | undefined, resolve: (node: Json | undefined) => Json | undefined): string {
  if (!schema) return '';
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map(String).join(', ')}`;
  const alternatives = (schema.oneOf ?? schema.anyOf) as Json[] | undefined;
  if (alternatives) return alternatives.map((s) => describeType(resolve(s), resolve)).join(' or ');
  let type = Array.isArray(schema.type) ? schema.type.join(' or ') : (schema.type ?? (schema.properties ? 'object' : ''));
  if (type === 'array' && schema.items) type = `array of ${describeType(resolve(schema.items), resolve) || 'items'}`;
  const bounds: string[] = [];
  if (schema.format) bounds.push(schema.format);
  if (schema.minimum !== undefined) bounds.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) bounds.push(`≤ ${schema.maximum}`);
  if (schema.minLength !== undefined || schema.maxLength !== undefined) bounds.push(`${schema.minLength ?? 0}–${schema.maxLength ?? '∞'} chars`);
  if (schema.minItems !== undefined || schema.maxItems !== undefined) bounds.push(`${schema.minItems ?? 0}–${schema.maxItems ?? '∞'} items`);
  return bounds.length ? `${type} (${bounds.join(', ')})` : String(type);
}
