import type { ColdStart } from './coldStart.js';
import { DOOR_LABELS, DOORS, type DoorFigures } from './fetchDoor.js';
import type { FanoutPoint } from './fanout.js';
import type { ListPoint } from './listScaling.js';
import type { MemoryFigures } from './memory.js';
import { median, round } from './lib/stats.js';
import { ROUTE_LABELS, ROUTES, type RouteName, type ThroughputFigures } from './throughput.js';

/** Target names as they appear in the table and in latest.json. */
export const SANDBOX = 'sandbox';
export const EXPRESS = 'bare Express 5';
export const PRISM = 'Prism static';
export const PRISM_QUIET = 'Prism -v error';

export interface Results {
  date: string;
  machine: { cpu: string; cores: number; memoryGb: number; os: string; node: string };
  settings: Record<string, unknown>;
  notes: string[];
  throughput: ThroughputFigures;
  coldStart: Record<string, ColdStart>;
  memory: MemoryFigures | { skipped: string };
  listScaling: ListPoint[] | { skipped: string };
  fanout: FanoutPoint[] | { skipped: string };
  /** the in-process doors (no HTTP), measured in a process of their own */
  doors: DoorFigures | { skipped: string };
}

export interface Ratios {
  /** route → sandbox req/s ÷ baseline req/s */
  throughput: Record<RouteName, Partial<Record<string, number>>>;
  /** route → sandbox server CPU per request ÷ baseline's (lower is better; steadier than req/s on a shared machine) */
  cpuPerRequest: Record<RouteName, Partial<Record<string, number>>>;
  /** route → sandbox p99 latency ÷ bare Express's (lower is better) */
  p99VsExpress: Partial<Record<RouteName, number>>;
  /**
   * route → sandbox ÷ bare Express round by round, req/s and p99 (each pair
   * ran back to back, so what the machine was doing then weighs on both):
   * the medians of these are what the targets against bare Express check
   */
  roundsVsExpress: Partial<Record<RouteName, { rps: number[]; p99: number[] }>>;
  coldStartVsPrism: number;
}

export interface TargetCheck {
  goal: string;
  measured: string;
  met: boolean;
}

export function ratios(r: Results): Ratios {
  const throughput = {} as Ratios['throughput'];
  const cpuPerRequest = {} as Ratios['cpuPerRequest'];
  const p99VsExpress: Ratios['p99VsExpress'] = {};
  const roundsVsExpress: Ratios['roundsVsExpress'] = {};
  const sandbox = r.throughput[SANDBOX] ?? {};
  for (const route of ROUTES) {
    const [ourRounds, bareRounds] = [sandbox[route]?.rounds, r.throughput[EXPRESS]?.[route]?.rounds];
    if (ourRounds && bareRounds) {
      const pairs = ourRounds.flatMap((ours, i) => (bareRounds[i]?.rps && bareRounds[i].p99 ? [[ours, bareRounds[i]] as const] : []));
      roundsVsExpress[route] = { rps: pairs.map(([ours, bare]) => round(ours.rps / bare.rps)), p99: pairs.map(([ours, bare]) => round(ours.p99 / bare.p99)) };
    }
    const [ours, bare] = [sandbox[route]?.p99, r.throughput[EXPRESS]?.[route]?.p99];
    if (ours !== undefined && bare) p99VsExpress[route] = round(ours / bare);
    throughput[route] = {};
    cpuPerRequest[route] = {};
    for (const baseline of [EXPRESS, PRISM, PRISM_QUIET]) {
      const theirs = r.throughput[baseline]?.[route];
      const ours = sandbox[route];
      if (theirs?.rps && ours?.rps) throughput[route][baseline] = round(ours.rps / theirs.rps);
      if (theirs?.cpuUs && ours?.cpuUs) cpuPerRequest[route][baseline] = round(ours.cpuUs / theirs.cpuUs);
    }
  }
  return { throughput, cpuPerRequest, p99VsExpress, roundsVsExpress, coldStartVsPrism: round(r.coldStart[SANDBOX]?.medianMs / r.coldStart['Prism']?.medianMs) };
}

/**
 * Against bare Express, the median of the round pairs: on a shared machine
 * the load drifts between rounds (a pair four seconds apart moves by half,
 * bench/README.md), and the median of each target's rounds can come from
 * different moments, where a pair's two runs share theirs. The ratio of the
 * medians is printed next to it.
 */
function pairedMedian(pairs: number[] | undefined, unpaired: number | undefined): { value: number; text: string } | undefined {
  if (!pairs?.length) return unpaired === undefined ? undefined : { value: unpaired, text: `${unpaired}×` };
  const value = round(median(pairs));
  return { value, text: `${value}× (round pairs ${pairs.map((x) => x.toFixed(2)).join(' ')}; ratio of the medians ${unpaired ?? '–'}×)` };
}

/** The issue's targets, measured (never asserted: a miss is reported, not failed). */
export function checkTargets(r: Results, q: Ratios): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const ratioCheck = (route: RouteName, baseline: string, min: number) => {
    const unpaired = q.throughput[route][baseline];
    // round pairs are with bare Express only (Prism is compared on the medians)
    const measured = pairedMedian(baseline === EXPRESS ? q.roundsVsExpress[route]?.rps : undefined, unpaired);
    if (measured) checks.push({ goal: `${ROUTE_LABELS[route]} ≥ ${min}× ${baseline}`, measured: measured.text, met: measured.value >= min });
  };
  for (const route of ['list', 'get'] as const) {
    ratioCheck(route, EXPRESS, 0.9);
    ratioCheck(route, PRISM, 4);
    ratioCheck(route, PRISM_QUIET, 2);
  }
  ratioCheck('create', EXPRESS, 0.8);
  for (const route of ['list', 'get', 'create'] as const) {
    const p99 = pairedMedian(q.roundsVsExpress[route]?.p99, q.p99VsExpress[route]);
    if (p99)
      checks.push({
        goal: `${ROUTE_LABELS[route]} p99 ≤ 1.2× ${EXPRESS}'s at ${r.settings.connections} connections`,
        measured: p99.text,
        met: p99.value <= 1.2,
      });
  }
  for (const route of ROUTES) {
    const p99 = r.throughput[SANDBOX]?.[route]?.p99;
    if (p99 !== undefined)
      checks.push({ goal: `${ROUTE_LABELS[route]} p99 ≤ 10 ms at ${r.settings.connections} connections`, measured: `${p99} ms`, met: p99 <= 10 });
  }
  const cold = r.coldStart[SANDBOX]?.medianMs;
  if (cold !== undefined) {
    checks.push({ goal: 'cold start ≤ 300 ms', measured: `${Math.round(cold)} ms`, met: cold <= 300 });
    checks.push({ goal: "cold start ≤ 0.4× Prism's", measured: `${q.coldStartVsPrism}×`, met: q.coldStartVsPrism <= 0.4 });
  }
  if (!('skipped' in r.memory)) {
    const perTenant = r.memory.tenants.rssPerTenant;
    checks.push({ goal: '≤ 20 KB resident memory per idle ephemeral tenant', measured: `${(perTenant / 1024).toFixed(1)} KB`, met: perTenant <= 20 * 1024 });
  }
  if (Array.isArray(r.listScaling)) {
    const small = r.listScaling[0];
    const large = r.listScaling[r.listScaling.length - 1];
    for (const page of ['first', 'middle'] as const) {
      const factor = round(large[page].singleP50Ms / small[page].singleP50Ms);
      checks.push({
        goal: `list latency (${page} page) at ${large.products.toLocaleString('en')} products ≤ 2× at ${small.products}`,
        measured: `${factor}×`,
        met: factor <= 2,
      });
    }
  }
  return checks;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')).join('\n');
}

const n = (value: number | undefined, digits = 0) =>
  value === undefined || Number.isNaN(value) ? '–' : value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** The one table the bench prints: absolute figures, then ratios, then the targets. */
export function render(r: Results, q: Ratios, checks: TargetCheck[]): string {
  const out: string[] = [];
  out.push(`sx-sandbox benchmark · ${r.date} · ${r.machine.cpu} × ${r.machine.cores} · ${r.machine.memoryGb} GB · ${r.machine.os} · Node ${r.machine.node}`);
  out.push(
    `autocannon ${r.settings.connections} connections, ${r.settings.seconds} s per run, ${r.settings.rounds} alternating rounds (medians); ${r.settings.rateLimits}`,
  );
  out.push('');
  const targets = [SANDBOX, EXPRESS, PRISM, PRISM_QUIET].filter((t) => r.throughput[t]);
  const head = ['req/s · p50/p99 ms · CPU µs/req', ...targets, ...targets.slice(1).map((t) => `÷ ${t}`)];
  const rows = ROUTES.map((route) => [
    ROUTE_LABELS[route],
    ...targets.map((t) => {
      const f = r.throughput[t]?.[route];
      return f ? `${n(f.rps)} · ${f.p50}/${f.p99} · ${n(f.cpuUs)}${f.wrong ? ' !' : ''}` : 'n/a';
    }),
    ...targets.slice(1).map((t) => (q.throughput[route][t] === undefined ? 'n/a' : `${q.throughput[route][t]!.toFixed(2)}×`)),
  ]);
  out.push(table([head, ...rows]));
  const cpu = ROUTES.map((route) => `${route} ${q.cpuPerRequest[route][EXPRESS]?.toFixed(2) ?? '–'}×`).join(' · ');
  out.push(`server CPU per request, sandbox ÷ ${EXPRESS} (lower is better, least disturbed by other load): ${cpu}`);
  const p99 = ROUTES.map((route) => `${route} ${q.p99VsExpress[route]?.toFixed(2) ?? '–'}×`).join(' · ');
  out.push(`p99 latency, sandbox ÷ ${EXPRESS} (lower is better): ${p99}`);
  const paired = ROUTES.filter((route) => q.roundsVsExpress[route]?.rps.length).map(
    (route) => `${route} ${q.roundsVsExpress[route]!.rps.map((x) => x.toFixed(2)).join(' ')} (median ${median(q.roundsVsExpress[route]!.rps).toFixed(2)})`,
  );
  if (paired.length)
    out.push(
      `req/s, sandbox ÷ ${EXPRESS}, round by round (each pair back to back; the spread is this machine's; the targets read the median): ${paired.join(' · ')}`,
    );
  if (ROUTES.some((route) => targets.some((t) => r.throughput[t]?.[route]?.wrong))) out.push('  ! some answers had an unexpected status: see latest.json');
  out.push('');
  const cold = Object.entries(r.coldStart).map(([name, c]) => `${name} ${n(c.medianMs)} ms`);
  if (cold.length)
    out.push(`cold start (spawn → first 200, median of ${r.settings.coldStartRuns}): ${cold.join(' · ')} · sandbox ÷ Prism ${q.coldStartVsPrism.toFixed(2)}×`);
  else out.push('cold start: skipped (not selected (BENCH_ONLY))');
  if ('skipped' in r.memory) out.push(`memory: skipped (${r.memory.skipped})`);
  else {
    const t = r.memory.tenants.readings;
    const p = r.memory.products.readings;
    out.push(
      `memory (RSS after full GC): start ${mb(t[0].rss)} · ${t
        .slice(1)
        .map((x) => `${x.label} ${mb(x.rss)}`)
        .join(' · ')} → ${n(r.memory.tenants.rssPerTenant / 1024, 1)} KB RSS (${n(r.memory.tenants.heapPerTenant / 1024, 1)} KB heap) per tenant`,
    );
    out.push(
      `                           ${p
        .slice(1)
        .map((x) => `${x.label} ${mb(x.rss)}`)
        .join(' · ')} → ${n(r.memory.products.rssPerProduct)} B RSS (${n(r.memory.products.heapPerProduct)} B heap) per product`,
    );
  }
  if (Array.isArray(r.listScaling)) {
    out.push(
      `list latency (single call p50, first page / middle page): ${r.listScaling.map((p) => `${p.products.toLocaleString('en')}: ${p.first.singleP50Ms.toFixed(2)}/${p.middle.singleP50Ms.toFixed(2)} ms`).join(' · ')}`,
    );
    out.push(`list throughput (first page, req/s): ${r.listScaling.map((p) => `${p.products.toLocaleString('en')}: ${n(p.first.rps)}`).join(' · ')}`);
  } else out.push(`list scaling: skipped (${r.listScaling.skipped})`);
  if (Array.isArray(r.fanout)) {
    out.push(
      `webhook fan-out (state change → delivery): ${r.fanout.map((f) => `${f.endpoints} endpoint${f.endpoints > 1 ? 's' : ''} p50 ${f.p50Ms.toFixed(1)} / p99 ${f.p99Ms.toFixed(1)} ms`).join(' · ')}`,
    );
  } else out.push(`webhook fan-out: skipped (${r.fanout.skipped})`);
  if ('skipped' in r.doors) out.push(`in-process doors: skipped (${r.doors.skipped})`);
  else {
    const doors = r.doors;
    out.push('');
    out.push(`in-process doors, no HTTP (${r.settings.connections} requests in flight; req/s · p50/p99 ms · process CPU µs/req):`);
    const head = ['door', ...ROUTES.map((route) => ROUTE_LABELS[route])];
    const rows = DOORS.map((door) => [
      DOOR_LABELS[door],
      ...ROUTES.map((route) => {
        const f = doors[door][route];
        return f ? `${n(f.rps)} · ${f.p50_ms}/${f.p99_ms} · ${n(f.cpu_us)}${f.errors ? ' !' : ''}` : 'n/a';
      }),
    ]);
    out.push(table([head, ...rows]));
  }
  out.push('');
  out.push('targets (measured, not asserted):');
  for (const c of checks) out.push(`  ${c.met ? '✓' : '✗'} ${c.goal}: ${c.measured}`);
  if (!('skipped' in r.doors)) {
    const doors = r.doors;
    for (const door of ['fetch', 'msw'] as const) {
      const figures = ROUTES.map((route) => `${route} ${n(doors[door][route]?.rps)}`).join(' · ');
      out.push(`  • ${DOOR_LABELS[door]}, req/s in process: ${figures}`);
    }
  }
  for (const note of r.notes) out.push(`note: ${note}`);
  return out.join('\n');
}
