// The docs page: renders the reference with swagger-ui and gives this visitor
// a sandbox shop of their own, whose full-access test key fills the
// Authorize dialog so "Try it out" → "Execute" works without typing.
// Served as a file (no inline script), so the page runs under a strict CSP.
(function () {
  'use strict';

  // One shop per browser tab: a reload keeps it, another tab or browser gets its own.
  var STORAGE_KEY = 'sx-sandbox:visitor';
  var here = document.baseURI;
  var visitor = null;

  var $ = function (id) {
    return document.getElementById(id);
  };

  var ui = window.SwaggerUIBundle({
    url: new URL('openapi.json', here).href,
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    displayRequestDuration: true,
    persistAuthorization: false,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    // a 401 for the visitor's own key means their shop expired (idle) or was evicted
    responseInterceptor: function (response) {
      if (response.status === 401 && visitor) checkStillThere();
      return response;
    },
    onComplete: function () {
      start();
    },
  });
  window.ui = ui;

  function api(path, init) {
    return fetch(new URL(path, here).href, init);
  }

  function start() {
    var stored = readStored();
    if (!stored) return createShop();
    return works(stored).then(function (ok) {
      if (ok) use(stored);
      else createShop();
    });
  }

  function createShop() {
    showStatus('Creating a sandbox shop for you…');
    return api('v1/test_helpers/tenants', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    })
      .then(function (res) {
        return res.json().then(function (body) {
          if (res.status !== 201) throw problemText(res, body);
          use(body);
        });
      })
      .catch(function (err) {
        showError('No sandbox shop: ' + (typeof err === 'string' ? err : err.message));
      });
  }

  function use(shop) {
    visitor = shop;
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(shop));
    } catch (e) {
      // private mode without storage: the shop lives until the tab reloads
    }
    ui.preauthorizeApiKey('bearerAuth', shop.secret);
    $('sx-visitor').removeAttribute('data-state');
    $('sx-status').textContent = 'Your own sandbox shop — "Try it out" on any operation uses this key.';
    $('sx-key').textContent = shop.secret;
    $('sx-tenant').textContent = shop.tenant_id;
    $('sx-expiry').textContent =
      'after ' + minutes(shop.idle_ttl_seconds) + ' without a request, at the latest ' + new Date(shop.expires_at).toLocaleString();
    $('sx-details').hidden = false;
    $('sx-new').hidden = false;
  }

  /** Whether a stored shop still exists: one cheap authenticated read. */
  function works(shop) {
    return api('v1/products?limit=1', { headers: { Authorization: 'Bearer ' + shop.secret } }).then(
      function (res) {
        return res.ok;
      },
      function () {
        return false;
      },
    );
  }

  function checkStillThere() {
    var shop = visitor;
    works(shop).then(function (ok) {
      if (ok || shop !== visitor) return;
      visitor = null;
      sessionStorage.removeItem(STORAGE_KEY);
      showError('Your sandbox shop has expired. Start a new one to keep trying.');
    });
  }

  function readStored() {
    try {
      var shop = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null');
      return shop && typeof shop.secret === 'string' ? shop : null;
    } catch (e) {
      return null;
    }
  }

  function problemText(res, body) {
    var text = (body && body.detail) || 'HTTP ' + res.status;
    var retry = res.headers.get('Retry-After');
    return retry ? text + ' (retry in ' + retry + ' s)' : text;
  }

  function minutes(seconds) {
    return seconds % 60 === 0 ? seconds / 60 + ' min' : seconds + ' s';
  }

  function showStatus(text) {
    $('sx-visitor').removeAttribute('data-state');
    $('sx-status').textContent = text;
  }

  function showError(text) {
    $('sx-visitor').setAttribute('data-state', 'error');
    $('sx-status').textContent = text;
    $('sx-details').hidden = true;
    $('sx-new').hidden = false;
  }

  $('sx-new').addEventListener('click', function () {
    createShop();
  });
  $('sx-copy').addEventListener('click', function () {
    if (visitor && navigator.clipboard) navigator.clipboard.writeText(visitor.secret);
  });
})();
