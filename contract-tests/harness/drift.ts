import { record, type DriftKind, type ExchangeRecord, type LedgerEntry } from './ledger.js';

/**
 * The drift report: every non-conformance the run saw, grouped by operation
 * and kind, with one example exchange each — what someone fixing the
 * deployment or the spec reads first. The client and `check` record into the
 * ledger; `writeDriftReport` (globalSetup's teardown) turns it into Markdown.
 */
export interface SeenExchange {
  method: string;
  path: string;
  requestBody?: string;
  status: number;
  headers: Record<string, string>;
  text: string;
  operationId?: string;
}

let last: SeenExchange | undefined;

export function rememberExchange(exchange: SeenExchange): void {
  last = exchange;
}

export function lastExchange(): SeenExchange | undefined {
  return last;
}

const clip = (text: string, n = 600) => (text.length > n ? `${text.slice(0, n)}… (${text.length} characters)` : text);

export function exchangeRecord(e: SeenExchange): ExchangeRecord {
  const headers = Object.entries(e.headers)
    .filter(([name]) => /^(content-type|allow|retry-after|www-authenticate|ratelimit|ratelimit-policy|idempotent-replayed|x-request-id)$/.test(name))
    .map(([name, value]) => `${name}: ${value}`);
  return {
    request: `${e.method} ${e.path}${e.requestBody ? `\n\n${clip(e.requestBody, 300)}` : ''}`,
    response: `${e.status}\n${headers.join('\n')}${e.text ? `\n\n${clip(e.text)}` : ''}`,
  };
}

/** Which kind of drift a validator finding is. */
export function driftKind(violation: string): DriftKind {
  if (/is not documented|no documented response/.test(violation)) return 'status not documented';
  if (/required header .* is missing/.test(violation)) return 'header missing';
  if (/must have required property/.test(violation)) return 'member missing';
  if (/^problem: /.test(violation)) return 'behaviour differs';
  return 'type wrong';
}

/** A behaviour test failed: recorded against the operation of the last exchange it made. */
export function recordBehaviour(test: string, err: unknown): void {
  const message = String((err as Error)?.message ?? err)
    .split('\n')[0]
    .slice(0, 400);
  const e = last;
  record({
    kind: 'drift',
    operation: e?.operationId ?? (e ? `${e.method} ${e.path.split('?')[0]}` : '(no request)'),
    drift: 'behaviour differs',
    message,
    test,
    exchange: e && exchangeRecord(e),
  });
}

const KINDS: DriftKind[] = ['status not documented', 'member missing', 'type wrong', 'header missing', 'behaviour differs'];

export function driftMarkdown(entries: LedgerEntry[], target: string): string {
  const drift = entries.filter((e): e is Extract<LedgerEntry, { kind: 'drift' }> => e.kind === 'drift');
  const lines = [`# Contract drift: ${target}`, ''];
  if (drift.length === 0)
    return [...lines, 'No non-conformance: every answer matched openapi/sx.v1.yaml and every behaviour the suite asserts held.', ''].join('\n');
  const byOp = new Map<string, typeof drift>();
  for (const d of drift) byOp.set(d.operation, [...(byOp.get(d.operation) ?? []), d]);
  lines.push(
    `${drift.length} finding(s) on ${byOp.size} operation(s).`,
    '',
    `| operation | ${KINDS.join(' | ')} |`,
    `| --- |${KINDS.map(() => ' ---: |').join('')}`,
  );
  for (const [op, list] of [...byOp].sort()) lines.push(`| ${op} | ${KINDS.map((k) => list.filter((d) => d.drift === k).length || '').join(' | ')} |`);
  for (const [op, list] of [...byOp].sort()) {
    lines.push('', `## ${op}`);
    for (const kind of KINDS) {
      const ofKind = list.filter((d) => d.drift === kind);
      if (!ofKind.length) continue;
      const messages = [...new Set(ofKind.map((d) => (d.test ? `${d.message} (in "${d.test}")` : d.message)))];
      lines.push('', `### ${kind} (${ofKind.length})`, '', ...messages.slice(0, 10).map((m) => `- ${m.replace(/\|/g, '\\|')}`));
      if (messages.length > 10) lines.push(`- … and ${messages.length - 10} more`);
      const example = ofKind.find((d) => d.exchange)?.exchange;
      if (example) lines.push('', 'One exchange that shows it:', '', '```http', example.request, '```', '', '```http', example.response, '```');
    }
  }
  return `${lines.join('\n')}\n`;
}
