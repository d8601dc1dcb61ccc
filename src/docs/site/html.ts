/**
 * The docs page as one static HTML file, written at build time from the
 * page model: the whole reference is in the markup (readable before any
 * script runs), the script only wires Try it and the inspector to it.
 */
import type { Example, Field, OperationDoc, PageModel, Parameter, Section, TagDoc } from './model.js';

/** Who answers Try it: the meta tag the page script reads; the local server rewrites it to `choice`. */
export const ANSWERER_META = '<meta name="sx-answerer" content="browser">';

/**
 * A static host cannot set headers, so the policy travels in the page: its
 * own scripts only, no inline script, Try it never leaves the page (the
 * sandbox answers in it); connect-src admits the webhook receivers the
 * sandbox accepts (https, loopback http). 'unsafe-eval' because the sandbox
 * compiles its request validators in the page (ajv builds them with
 * `new Function`); no script of another origin can run either way.
 */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self' 'unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self' https: http://127.0.0.1:* http://localhost:*; base-uri 'none'; form-action 'none'";

/** The files of the docs site besides index.html: the page's script, its style, the sandbox it runs. */
export const SITE_FILES = { script: 'docs.js', style: 'docs.css', sandbox: 'sx-sandbox.js' } as const;

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function pageHtml(model: PageModel, files: { script: string; style: string; sandbox: string }): string {
  const calls = model.tags.flatMap((t) => t.operations.map((o) => o.call));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${esc(PAGE_CSP)}">
<meta name="referrer" content="no-referrer">
${ANSWERER_META}
<meta name="sx-server" content="${esc(model.server)}">
<title>${esc(model.title)} v${esc(model.version)} — reference and sandbox</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${files.style}">
<link rel="modulepreload" href="${files.sandbox}">
</head>
<body>
<header class="bar" id="sx-bar">
  <div class="row">
    <a class="brand" href="#top">${esc(model.title)} <span>v${esc(model.version)}</span></a>
    <div class="key" id="sx-keybox">
      <span class="label">Your test key</span>
      <code id="sx-key">starting your sandbox…</code>
      <button type="button" id="sx-copy">Copy</button>
    </div>
    <div class="mode" id="sx-mode" hidden>
      <span class="label">Answered</span>
      <label><input type="radio" name="sx-mode" value="browser" checked> in this browser</label>
      <label><input type="radio" name="sx-mode" value="server"> by the local server</label>
    </div>
    <button type="button" class="new" id="sx-new">New sandbox</button>
  </div>
  <div class="row sub">
    <span><span class="label">Shop</span> <code id="sx-tenant">—</code></span>
    <span><span class="label">Shop clock</span> <code id="sx-clock">—</code></span>
    <p class="status" id="sx-status" role="status"></p>
  </div>
</header>
<div class="layout" id="top">
<nav class="toc" aria-label="Contents">
${model.tags.map(tocTag).join('\n')}
  <h2>Guides</h2>
  <ul>${model.sections.map((s) => `<li><a href="#${s.id}">${esc(s.title)}</a></li>`).join('')}</ul>
</nav>
<main class="reference">
${model.tags.map(tagSection).join('\n')}
<section class="guides" id="guides">
  <h2>Guides</h2>
  <div class="prose">${model.introHtml}</div>
${model.sections.map(guide).join('\n')}
</section>
</main>
<aside class="inspector" id="sx-inspector" aria-label="What the sandbox did">
  <div class="helpers">
    <button type="button" id="sx-simulate">Simulate a checkout</button>
    <span class="advance"><button type="button" id="sx-advance">Advance the clock</button>
    <select id="sx-advance-by" aria-label="by"><option value="60">1 min</option><option value="3600" selected>1 h</option><option value="86400">1 day</option></select></span>
    <button type="button" id="sx-reset">Reset the shop</button>
  </div>
  <section><h2>Requests</h2><ol class="log" id="sx-requests"></ol></section>
  <section><h2>Events</h2><ol class="log" id="sx-events"></ol></section>
  <section><h2>Webhook deliveries</h2><p class="hint" id="sx-delivery-note"></p><ol class="log" id="sx-deliveries"></ol></section>
</aside>
</div>
<script type="application/json" id="sx-operations">${JSON.stringify(calls).replace(/</g, '\\u003c')}</script>
<script type="module" src="${files.script}"></script>
</body>
</html>
`;
}

function tocTag(tag: TagDoc): string {
  const items = tag.operations
    .map((o) => `<li><a href="#op-${o.call.id}"><span class="m ${o.call.method.toLowerCase()}">${o.call.method}</span> ${esc(o.summary)}</a></li>`)
    .join('');
  return `  <h2><a href="#${tag.id}">${esc(tag.name)}</a></h2>\n  <ul>${items}</ul>`;
}

function tagSection(tag: TagDoc): string {
  return `<section class="tag" id="${tag.id}">
<h2>${esc(tag.name)}</h2>
<div class="prose">${tag.html}</div>
${tag.operations.map(operation).join('\n')}
</section>`;
}

/** Beside Send only method and path: who answers, and so the origin, is known in the page alone (main.ts, showWhere). */
function operation(op: OperationDoc): string {
  const { call } = op;
  const badges = [
    op.ability ? `<span class="badge">needs <code>${esc(op.ability)}</code></span>` : '',
    call.anonymous ? '<span class="badge">no key</span>' : '',
    op.idempotency ? '<span class="badge">Idempotency-Key recommended</span>' : '',
    op.sandboxOnly ? '<span class="badge sandbox">sandbox only</span>' : '',
  ].join('');
  const inputs = op.params.map((p) => paramInput(op, p)).join('');
  const body =
    call.body === null
      ? ''
      : `<label class="body">Body <small>(JSON; the reference's example)</small><textarea name="body" rows="${Math.min(14, call.body.split('\n').length + 1)}" spellcheck="false">${esc(call.body)}</textarea></label>`;
  const okResponses = op.responses.filter((r) => r.status.startsWith('2'));
  const otherResponses = op.responses.filter((r) => !r.status.startsWith('2'));
  return `<article class="op" id="op-${call.id}" data-op="${call.id}">
<h3><span class="m ${call.method.toLowerCase()}">${call.method}</span> <code class="path">${esc(call.path)}</code> <span class="summary">${esc(op.summary)}</span></h3>
<p class="badges">${badges}</p>
<div class="prose">${op.html}</div>
<form class="try" data-op="${call.id}" novalidate>
  <div class="inputs">${inputs}</div>
  ${body}
  <div class="send"><button type="submit">Send</button> <span class="url"><code>${call.method} ${esc(call.path)}</code></span></div>
</form>
<div class="answer" hidden></div>
${op.params.length ? `<details class="fields"><summary>Parameters</summary>${fieldTable(op.params)}</details>` : ''}
${op.bodyFields.length ? `<details class="fields"><summary>Body fields</summary>${fieldTable(op.bodyFields)}</details>` : ''}
${
  op.bodyExamples.length > 1
    ? op.bodyExamples
        .slice(1)
        .map((e) => example(e, 'Request example'))
        .join('')
    : ''
}
<div class="responses">
${okResponses.map((r) => `<div class="response"><h4><span class="code ok">${r.status}</span> ${r.html.replace(/^<p>|<\/p>\s*$/g, '')}</h4>${r.examples.map((e) => example(e, 'Example')).join('')}</div>`).join('')}
<details class="errors"><summary>Errors: ${otherResponses.map((r) => r.status).join(', ')}</summary>
${otherResponses
  .map(
    (r) =>
      `<div class="response"><h4><span class="code">${r.status}</span> ${r.html.replace(/^<p>|<\/p>\s*$/g, '')}</h4>${r.examples
        .slice(0, 1)
        .map((e) => example(e, 'Example'))
        .join('')}</div>`,
  )
  .join('')}
</details>
</div>
</article>`;
}

/** A path parameter starts empty and the page fills an id from the reader's shop; nothing else is pre-filled with the spec's example. */
function paramInput(op: OperationDoc, p: Parameter): string {
  if (p.choices) {
    const options = ['<option value="">(not sent)</option>', ...p.choices.map((c) => `<option>${esc(c)}</option>`)].join('');
    return `<label class="param ${p.in}"><span>${esc(p.name)} <small>${p.in}${p.required ? ', required' : ''}</small></span><select name="${p.in}:${esc(p.name)}">${options}</select></label>`;
  }
  const placeholder = p.name === 'Idempotency-Key' ? 'a fresh key for each request' : p.in === 'path' ? 'an id from your shop' : (p.example ?? '');
  return `<label class="param ${p.in}"><span>${esc(p.name)} <small>${p.in}${p.required ? ', required' : ''}</small></span><input name="${p.in}:${esc(p.name)}" placeholder="${esc(placeholder)}" autocomplete="off" spellcheck="false"${p.in === 'path' ? ` data-fill="${op.call.id}"` : ''}></label>`;
}

function fieldTable(fields: (Field | Parameter)[]): string {
  const rows = fields
    .map(
      (f) =>
        `<tr><td><code>${esc(f.name)}</code>${f.required ? ' <small>required</small>' : ''}${'in' in f ? ` <small>${f.in}</small>` : ''}</td><td>${esc(f.type)}</td><td>${f.html}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th>name</th><th>type</th><th>what it is</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function example(e: Example, label: string): string {
  return `<figure class="example"><figcaption>${label}: ${esc(e.summary)}</figcaption><pre><code>${esc(e.json)}</code></pre></figure>`;
}

function guide(section: Section): string {
  return `<section class="guide prose" id="${section.id}"><h3>${esc(section.title)}</h3>${section.html}</section>`;
}
