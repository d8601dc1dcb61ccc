import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { passThrough, ROOT, runSuite, SPEC, startPrism } from './procs.js';

/**
 * `npm run contract:prism-mock`: the suite against `prism mock`, a stateless
 * mock of the same spec, to show that the suite tells a real implementation
 * from something that merely has the right shapes. Writes a short report of
 * what fails there and why; `-- --update-readme` also puts it into
 * contract-tests/README.md. A demonstration: it exits 0 whatever fails.
 */
const JUNIT = process.env.SX_JUNIT_PATH ?? 'test-results/contract-prism-mock-junit.xml';
const REPORT = 'test-results/prism-mock-report.md';
const README = join(ROOT, 'contract-tests', 'README.md');
const MARKERS = ['<!-- prism-mock-report:start -->', '<!-- prism-mock-report:end -->'] as const;

/** Why a stateless mock fails each area: what the area needs that a mock has not got. */
const WHY: Record<string, string> = {
  'auth.test.ts': 'takes any well-formed bearer token: it holds no keys, so none is unknown, revoked or live',
  'abilities.test.ts': 'keys have no abilities: it never answers 403',
  'errors.test.ts':
    'answers from examples: a request it cannot tell apart from a valid one gets a success (ids are never unknown, idempotency keys never spent)',
  'pagination.test.ts': 'one example page whatever the cursor or limit: cursors lead nowhere, filters filter nothing',
  'idempotency.test.ts': 'no memory between requests: nothing is replayed, nothing conflicts',
  'rateLimits.test.ts': 'no rate limits: its RateLimit headers are the documented examples (the writes policy on reads too), and it never answers 429',
  'tenancy.test.ts': "one world for every key: nothing is ever another shop's",
  'products.test.ts': 'stateless: what is created is not stored, reads return the example, not what was sent',
  'orders.test.ts': 'stateless: refunds change no order, rules on amounts and states are not applied',
  'customers.test.ts': 'stateless: customers are not derived from orders',
  'payouts.test.ts': 'stateless: no balance, no lifecycle, chain/asset/address rules not applied',
  'webhooks.test.ts': 'sends no webhooks at all',
  'testHelpers.test.ts': 'the sandbox helpers answer examples and change nothing',
  'apiKeys.test.ts': 'minted keys are the example (a live key) and revocation changes nothing',
  'coverage.test.ts': 'follows from the rest: statuses the mock never produces are never seen',
};

interface Case {
  file: string;
  name: string;
  failure?: string;
  skipped: boolean;
  /** why it was skipped (the suite attaches the reason as a property) */
  reason?: string;
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');

/** Test cases from vitest's JUnit XML: enough of a parser for the one format it writes. */
function readCases(xml: string): Case[] {
  const cases: Case[] = [];
  for (const m of xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const body = m[4] ?? '';
    const failure = /<(?:failure|error) message="([^"]*)"/.exec(body)?.[1];
    const reason = /<property name="skipped" value="([^"]*)"/.exec(body)?.[1];
    cases.push({
      file: decode(m[1]).split('/').pop()!,
      name: decode(m[2]),
      failure: failure && decode(failure),
      skipped: /<skipped/.test(body),
      reason: reason && decode(reason),
    });
  }
  return cases;
}

/** The first line of a failure, without the colour codes and the file positions. */
function firstLine(message: string): string {
  return message
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .find((l) => l.trim())!
    .trim()
    .slice(0, 160);
}

function report(cases: Case[]): string {
  const failed = cases.filter((c) => c.failure);
  const lines = [
    `Against \`prism mock openapi/sx.v1.yaml\`, **${failed.length} of ${cases.length}** contract tests fail ` +
      `(${cases.filter((c) => c.skipped).length} skip, ${cases.length - failed.length - cases.filter((c) => c.skipped).length} pass: ` +
      'those a stateless mock answering examples can satisfy — shapes, and errors it generates itself).',
    '',
    '| area | failed | why a stateless mock fails it | for example |',
    '| --- | --- | --- | --- |',
  ];
  const files = [...new Set(cases.map((c) => c.file))].sort();
  for (const file of files) {
    const inFile = cases.filter((c) => c.file === file);
    const bad = inFile.filter((c) => c.failure);
    if (bad.length === 0) continue;
    const example = `${bad[0].name}: ${firstLine(bad[0].failure!)}`.replace(/\|/g, '\\|');
    lines.push(`| ${file.replace('.test.ts', '')} | ${bad.length}/${inFile.length} | ${WHY[file] ?? ''} | ${example} |`);
  }
  const passing = files.filter((f) => !cases.some((c) => c.file === f && c.failure));
  for (const file of passing) {
    const skipped = cases.filter((c) => c.file === file && c.skipped);
    const why = skipped.length ? `: ${skipped.length} skipped — ${[...new Set(skipped.map((c) => c.reason))].join('; ')}` : '';
    lines.push('', `No failure in ${file.replace('.test.ts', '')}${why}.`);
  }
  return lines.join('\n');
}

const prism = await startPrism(['mock', SPEC]);
try {
  await runSuite(
    {
      SX_BASE_URL: prism.url,
      // the mock takes any well-formed key; this is the sandbox's documented demo key
      SX_API_KEY: 'sx_test_DemoShopFullAccessKey001',
      SX_WEBHOOK_TIMEOUT_MS: '1500',
      SX_SLOW: '0',
      SX_JUNIT_PATH: JUNIT,
    },
    passThrough().filter((a) => a !== '--update-readme'),
  );
} finally {
  await prism.stop();
}

const text = report(readCases(readFileSync(join(ROOT, JUNIT), 'utf8')));
mkdirSync(dirname(join(ROOT, REPORT)), { recursive: true });
writeFileSync(join(ROOT, REPORT), `${text}\n`);
process.stdout.write(`\n${text}\n\nwritten to ${REPORT}\n`);
if (process.argv.includes('--update-readme')) {
  const readme = readFileSync(README, 'utf8');
  const [start, end] = [readme.indexOf(MARKERS[0]), readme.indexOf(MARKERS[1])];
  if (start < 0 || end < start) throw new Error(`${README} has no ${MARKERS[0]} … ${MARKERS[1]} section`);
  writeFileSync(README, `${readme.slice(0, start + MARKERS[0].length)}\n${text}\n${readme.slice(end)}`);
  process.stdout.write(`and into ${README}\n`);
}
process.exit(0);
