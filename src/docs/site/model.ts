/**
 * The docs page's content, taken from the spec at build time: each
 * operation with its parameters, request fields and examples, and the
 * reference's prose sections. Plain data; site/html.ts turns it into the
 * page and the page's script reads the part Try it needs (OperationCall).
 */
import { Marked } from 'marked';
import { dereference } from '../../spec/dereference.js';

/** A JSON object of the spec, read with the narrowing helpers below (the spec is data here, not types). */
type Json = Record<string, unknown>;

const obj = (value: unknown): Json | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown, otherwise = ''): string => (typeof value === 'string' ? value : otherwise);

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
  /**
   * the server URL the spec names (else a local sandbox's default address): where the same calls go
   * without this page. The page's curl names it only as that, since the sandbox in the page answers
   * without any request leaving the browser (main.ts, curlPanel).
   */
  server: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function pageModel(spec: Json): PageModel {
  // every $ref replaced by what it points to, siblings refining it (as the sandbox reads the spec)
  const doc = dereference(spec);
  const markdown = new Marked({ gfm: true });
  const md = (value: unknown) => (typeof value === 'string' && value ? (markdown.parse(value) as string) : '');
  const examplesOf = (media: Json | undefined): Example[] => {
    if (!media) return [];
    const named = Object.entries(obj(media.examples) ?? {}).map(([name, ex]) => {
      const example = obj(ex) ?? {};
      return { name, summary: text(example.summary, name), json: JSON.stringify(example.value, null, 2) };
    });
    if (named.length === 0 && media.example !== undefined) named.push({ name: 'example', summary: 'Example', json: JSON.stringify(media.example, null, 2) });
    return named;
  };
  const typeOf = (schema: unknown): string => describeType(obj(schema));

  const tags: TagDoc[] = list(doc.tags).map((t) => {
    const name = text(obj(t)?.name);
    return { name, id: `tag-${slugOf(name)}`, html: md(obj(t)?.description), operations: [] };
  });
  const tagByName = new Map(tags.map((t) => [t.name, t]));

  for (const [path, itemIn] of Object.entries(obj(doc.paths) ?? {})) {
    const item = obj(itemIn) ?? {};
    for (const method of METHODS) {
      const op = obj(item[method]);
      if (!op) continue;
      const params: Parameter[] = [...list(item.parameters), ...list(op.parameters)].map((p) => {
        const param = obj(p) ?? {};
        const schema = obj(param.schema);
        const example = param.example ?? schema?.example ?? list(schema?.examples)[0];
        const where = param.in === 'path' || param.in === 'header' ? param.in : 'query';
        return {
          name: text(param.name),
          in: where,
          required: param.required === true || where === 'path',
          type: typeOf(param.schema),
          html: md(param.description),
          example: example === undefined ? null : String(example),
          choices: Array.isArray(schema?.enum) ? schema.enum.map(String) : null,
        };
      });
      const media = obj(obj(obj(op.requestBody)?.content)?.['application/json']);
      const bodySchema = obj(media?.schema);
      const bodyExamples = examplesOf(media);
      const required = new Set(list(bodySchema?.required).map(String));
      const bodyFields: Field[] = Object.entries(obj(bodySchema?.properties) ?? {}).map(([name, field]) => ({
        name,
        required: required.has(name),
        type: typeOf(field),
        html: md(obj(field)?.description),
      }));
      const responses: ResponseDoc[] = Object.entries(obj(op.responses) ?? {}).map(([status, r]) => {
        const response = obj(r) ?? {};
        const content = obj(response.content) ?? {};
        return { status, html: md(response.description), examples: examplesOf(obj(content['application/json'] ?? content['application/problem+json'])) };
      });
      const tagName = text(list(op.tags)[0], 'Other');
      if (!tagByName.has(tagName)) {
        const tag = { name: tagName, id: `tag-${slugOf(tagName)}`, html: '', operations: [] };
        tags.push(tag);
        tagByName.set(tagName, tag);
      }
      const id = text(op.operationId);
      tagByName.get(tagName)!.operations.push({
        call: {
          id,
          method: method.toUpperCase(),
          path,
          params: params.map(({ name, in: where, required }) => ({ name, in: where, required })),
          body: bodyExamples[0]?.json ?? (media ? '{}' : null),
          anonymous: Array.isArray(op.security) && op.security.length === 0,
        },
        tag: tagName,
        summary: text(op.summary, id),
        html: md(op.description),
        ability: typeof op['x-sx-ability'] === 'string' ? op['x-sx-ability'] : null,
        sandboxOnly: op['x-sx-sandbox-only'] === true,
        idempotency: op['x-sx-idempotency'] === 'recommended' ? 'recommended' : null,
        params,
        bodyFields,
        bodyExamples,
        responses,
      });
    }
  }

  const info = obj(doc.info) ?? {};
  const { intro, sections } = splitSections(text(info.description));
  return {
    title: text(info.title, 'API'),
    version: text(info.version),
    summary: text(info.summary),
    introHtml: md(intro),
    tags: tags.filter((t) => t.operations.length > 0),
    sections: sections.map((s) => ({ id: `guide-${slugOf(s.title)}`, title: s.title, html: md(s.body) })),
    server: text(obj(list(doc.servers)[0])?.url, 'http://127.0.0.1:4010'),
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
function describeType(schema: Json | undefined): string {
  if (!schema) return '';
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map(String).join(', ')}`;
  const alternatives = list(schema.oneOf ?? schema.anyOf);
  if (alternatives.length) return alternatives.map((s) => describeType(obj(s))).join(' or ');
  let type = Array.isArray(schema.type) ? schema.type.join(' or ') : text(schema.type, schema.properties ? 'object' : '');
  if (type === 'array' && schema.items) type = `array of ${describeType(obj(schema.items)) || 'items'}`;
  const bounds: string[] = [];
  const bound = (name: string) => (typeof schema[name] === 'number' ? String(schema[name]) : null);
  if (typeof schema.format === 'string') bounds.push(schema.format);
  if (bound('minimum') !== null) bounds.push(`≥ ${bound('minimum')}`);
  if (bound('maximum') !== null) bounds.push(`≤ ${bound('maximum')}`);
  if (bound('minLength') !== null || bound('maxLength') !== null) bounds.push(`${bound('minLength') ?? 0}–${bound('maxLength') ?? '∞'} chars`);
  if (bound('minItems') !== null || bound('maxItems') !== null) bounds.push(`${bound('minItems') ?? 0}–${bound('maxItems') ?? '∞'} items`);
  return bounds.length ? `${type} (${bounds.join(', ')})` : type;
}
