/**
 * The docs page's script: starts the reader's sandbox (in this page, or the
 * local server's visitor shop when the page is served by `npm start` and
 * the reader picks it), wires every operation's Try it form to it, keeps
 * path parameters filled with ids from the reader's shop, and feeds the
 * inspector. The reference itself is static markup written at build time.
 */
import type { OperationCall } from '../site/model.js';
import type { Answerer, AnswererEvents, DeliveryRecord } from './answerer.js';
import { startBrowserShop, type BrowserSandboxModule } from './browserShop.js';
import { byId, h } from './dom.js';
import { Inspector, type Endpoint } from './inspector.js';
import { Prefill } from './prefill.js';
import { startServerShop } from './serverShop.js';
import * as storage from './storage.js';
import { buildRequest, readAnswer, type Answer } from './tryIt.js';

type Mode = 'browser' | 'server';

const calls: OperationCall[] = JSON.parse(byId('sx-operations').textContent!);
const callById = new Map(calls.map((c) => [c.id, c]));
const meta = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
/** `choice` when the local server served the page: it can answer too */
const offersServer = meta('sx-answerer') === 'choice';
/**
 * Where the same calls go without this page. A static copy names the spec's server; a page served by a
 * sandbox (the answerer choice) names that sandbox, as the spec it serves does (routes.ts, specWithServer):
 * a reader at 127.0.0.1:4333/docs has a sandbox at 4333, whatever port the spec's own server names.
 */
const specServer = offersServer ? location.origin : meta('sx-server');
const sandboxUrl = new URL('sx-sandbox.js', import.meta.url).href;

const inspector = new Inspector(endpoints);
let answerer: Answerer | null = null;
let starting: Promise<void> | null = null;
/** The largest page a list takes (not every list takes `limit`: /v1/webhooks is one page). */
function pageQuery(template: string): string {
  const list = calls.find((c) => c.method === 'GET' && c.path === template);
  return list?.params.some((p) => p.in === 'query' && p.name === 'limit') ? '?limit=100' : '';
}

const prefill = new Prefill(calls, async (collection) => {
  const res = await internal('GET', `/v1/${collection}${pageQuery(`/v1/${collection}`)}`);
  const body = (await res.json()) as { data?: Record<string, unknown>[] };
  return body.data ?? [];
});

const events: AnswererEvents = {
  event: (event) => inspector.event(event),
  attempt: (attempt) => inspector.attempt(attempt),
  failed: (reason) => status(reason, 'error'),
};

function status(text: string, state: 'ok' | 'error' | 'busy' = 'ok'): void {
  const el = byId('sx-status');
  el.textContent = text;
  el.title = text;
  el.dataset.state = state;
}

function chosenMode(): Mode {
  if (!offersServer) return 'browser';
  return storage.read(storage.local(), storage.keys.mode) === 'server' ? 'server' : 'browser';
}

async function start(mode: Mode): Promise<void> {
  answerer?.close();
  answerer = null;
  inspector.clear();
  byId('sx-key').textContent = 'starting your sandbox…';
  status(mode === 'browser' ? 'Starting the sandbox in this page…' : 'Asking the local server for a shop of your own…', 'busy');
  try {
    if (mode === 'browser') {
      const started = await startBrowserShop(() => import(sandboxUrl) as Promise<BrowserSandboxModule>, specServer, events);
      answerer = started.answerer;
      status(
        started.refused
          ? `Your saved shop could not be read (${started.refused}); this is a new one.`
          : started.resumed
            ? 'Your shop, resumed from this browser. Try it is answered in this page.'
            : 'A shop of your own, running in this page: Try it is answered here.',
        started.refused ? 'error' : 'ok',
      );
      inspector.note('Sent from this browser to the URL you registered (CORS applies: see the note in Webhooks).');
    } else {
      const started = await startServerShop(location.origin);
      answerer = started.answerer;
      status(`A visitor shop on the local server; it expires after ${Math.round(started.visitor.idle_ttl_seconds / 60)} min without a request.`);
      inspector.note('The local server sends deliveries itself; their log is shown here. Events are shown when the browser answers.');
    }
  } catch (err) {
    status(`No sandbox: ${(err as Error).message}`, 'error');
    return;
  }
  byId('sx-key').textContent = answerer.key;
  byId('sx-tenant').textContent = answerer.tenant || '—';
  showClock(answerer.clock());
  document.body.dataset.ready = mode;
  // how long the reader waited for a sandbox, from navigation start (the docs README records it)
  document.body.dataset.readyMs = String(Math.round(performance.now()));
  showWhere(answerer);
  // not awaited: Try it answers at once; the ids arrive a moment later
  void refreshIds().then(refreshDeliveries);
}

/**
 * The URL beside each Send, said as it is: the local server's origin when it answers; for the sandbox in
 * this page only the path, and that it is answered here (the Request carries the spec's server only
 * because a Request needs an origin; nothing is sent there).
 */
function showWhere(by: Answerer): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form.try')) {
    const call = callById.get(form.dataset.op!)!;
    form
      .querySelector('.url')
      ?.replaceChildren(
        h('code', {}, `${call.method} ${by.kind === 'server' ? serverOf(by) : ''}${call.path}`),
        by.kind === 'browser' ? ' answered in this page' : '',
      );
  }
}

function showClock(iso: string | null): void {
  if (iso) byId('sx-clock').textContent = iso.replace(/\.\d{3}Z$/, 'Z');
}

/** The answerer's base URL without its trailing slash, ready for a path. */
function serverOf(by: Answerer): string {
  return by.base.replace(/\/$/, '');
}

/** A request of the page's own (prefill, delivery log): not the reader's, so not listed. */
function internal(method: string, path: string): Promise<Response> {
  if (!answerer) return Promise.reject(new Error('no sandbox yet'));
  return answerer.send(new Request(`${serverOf(answerer)}${path}`, { method, headers: { Authorization: `Bearer ${answerer.key}` } }));
}

/** One of the reader's requests: sent, logged in the inspector, and followed by the refreshes a change needs. */
async function send(
  call: OperationCall,
  values: (name: string) => string,
  bodyText: string | null,
): Promise<{ answer: Answer; sent: ReturnType<typeof buildRequest>; by: Answerer }> {
  if (!answerer && starting) await starting;
  if (!answerer) throw new Error('no sandbox: press New sandbox');
  const by = answerer;
  const sent = buildRequest(call, values, by.base, by.key, bodyText);
  const url = new URL(sent.request.url);
  const done = inspector.begin(`${call.method} ${url.pathname}${url.search}`);
  const started = performance.now();
  let answer: Answer;
  try {
    answer = await readAnswer(await by.send(sent.request), started);
  } catch (err) {
    done(err as Error);
    throw err;
  }
  done(answer);
  document.body.dataset.firstAnswerMs ??= String(Math.round(performance.now()));
  afterAnswer(call, answer, by);
  return { answer, sent, by };
}

function afterAnswer(call: OperationCall, answer: Answer, by: Answerer): void {
  const body = (answer.json && typeof answer.json === 'object' ? answer.json : {}) as Record<string, unknown>;
  const field = (name: string): string | null => (typeof body[name] === 'string' ? (body[name] as string) : null);
  const id = field('id');
  if (call.id === 'createWebhook' && answer.status === 201 && id)
    keepEndpoints([...endpoints(by).filter((e) => e.id !== id), { id, url: field('url') ?? '', secret: field('signing_secret') }], by);
  if (call.id === 'createApiKey' && answer.status === 201 && id) prefill.own.keyIds.add(id);
  if (call.id === 'resetTenant' && answer.status === 200) keepEndpoints([], by);
  if (answerer?.kind === 'server' && answer.status === 401 && !call.anonymous) {
    status('Your shop on the local server has expired (idle, or evicted). Press New sandbox for a fresh one.', 'error');
  }
  if (call.id === 'advanceClock' && field('now')) showClock(field('now'));
  else if (answerer) showClock(answerer.clock());
  if (call.method !== 'GET') {
    void refreshIds();
    scheduleRefresh();
  }
}

/**
 * The endpoints made on this page for the shop answering now, with the signing secrets the API showed
 * once. Their one copy is the stored one: kept where the shop is kept (so a visitor shop's go with the
 * tab, and each answerer has its own) and tagged with the shop's key, so the secrets of a shop thrown
 * away or replaced (New sandbox, an expired visitor shop, a saved shop that could not be read) are never
 * shown beside another shop's deliveries. `shop` is the one answering now unless said (a request answered
 * just before the reader switched answerers is its own shop's).
 */
function endpoints(shop = answerer): Endpoint[] {
  if (!shop) return [];
  try {
    const kept = JSON.parse(storage.read(shop.store, storage.keys.secrets) ?? 'null') as { shop?: unknown; endpoints?: Endpoint[] } | null;
    return kept?.shop === shop.key && Array.isArray(kept.endpoints) ? kept.endpoints : [];
  } catch {
    return [];
  }
}

/** The shop's endpoints, replaced; an empty list forgets them (Reset the shop, New sandbox). */
function keepEndpoints(list: Endpoint[], shop = answerer): void {
  if (!shop) return;
  if (!list.length) {
    storage.remove(shop.store, storage.keys.secrets);
    return;
  }
  const failed = storage.write(shop.store, storage.keys.secrets, JSON.stringify({ shop: shop.key, endpoints: list }));
  if (failed) status(`The endpoint's signing secret could not be kept in this browser (${failed}); the answer shows it.`, 'error');
}

function inputOf(call: OperationCall, name: string): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>(`form[data-op="${call.id}"] input[name="path:${CSS.escape(name)}"]`);
}

async function refreshIds(): Promise<void> {
  await prefill.fill(inputOf);
}

let refreshTimer: ReturnType<typeof setTimeout> | null = null;
/** Reads after a write while the server still owes an attempt: its deliveries are sent after the answer. */
let refreshesLeft = 0;
const REFRESHES_AFTER_A_WRITE = 20;
function scheduleRefresh(again = false): void {
  if (!again) refreshesLeft = REFRESHES_AFTER_A_WRITE;
  if (refreshTimer || refreshesLeft <= 0) return;
  refreshesLeft--;
  refreshTimer = setTimeout(
    () => {
      refreshTimer = null;
      void refreshDeliveries();
    },
    again ? 1000 : 30,
  );
}

/** The local server's delivery log of the endpoints made on this page (the fixture's is never sent to). */
async function refreshDeliveries(): Promise<void> {
  // the browser's sandbox reports every attempt as it finishes (onAttempt); only the server's log is read
  if (answerer?.kind !== 'server') return;
  const records: DeliveryRecord[] = [];
  try {
    const res = await internal('GET', `/v1/webhooks${pageQuery('/v1/webhooks')}`);
    const list = ((await res.json()) as { data?: { id: string; url: string }[] }).data ?? [];
    const mine = endpoints();
    for (const endpoint of list) {
      if (!mine.some((e) => e.id === endpoint.id)) continue;
      const page = await internal('GET', `/v1/webhooks/${encodeURIComponent(endpoint.id)}/deliveries${pageQuery('/v1/webhooks/{id}/deliveries')}`);
      // the API lists one endpoint's log; its records do not repeat the endpoint
      const data = ((await page.json()) as { data?: Omit<DeliveryRecord, 'endpoint_id'>[] }).data ?? [];
      records.push(...data.map((record) => ({ ...record, endpoint_id: endpoint.id })));
    }
  } catch {
    return;
  }
  inspector.records(records);
  if (records.some((r) => r.status === 'pending')) scheduleRefresh(true);
}

function showAnswer(form: HTMLFormElement, { answer, sent, by }: Awaited<ReturnType<typeof send>>): void {
  const panel = form.nextElementSibling as HTMLElement;
  panel.hidden = false;
  panel.dataset.status = String(answer.status);
  panel.replaceChildren(
    h(
      'p',
      { class: 'status-line' },
      h('span', { class: `code ${answer.status < 400 ? 'ok' : 'bad'}` }, String(answer.status)),
      ` ${answer.statusText || ''} · ${answer.ms} ms · answered ${by.kind === 'browser' ? 'in this page' : `by ${serverOf(by)}`}`,
      sent.idempotencyKey ? h('span', { class: 'idem' }, ` · Idempotency-Key ${sent.typedKey ? 'yours' : 'fresh'}: `, h('code', {}, sent.idempotencyKey)) : '',
    ),
    answer.headers.length ? h('dl', { class: 'headers' }, ...answer.headers.flatMap(([n, v]) => [h('dt', {}, n), h('dd', {}, v)])) : '',
    h('pre', { class: 'body' }, h('code', {}, answer.text)),
    curlPanel(sent, by),
  );
}

/**
 * curl, honestly placed. From the local server's answer: the same request, to the origin it went to. From
 * the sandbox in this page, no curl can repeat it (nothing left the browser, and the shop lives in the
 * page): the command is the same call to the spec's server, said as such, with why this page's key and
 * ids will not be known there.
 */
function curlPanel(sent: ReturnType<typeof buildRequest>, by: Answerer): HTMLElement {
  if (by.kind === 'server') return h('details', { class: 'curl' }, h('summary', {}, 'The same request with curl'), h('pre', {}, sent.curl));
  const server = serverOf(by);
  return h(
    'details',
    { class: 'curl' },
    h('summary', {}, `The same call with curl, to ${server}`),
    h(
      'p',
      { class: 'hint' },
      `Answered by the sandbox in this page: this request never left your browser, and curl cannot reach the shop that answered it. The command makes the same call to ${server}, the server this reference names; there, use a key of that server (a local sandbox prints its own at start): this page's key and the ids of its shop exist only here.`,
    ),
    h('pre', {}, sent.curl),
  );
}

function wireForms(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form.try')) {
    const call = callById.get(form.dataset.op!)!;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const button = form.querySelector('button[type="submit"]') as HTMLButtonElement;
      button.disabled = true;
      const data = new FormData(form);
      const values = (name: string) => String(data.get(name) ?? '');
      const bodyText = form.querySelector('textarea') ? values('body') : null;
      send(call, values, bodyText)
        .then((result) => showAnswer(form, result))
        .catch((err) => status(`Not sent: ${(err as Error).message}`, 'error'))
        .finally(() => (button.disabled = false));
    });
  }
}

/** The inspector's buttons are the test helpers, sent like any Try it (and logged the same way). */
function helper(id: string, body: () => string): void {
  const call = callById.get(id);
  if (!call) return;
  send(call, () => '', body()).catch((err) => status(`Not sent: ${(err as Error).message}`, 'error'));
}

function wireBar(): void {
  byId('sx-copy').addEventListener('click', () => {
    if (answerer) void navigator.clipboard?.writeText(answerer.key).catch(() => {});
  });
  byId('sx-new').addEventListener('click', () => {
    // both kinds of shop alike: its endpoints' secrets go with it
    keepEndpoints([]);
    answerer?.discard();
    answerer = null;
    prefill.own.keyIds.clear();
    for (const input of document.querySelectorAll<HTMLInputElement>('input[data-fill]')) if (input.value === input.dataset.auto) input.value = '';
    starting = start(chosenMode()).finally(() => (starting = null));
  });
  byId('sx-simulate').addEventListener('click', () => helper('simulateOrder', () => callById.get('simulateOrder')?.body ?? '{}'));
  byId('sx-advance').addEventListener('click', () =>
    helper('advanceClock', () => JSON.stringify({ seconds: Number(byId<HTMLSelectElement>('sx-advance-by').value) })),
  );
  byId('sx-reset').addEventListener('click', () => helper('resetTenant', () => '{}'));
  if (offersServer) {
    const mode = byId('sx-mode');
    mode.hidden = false;
    for (const radio of mode.querySelectorAll<HTMLInputElement>('input[name="sx-mode"]')) {
      radio.checked = radio.value === chosenMode();
      radio.addEventListener('change', () => {
        if (!radio.checked) return;
        storage.write(storage.local(), storage.keys.mode, radio.value);
        starting = start(radio.value as Mode).finally(() => (starting = null));
      });
    }
  }
}

wireForms();
wireBar();
starting = start(chosenMode()).finally(() => (starting = null));
