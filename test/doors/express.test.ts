import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { result } from '../../src/engine/stages/dispatch.js';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../src/index.js';

process.env.SX_SANDBOX_QUIET ??= '1';

interface Raw {
  status: number;
  message: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const open: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** A sandbox on a port (0: a free one) and a client that sees the answer as it went over the wire. */
async function serve(options: SandboxOptions = {}) {
  const sandbox = createSandbox({ clockMode: 'frozen', ...options });
  open.push(sandbox);
  const { url } = await sandbox.listen(0);
  const call = (method: string, path: string, headers: Record<string, string> = {}) =>
    new Promise<Raw>((resolve, reject) => {
      const req = httpRequest(`${url}${path}`, { method, headers: { authorization: `Bearer ${sandbox.demoKey}`, ...headers } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, message: res.statusMessage ?? '', headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    });
  return { sandbox, call };
}

describe('the Express door writes the engine reply as it is', () => {
  it('the same status, headers and bytes as the engine, with Content-Length (never chunked)', async () => {
    const { sandbox, call } = await serve();
    const path = '/v1/products/prod_01J2PVQR41';
    const wire = await call('GET', path, { 'x-request-id': 'req-door-1' });
    const engine = await sandbox.engine.handle({
      method: 'GET',
      path,
      query: {},
      headers: { authorization: `Bearer ${sandbox.demoKey}`, 'x-request-id': 'req-door-1' },
      body: null,
      ip: '',
    });
    expect(wire.status).toBe(engine.status);
    expect(wire.body).toBe(engine.body);
    // (the RateLimit headers count each call: the engine's own call was one more)
    for (const [name, value] of Object.entries(engine.headers)) if (!name.startsWith('RateLimit')) expect(wire.headers[name.toLowerCase()]).toBe(value);
    expect(wire.headers['ratelimit']).toMatch(/^"reads";r=\d+;t=\d+$/);
    expect(wire.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(wire.headers['content-length']).toBe(String(Buffer.byteLength(engine.body)));
    expect(wire.headers['transfer-encoding']).toBeUndefined();
    expect(wire.headers['x-powered-by']).toBeUndefined();
    expect(wire.headers.etag).toBeUndefined();
  });

  it('a 204 goes out with neither body nor Content-Type nor Content-Length', async () => {
    const { call } = await serve();
    const preflight = await call('OPTIONS', '/v1/products', { origin: 'https://example.test', 'access-control-request-method': 'POST' });
    expect(preflight.status).toBe(204);
    expect(preflight.body).toBe('');
    expect(preflight.headers['content-type']).toBeUndefined();
    expect(preflight.headers['content-length']).toBeUndefined();
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');
  });

  it('HEAD has the GET answer’s headers and length, without its body', async () => {
    const { call } = await serve();
    const get = await call('GET', '/v1/products');
    const head = await call('HEAD', '/v1/products');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.headers['content-type']).toBe(get.headers['content-type']);
  });

  it('answers `If-None-Match: *` as the fetch door does: the 200 and its body (the engine has no ETags)', async () => {
    const { sandbox, call } = await serve();
    const wire = await call('GET', '/v1/products', { 'if-none-match': '*' });
    const fetched = await sandbox.fetch(
      new Request('http://sandbox.test/v1/products', { headers: { authorization: `Bearer ${sandbox.demoKey}`, 'if-none-match': '*' } }),
    );
    expect(fetched.status).toBe(200);
    expect(wire.status).toBe(200);
    expect(wire.body).toBe(await fetched.text());
  });

  it('a header Node refuses to write becomes a 500 problem with its own status line, and the next request is served', async () => {
    const { call } = await serve({ handlerOverrides: { getProduct: () => result<'createProduct'>(201, { id: 'x' } as never, { 'X-Broken': 'line\nbreak' }) } });
    const broken = await call('GET', '/v1/products/prod_01J2PVQR41');
    expect(broken.status).toBe(500);
    expect(broken.message).toBe('Internal Server Error');
    expect(broken.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(JSON.parse(broken.body)).toMatchObject({ status: 500, type: 'server_error' });
    expect((await call('GET', '/v1/products')).status).toBe(200);
  });
});
