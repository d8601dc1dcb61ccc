/**
 * The web platform's webhook delivery (platform/web.ts): a `fetch` POST,
 * here Node's own fetch to receivers on 127.0.0.1, as a page or a service
 * worker would send it. End to end, a browser sandbox's delivery arrives
 * and verifies with standardwebhooks (test/support/receiver.ts checks every
 * signature).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createBrowserSandbox } from '../../src/browser.js';
import { fetchDeliver } from '../../src/platform/web.js';
import { Receiver } from '../support/receiver.js';

const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

async function bare(answer: number | 'hang'): Promise<{ url: string; seen: { headers: http.IncomingHttpHeaders; body: string }[] }> {
  const seen: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ headers: req.headers, body });
      if (answer !== 'hang') res.writeHead(answer).end('dropped');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closing.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, seen };
}

const send = fetchDeliver();
const attempt = (url: string, extra: Partial<Parameters<typeof send>[0]> = {}) =>
  send({ url: new URL(url), body: '{"a":1}', headers: { 'webhook-id': 'evt_x' }, timeoutMs: 5000, addresses: null, ...extra });

describe('fetchDeliver (one attempt through fetch)', () => {
  it('POSTs the body as JSON with the given headers, and reports the status as it came', async () => {
    const ok = await bare(202);
    const result = await attempt(ok.url);
    expect(result.response_code).toBe(202);
    expect(result.error).toBeUndefined();
    expect(ok.seen[0]).toMatchObject({ body: '{"a":1}', headers: { 'content-type': 'application/json', 'webhook-id': 'evt_x' } });
    for (const status of [301, 500]) expect((await attempt((await bare(status)).url)).response_code).toBe(status);
  });

  it('is response_code 0 with the reason when nothing answers: refused, past its deadline, aborted', async () => {
    const gone = await bare(200);
    await closing.pop()!();
    expect(await attempt(gone.url)).toMatchObject({ response_code: 0, error: expect.stringMatching(/^not reachable from here/) });

    const hang = await bare('hang');
    expect(await attempt(hang.url, { timeoutMs: 100 })).toMatchObject({ response_code: 0, error: 'no answer within 100 ms' });

    const abort = new AbortController();
    const pending = attempt((await bare('hang')).url, { signal: abort.signal });
    abort.abort();
    expect(await pending).toMatchObject({ response_code: 0, error: 'aborted' });
  });
});

describe('a browser sandbox delivering with fetch', () => {
  it('sends each event to a registered receiver, signed so standardwebhooks verifies it', async () => {
    const receiver = await Receiver.start();
    closing.push(() => receiver.close());
    const sandbox = createBrowserSandbox({ clockMode: 'frozen' });
    closing.push(() => sandbox.close());
    const headers = { Authorization: `Bearer ${sandbox.demoKey}`, 'Content-Type': 'application/json' };
    const created = await sandbox.fetch(
      new Request('http://x/v1/webhooks', { method: 'POST', headers, body: JSON.stringify({ url: receiver.url(), events: ['order.paid'] }) }),
    );
    receiver.trust(((await created.json()) as { signing_secret: string }).signing_secret);
    await sandbox.fetch(
      new Request('http://x/v1/test_helpers/orders', {
        method: 'POST',
        headers,
        body: JSON.stringify({ product: 'prod_01J2PVQR41', email: 'sam@example.com' }),
      }),
    );
    const [arrival] = await receiver.waitFor(1);
    await sandbox.webhooks.idle();
    expect(receiver.rejected).toEqual([]);
    expect(arrival.event.type).toBe('order.paid');
    expect(arrival.headers['webhook-event-type']).toBe('order.paid');
  });
});
