import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface StaticSite {
  origin: string;
  /** what POST /hook received: a webhook receiver on the same origin, so the page needs no CORS to reach it */
  received: Received[];
  /** every path a client asked for */
  asked: string[];
  close(): Promise<void>;
}

/**
 * A plain static file server for a built docs folder, as any host would
 * serve it (GET and HEAD of files, nothing else), on 127.0.0.1 port 0. It
 * runs no sandbox: Try it must be answered in the browser. Besides the
 * files, POST /hook takes webhook deliveries and answers 204.
 */
export async function serveStatic(dir: string): Promise<StaticSite> {
  const received: Received[] = [];
  const asked: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    asked.push(`${req.method} ${path}`);
    if (req.method === 'POST' && path === '/hook') {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const bytes = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : bytes);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    asked,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
