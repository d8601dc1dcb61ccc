import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { docsRoutes } from '../../src/docs/routes.js';
import { ANSWERER_META, PAGE_CSP } from '../../src/docs/site/html.js';
import { SPEC_PATH } from '../../src/paths.js';
import { TestSandbox } from '../support/sandbox.js';

const specText = readFileSync(SPEC_PATH, 'utf8');

/** A built site's shape, small: what the routes serve does not depend on the page's content. */
function fakeSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sx-docs-site-'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html><head>${ANSWERER_META}</head><body>reference</body></html>`);
  for (const name of ['docs.js', 'docs.css', 'sx-sandbox.js']) writeFileSync(join(dir, name), `/* ${name} */`);
  writeFileSync(join(dir, 'secret.txt'), 'not part of the site');
  return dir;
}

function appOver(siteDir: string) {
  const app = express();
  app.use(docsRoutes({ specText, siteDir }));
  return app;
}

describe('docs routes', () => {
  const { app } = new TestSandbox().sandbox;

  it('GET / and GET /docs redirect to the page at /docs/, with no HTML body', async () => {
    const root = await request(app).get('/').set('Accept', 'text/html');
    expect(root.status).toBe(302);
    expect(root.headers.location).toBe('docs/');
    expect(root.text).toBe('');
    const docs = await request(app).get('/docs');
    expect(docs.status).toBe(301);
    expect(docs.headers.location).toBe('docs/');
  });

  it('serves the built page with the choice of answerer, under the page’s own CSP', async () => {
    const site = appOver(fakeSite());
    const reply = await request(site).get('/docs/');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.headers['content-security-policy']).toBe(PAGE_CSP);
    expect(reply.text).toContain('<meta name="sx-answerer" content="choice">');
    expect(reply.text).not.toContain(ANSWERER_META);
    for (const name of ['docs.js', 'docs.css', 'sx-sandbox.js']) {
      const file = await request(site).get(`/docs/${name}`);
      expect(file.status, name).toBe(200);
      expect(file.text).toBe(`/* ${name} */`);
    }
    for (const path of ['/docs/secret.txt', '/docs/../package.json', '/docs/index.html.bak']) {
      expect((await request(site).get(path)).status, path).toBe(404);
    }
  });

  it('a site that is not built is a 404 Problem that says how to build it', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'sx-docs-none-'));
    const app2 = express();
    app2.use(docsRoutes({ specText, siteDir: empty }));
    app2.use((err: { status?: number; detail?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(err.status ?? 500).json({ detail: err.detail });
    });
    const reply = await request(app2).get('/docs/');
    expect(reply.status).toBe(404);
    expect(reply.body.detail).toContain('npm run build:docs');
  });

  it('the page’s policy runs only its own scripts and sends Try it nowhere but the page', () => {
    expect(PAGE_CSP).toContain("script-src 'self' 'unsafe-eval';");
    expect(PAGE_CSP).toContain("default-src 'none'");
    expect(PAGE_CSP).not.toMatch(/script-src[^;]*(https?:|\*)/);
  });

  it('GET /openapi.yaml is the spec file byte for byte', async () => {
    const reply = await request(app).get('/openapi.yaml');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^application\/yaml/);
    expect(reply.text).toBe(specText);
  });

  it('GET /openapi.json is the spec ($refs kept) with the server URL of the origin the request came to', async () => {
    const reply = await request(app).get('/openapi.json').set('Host', 'sandbox.example:8443');
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.body.servers).toEqual([{ url: 'http://sandbox.example:8443', description: 'this sandbox' }]);
    expect(reply.body.paths['/v1/products'].get.operationId).toBe('listProducts');
    expect(JSON.stringify(reply.body)).toContain('"$ref":"#/components/schemas/ProductList"');
    // forwarded headers count only behind a trusted proxy
    const forwarded = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'try.sx.example' };
    const untrusted = await request(app).get('/openapi.json').set('Host', 'internal:4010').set(forwarded);
    expect(untrusted.body.servers[0].url).toBe('http://internal:4010');
    const proxied = new TestSandbox({ trustProxy: true }).sandbox.app;
    const trusted = await request(proxied).get('/openapi.json').set('Host', 'internal:4010').set(forwarded);
    expect(trusted.body.servers[0].url).toBe('https://try.sx.example');
  });

  it('the spec downloads carry CORS headers for a docs site on another origin', async () => {
    const reply = await request(app).get('/openapi.json').set('Origin', 'https://docs.example');
    expect(reply.headers['access-control-allow-origin']).toBe('*');
  });
});
