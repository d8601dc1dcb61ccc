import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Request, type RequestHandler, type Router } from 'express';
import { Problem } from '../engine/problem.js';
import { DOCS_SITE } from '../paths.js';
import { parseCached } from '../spec/load.js';
import { ANSWERER_META, PAGE_CSP, SITE_FILES } from './site/html.js';

/** The page's own policy (also in its meta tag), sent as a header too, with the headers a static host would add. */
const PAGE_HEADERS = {
  'Content-Security-Policy': PAGE_CSP,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

export interface DocsOptions {
  /** the spec's YAML, exactly as the sandbox loaded it */
  specText: string;
  /** the built docs site (DOCS_SITE unless given) */
  siteDir?: string;
}

/**
 * The docs page (the static site of `npm run build:docs`) and the spec
 * downloads. Served here, the page offers a choice: answer Try it in the
 * browser, as on a static host, or from this server's visitor shops.
 * Mounted before the API pipeline; a file that is not here falls through to
 * the usual 404 problem.
 */
export function docsRoutes({ specText, siteDir = DOCS_SITE }: DocsOptions): Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  const specJson = specWithServer(specText);
  let page: string | null = null;

  // a Location without a body: a redirect must not answer HTML either
  router.get('/', (_req, res) => void res.status(302).setHeader('Location', 'docs/').end());
  router.get('/docs', (_req, res) => void res.status(301).setHeader('Location', 'docs/').end());
  router.get('/docs/', (_req, res, next) => {
    try {
      page ??= readFileSync(join(siteDir, 'index.html'), 'utf8').replace(ANSWERER_META, ANSWERER_META.replace('"browser"', '"choice"'));
    } catch {
      next(new Problem(404, `The docs page is not built in ${siteDir}: run \`npm run build:docs\` (or \`npm run build\`).`));
      return;
    }
    res.set(PAGE_HEADERS).type('text/html; charset=utf-8').send(page);
  });
  router.get('/docs/:file', serve(new Set(Object.values(SITE_FILES)), siteDir));

  router.get('/openapi.yaml', (_req, res) => {
    res.type('application/yaml; charset=utf-8').send(specText);
  });
  router.get('/openapi.json', (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.type('application/json; charset=utf-8').send(specJson(originOf(req)));
  });
  return router;
}

function serve(files: ReadonlySet<string>, root: string): RequestHandler<{ file: string }> {
  return (req, res, next) => {
    if (!files.has(req.params.file)) return next();
    res.sendFile(req.params.file, { root, headers: { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' } }, fail(next));
  };
}

/** sendFile reports a missing file as an error; let it become the usual problem, never Express's HTML. */
function fail(next: (err?: unknown) => void) {
  return (err?: Error) => {
    if (err) next(err);
  };
}

/**
 * Where this request reached the sandbox: scheme and host as the client saw
 * them (X-Forwarded-Proto/-Host count only with --trust-proxy). Try it then
 * calls the sandbox that served the page, wherever it is hosted.
 */
export function originOf(req: Request): string {
  return `${req.protocol}://${req.host}`;
}

/**
 * The spec as loaded ($refs kept, so a renderer shows schema names), with its
 * server URL replaced per request. Serialized on first use (never on the
 * start-up path) and once; each request only splices its origin in.
 */
export function specWithServer(specText: string): (origin: string) => string {
  let parts: [string, string] | null = null;
  const split = (): [string, string] => {
    const doc = parseCached(specText) as { servers?: { url: string; description?: string }[] };
    const marker = '\u0000sx-server-url\u0000';
    const first = doc.servers?.[0] ?? {};
    const template = JSON.stringify({ ...doc, servers: [{ ...first, url: marker, description: 'this sandbox' }] });
    const [head, tail] = template.split(JSON.stringify(marker));
    return [head, tail];
  };
  return (origin) => {
    parts ??= split();
    return parts[0] + JSON.stringify(origin) + parts[1];
  };
}
