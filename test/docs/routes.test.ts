import { readFileSync } from 'node:fs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { SPEC_PATH } from '../../src/paths.js';
import { TestSandbox } from '../support/sandbox.js';

const specText = readFileSync(SPEC_PATH, 'utf8');

describe('docs routes', () => {
  const { app } = new TestSandbox().sandbox;

  it('GET / redirects to the reference, with no HTML body', async () => {
    const reply = await request(app).get('/').set('Accept', 'text/html');
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe('docs');
    expect(reply.text).toBe('');
    const slash = await request(app).get('/docs/');
    expect(slash.status).toBe(301);
    expect(slash.headers.location).toBe('../docs');
  });

  it('GET /docs is the page: local scripts only, under a CSP without inline script', async () => {
    const reply = await request(app).get('/docs');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    const csp = reply.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    const scripts = [...reply.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => /src="([^"]+)"/.exec(m[1])?.[1])).toEqual(['docs/swagger-ui/swagger-ui-bundle.js', 'docs/sandbox.js']);
    expect(scripts.every((m) => m[2].trim() === '')).toBe(true);
    expect(reply.text).not.toMatch(/https?:\/\//); // nothing from a CDN: it works offline
  });

  it('serves swagger-ui-dist and the page script from the installed files, nothing else', async () => {
    const bundle = await request(app).get('/docs/swagger-ui/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers['content-type']).toMatch(/javascript/);
    expect((await request(app).get('/docs/swagger-ui/swagger-ui.css')).headers['content-type']).toMatch(/^text\/css/);
    expect((await request(app).get('/docs/sandbox.js')).text).toContain('preauthorizeApiKey');
    for (const path of ['/docs/swagger-ui/swagger-initializer.js', '/docs/swagger-ui/../package.json', '/docs/nope.js']) {
      const reply = await request(app).get(path);
      expect(reply.status, path).toBe(404);
      expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
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
