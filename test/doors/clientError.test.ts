import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../src/index.js';

/** Sends raw bytes to the sandbox on loopback and returns everything it answers before closing. */
function raw(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.write(bytes);
  });
}

function parse(answer: string) {
  const [head, body] = answer.split('\r\n\r\n');
  const [statusLine, ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(body) };
}

describe('requests Node’s HTTP parser refuses are answered as problems', () => {
  let sandbox: Sandbox;
  let port: number;
  beforeAll(async () => {
    sandbox = createSandbox({ clockMode: 'frozen' });
    port = Number(new URL((await sandbox.listen(0, '127.0.0.1')).url).port);
  });
  afterAll(() => sandbox.close());

  it.each([
    ['a bare LF in a header', 'GET /v1/products HTTP/1.1\r\nHost: x\nX-Odd: y\r\n\r\n', 400],
    ['Content-Length with Transfer-Encoding', 'POST /v1/products HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', 400],
    ['a 20 KB header', `GET /v1/products HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
    ['garbage instead of a request line', 'HELLO THERE\r\n\r\n', 400],
  ])('%s', async (_what, bytes, status) => {
    const reply = parse(await raw(port, bytes));
    expect(reply.status).toBe(status);
    expect(reply.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(reply.headers.connection).toBe('close');
    expect(reply.body).toMatchObject({ status, type: status === 431 ? 'header_fields_too_large' : 'invalid_request' });
    expect(reply.body.request_id).toBe(reply.headers['x-request-id']);
    expect(reply.body.detail).toMatch(/HPE_/);
  });

  it('a well-formed request on the same server is answered as usual', async () => {
    const reply = await raw(port, 'GET /v1/products HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1.1 401 /);
  });
});
