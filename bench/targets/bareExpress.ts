/**
 * The ceiling: a bare Express app (the sandbox's Express major) that answers
 * the benchmarked routes with the very JSON the sandbox answered, and does
 * nothing else — no auth, no rate limit, no validation, no state. Objects
 * are serialised per request (res.json), as any Express handler would.
 *
 *   node bench/.build/bench/targets/bareExpress.js --port <p> --payloads <file.json>
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import express from 'express';

export interface Payloads {
  list: unknown;
  product: unknown;
  created: unknown;
  invalid: unknown;
}

const { values } = parseArgs({ options: { port: { type: 'string' }, payloads: { type: 'string' } } });
const payloads = JSON.parse(readFileSync(values.payloads!, 'utf8')) as Payloads;

const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.get('/v1/products', (_req, res) => {
  res.json(payloads.list);
});
app.get('/v1/products/:id', (_req, res) => {
  res.json(payloads.product);
});
app.post('/v1/products', express.json(), (req, res) => {
  // the one check the 422 workload needs to be told apart from the valid one
  if (!(req.body?.price_cents >= 0)) {
    res.status(422).type('application/problem+json').send(JSON.stringify(payloads.invalid));
    return;
  }
  res.status(201).json(payloads.created);
});
app.listen(Number(values.port), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
