import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { deliver, USER_AGENT } from '../../src/events/deliver.js';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

/** A bare server: what a receiver sees, and what it answers (a status, or nothing). */
async function server(answer: number | 'hang') {
  const seen: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
  const s = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      if (answer !== 'hang') res.writeHead(answer).end('ignored');
    });
  });
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return { port: (s.address() as AddressInfo).port, seen };
}

const attempt = (url: string, extra: Partial<Parameters<typeof deliver>[0]> = {}) =>
  deliver({ url: new URL(url), body: '{"a":1}', headers: { 'webhook-id': 'evt_x' }, timeoutMs: 5000, addresses: null, ...extra });

describe('deliver (one attempt)', () => {
  it('POSTs the body as JSON with the given headers and a User-Agent naming the sandbox and its version', async () => {
    const { port, seen } = await server(202);
    const result = await attempt(`http://127.0.0.1:${port}/in?x=1`);
    expect(result.response_code).toBe(202);
    expect(Number.isInteger(result.duration_ms) && result.duration_ms >= 0).toBe(true);
    const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
    expect(USER_AGENT).toContain(`sx-sandbox/${version}`);
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: '/in?x=1',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json', 'content-length': '7', 'user-agent': USER_AGENT, 'webhook-id': 'evt_x' },
    });
  });

  it('reports any status as it came, redirects included (they are not followed)', async () => {
    for (const status of [301, 404, 500]) {
      const { port } = await server(status);
      expect((await attempt(`http://127.0.0.1:${port}/`)).response_code).toBe(status);
    }
  });

  it('is response_code 0 when the connection is refused', async () => {
    const { port } = await server(200);
    const s = servers.pop()!;
    await new Promise((r) => s.close(r));
    expect(await attempt(`http://127.0.0.1:${port}/`)).toMatchObject({ response_code: 0, error: 'ECONNREFUSED' });
  });

  it('is response_code 0 when no answer comes in time, and when aborted', async () => {
    const { port } = await server('hang');
    expect(await attempt(`http://127.0.0.1:${port}/`, { timeoutMs: 30 })).toMatchObject({
      response_code: 0,
      error: expect.stringMatching(/no answer within 30 ms/),
    });
    const abort = new AbortController();
    const pending = attempt(`http://127.0.0.1:${port}/`, { signal: abort.signal });
    abort.abort();
    expect(await pending).toMatchObject({ response_code: 0, error: 'aborted' });
  });

  it('connects only to the addresses it was given, keeping the host name for Host (and TLS)', async () => {
    const { port, seen } = await server(200);
    const result = await attempt(`http://hooks.invalid:${port}/pinned`, { addresses: [{ address: '127.0.0.1', family: 4 }] });
    expect(result.response_code).toBe(200);
    expect(seen[0].headers.host).toBe(`hooks.invalid:${port}`);
  });
});
