import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { type Request, type RequestHandler, type Router } from 'express';
import { PACKAGE_ROOT } from '../paths.js';
import { parseCached } from '../spec/load.js';

// plain files, not compiled: the same folder serves from src/ (tsx, vitest) and dist/ (npm start)
const OWN_ASSETS = join(PACKAGE_ROOT, 'src', 'docs', 'assets');
const SWAGGER_UI = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** swagger-ui-dist files the page loads; nothing else of the package is served (no petstore initializer). */
const SWAGGER_FILES = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png', 'favicon-16x16.png']);
const OWN_FILES = new Set(['sandbox.js', 'sandbox.css']);

/**
 * The page runs only scripts from this origin (no inline script), and Try it
 * talks only to this origin. swagger-ui sets inline style attributes, hence
 * 'unsafe-inline' for styles alone.
 */
const PAGE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

export interface DocsOptions {
  /** the spec's YAML, exactly as the sandbox loaded it */
  specText: string;
}

/**
 * The API reference page (swagger-ui, served from the installed package, so
 * it works offline) and the spec downloads. Mounted before the API pipeline;
 * a file that is not here falls through to the usual 404 problem.
 */
export function docsRoutes({ specText }: DocsOptions): Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  const specJson = specWithServer(specText);

  // a Location without a body: a redirect must not answer HTML either
  router.get('/', (_req, res) => void res.status(302).setHeader('Location', 'docs').end());
  router.get('/docs/', (_req, res) => void res.status(301).setHeader('Location', '../docs').end());
  router.get('/docs', (_req, res, next) => res.sendFile('index.html', { root: OWN_ASSETS, headers: PAGE_HEADERS }, fail(next)));
  router.get('/docs/:file', serve(OWN_FILES, OWN_ASSETS));
  router.get('/docs/swagger-ui/:file', serve(SWAGGER_FILES, SWAGGER_UI));

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
    res.sendFile(req.params.file, { root, headers: { 'X-Content-Type-Options': 'nosniff' } }, fail(next));
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
 * The spec as loaded ($refs kept, so swagger-ui shows schema names), with its
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
