/*
 * The timeline's loader: the one script a news page includes.
 *
 *   <div data-timeline></div>
 *   <script src="https://example.org/timeline/embed.js" async></script>
 *
 * It finds its own URL, loads the WebAssembly module and its glue from beside it, and
 * mounts a widget into every [data-timeline] element, including elements added later.
 * When every widget on the page at the first mount brings its own data, it loads the lean
 * module (timeline-lean.js, without the bundled data: 23 KB less); a widget without data
 * added after that gets the bundled data from events.json beside this script.
 * The options and their data attributes are listed once, in src/embed/options.rs: the
 * module reads them from the element. This loader reads only what it needs first: the
 * data (data-src or an inline <script type="application/json"> child) and data-height.
 * It adds no key or wheel listener to the page: the widget listens only on its own
 * element. The JavaScript API is window.Timeline (see the README).
 *
 * A panic in the module is a WebAssembly trap that leaves it unusable: the loader then
 * stops every widget on the page with a message in its box, and says why in the console.
 *
 * Security (README, "Security"): no HTML string sink (Trusted Types), no inline style (the
 * module adopts a constructable stylesheet, else links timeline.css beside this script),
 * and every file it loads from its folder (glue, wasm, events.json) is checked against the
 * sha384 hash that scripts/dist.sh writes into INTEGRITY below: a file that does not match
 * is refused, with a message in the widget's box and the console. Requests: only its own
 * folder and the page's data-src, no cookies across origins, the referrer at most the
 * page's origin across origins.
 */
(function () {
  'use strict';
  if (window.Timeline && window.Timeline.version) return; // loaded twice: keep the first

  var script = document.currentScript;
  var base = new URL('.', (script && script.src) || document.baseURI);
  var FETCH_TIMEOUT_MS = 15000;
  var DEFAULT_HEIGHT = '640px'; // data-height's default
  var module = null;
  var lean = false; // the module loaded has no bundled data
  var urls = []; // the module's glue and wasm, once chosen
  var dead = null; // the trap that stopped the module
  var mounted = new Map(); // element → { handle, pending }
  var INLINE = ':scope > script[type="application/json"]';
  var RuntimeError = window.WebAssembly && WebAssembly.RuntimeError;
  // File name → its sha384 SRI hash, written by scripts/dist.sh (never by hand); left a
  // string in the unbuilt source, where nothing is checked.
  var INTEGRITY = '@TIMELINE_INTEGRITY@';
  var REQUEST = { credentials: 'same-origin', referrerPolicy: 'strict-origin-when-cross-origin' };

  /** The SRI hash of a file beside this script, or '' (unbuilt source). */
  function integrity(name) {
    return (typeof INTEGRITY === 'object' && INTEGRITY[name]) || '';
  }

  /** A file of ours was refused: the error says which and why, in the widget's box too. */
  function Refused(url) {
    var error = new Error('Refused ' + url + ': it does not match the integrity hash the loader carries (the file was changed on the server or on the way).');
    error.refused = true;
    return error;
  }

  /** fetch() of our file `name` with its hash (the browser checks it). On failure, a second
   *  request without it tells a mismatch from a network error. */
  function fetchOwn(name, init) {
    var url = new URL(name, base).href;
    var hash = integrity(name);
    return fetch(url, assign(assign({ integrity: hash }, REQUEST), init || {})).catch(function (error) {
      if (!hash || (error && error.name === 'AbortError')) throw error;
      return fetch(url, assign(assign({}, REQUEST), init || {})).then(
        function (response) { throw response.ok ? Refused(url) : error; },
        function () { throw error; }
      );
    });
  }

  /** The glue (an ES module) with its hash: a <link rel="modulepreload" integrity> fetches
   *  and checks it into the module map, which import() then reuses without fetching again.
   *  Where modulepreload is missing, import() alone (the wasm is still checked). */
  function importOwn(name) {
    var url = new URL(name, base).href;
    var hash = integrity(name);
    var link = document.createElement('link');
    if (!hash || !link.relList || !link.relList.supports || !link.relList.supports('modulepreload')) return import(url);
    return new Promise(function (resolve, reject) {
      link.rel = 'modulepreload';
      link.integrity = hash;
      link.href = url;
      link.onload = function () { link.remove(); resolve(import(url)); };
      link.onerror = function () {
        link.remove();
        fetch(url, REQUEST).then(function (response) {
          reject(response.ok ? Refused(url) : new Error('the server answered ' + response.status + ' ' + response.statusText));
        }, reject);
      };
      document.head.appendChild(link);
    });
  }

  /** Whether `el` brings no data of its own (inline JSON or data-src). */
  function bundled(el) {
    return !el.querySelector(INLINE) && !el.hasAttribute('data-src');
  }

  /** The module, loaded once: the full one if `full` or any widget on the page needs it. */
  function wasm(full) {
    if (!module) {
      lean = !full && !Array.prototype.some.call(document.querySelectorAll('[data-timeline]'), function (el) {
        return !mounted.has(el) && bundled(el);
      });
      var name = lean ? 'timeline-lean' : 'timeline';
      urls = [new URL(name + '.js', base).href, new URL(name + '_bg.wasm', base).href];
      // Both requested at once; the wasm's Response (checked by fetch) goes to the glue.
      var bytes = fetchOwn(name + '_bg.wasm');
      bytes.catch(function () {}); // reported through `module`
      module = importOwn(name + '.js').then(function (glue) {
        return glue.default({ module_or_path: bytes }).then(function () {
          return glue;
        });
      });
    }
    return module;
  }

  function describe(error, url) {
    if (error && error.name === 'AbortError') return 'Loading ' + url + ' timed out after ' + FETCH_TIMEOUT_MS / 1000 + ' s.';
    return 'Could not load ' + url + ': ' + ((error && error.message) || String(error));
  }

  /** The data for an element: inline JSON, data-src, or nothing (the bundled data, which
   *  the lean module fetches). Data given but empty is an error, never the bundled data. */
  function data(el) {
    var inline = el.querySelector(INLINE);
    if (inline) return Promise.resolve(inline.textContent.trim() ? { data: inline.textContent } : { error: 'The inline data is empty' });
    var src = el.getAttribute('data-src');
    if (src === null) return lean ? fetchData('events.json', true) : Promise.resolve({});
    if (!src.trim()) return Promise.resolve({ error: 'The data-src attribute is empty' });
    return fetchData(src, false);
  }

  /** The page's data-src (`own`: our events.json, checked against its hash). */
  function fetchData(src, own) {
    var url = new URL(src, own ? base : document.baseURI).href;
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, FETCH_TIMEOUT_MS);
    var init = { signal: controller.signal };
    return (own ? fetchOwn(src, init) : fetch(url, assign(assign({}, REQUEST), init)))
      .then(function (response) {
        if (!response.ok) throw new Error('the server answered ' + response.status + ' ' + response.statusText);
        return response.text();
      })
      .then(function (text) { return text.trim() ? { data: text } : { error: 'The data from ' + url + ' is empty' }; })
      .catch(function (error) {
        var message = error && error.refused ? error.message : describe(error, url);
        console.error('[timeline] ' + message, error);
        return { error: message };
      })
      .finally(function () { clearTimeout(timer); });
  }

  /** What a widget says once the module has trapped, in each of the widget's languages. */
  var STOPPED = {
    en: 'The timeline stopped working. Reload the page to try again.',
    fr: 'La chronologie a cessé de fonctionner. Rechargez la page pour réessayer.',
    fa: 'خط زمانی از کار افتاد. برای تلاش دوباره، صفحه را از نو بارگذاری کنید.',
  };

  /** What a widget says when a file of ours failed its integrity check. */
  var REFUSED = {
    en: 'The timeline was not started: one of its files does not match its integrity hash.',
    fr: 'La chronologie n’a pas été lancée : un de ses fichiers ne correspond pas à son empreinte d’intégrité.',
    fa: 'خط زمانی اجرا نشد: یکی از پرونده‌هایش با چکیدهٔ یکپارچگی‌اش نمی‌خواند.',
  };

  /** Whether `error` is a trap of our module (not of another on the page). */
  function trapped(error) {
    var stack = (error && error.stack) || '';
    return !!RuntimeError && error instanceof RuntimeError && urls.some(function (url) { return stack.indexOf(url) >= 0; });
  }

  /** After a trap: the module is dead; every widget on the page says so in its box. */
  function stop(error) {
    if (!dead) {
      dead = error;
      console.error('[timeline] the timeline stopped working: its WebAssembly module failed', error);
    }
    mounted.forEach(function (record, el) { tell(el); });
  }

  /** Replaces what `el`'s shadow root shows by the message (STOPPED, or `said`), in the
   *  widget's colours (its stylesheet, adopted or linked, stays). */
  function tell(el, said) {
    said = said || STOPPED;
    try {
      var root = el.shadowRoot || el.attachShadow({ mode: 'open' });
    } catch (e) {
      return;
    }
    var style = root.querySelector('style, link[rel="stylesheet"]');
    var widget = root.querySelector('.tl-root');
    var box = widget ? widget.cloneNode(false) : document.createElement('div');
    box.removeAttribute('style'); // a copied style attribute is what a strict style-src refuses
    box.className = 'tl-root';
    // Built as nodes: no HTML string sink.
    // A widget's own language, else (no widget yet: its module was refused) the article's.
    var lang = [box.getAttribute('lang'), (document.documentElement.lang || '').slice(0, 2)].filter(function (l) { return said[l]; })[0] || 'en';
    var section = document.createElement('section');
    var p = document.createElement('p');
    box.lang = lang;
    box.dir = lang === 'fa' ? 'rtl' : 'ltr';
    section.className = 'tl-problems';
    section.setAttribute('role', 'alert');
    p.textContent = said[lang];
    section.appendChild(p);
    box.appendChild(section);
    root.replaceChildren(box);
    if (style) root.prepend(style);
  }

  /** Calls into the module; a trap stops every widget, any other error is thrown. */
  function call(fn) {
    if (dead) return;
    try {
      return fn();
    } catch (error) {
      if (!trapped(error)) throw error;
      stop(error);
    }
  }

  /** Traps in event handlers and promise callbacks, which no call here can catch. */
  function uncaught(event) {
    var error = event.error || event.reason;
    if (!trapped(error)) return;
    event.preventDefault(); // said in the console by stop(), once
    stop(error);
  }
  window.addEventListener('error', uncaught);
  window.addEventListener('unhandledrejection', uncaught);

  function assign(target, source) {
    for (var key in source) if (Object.prototype.hasOwnProperty.call(source, key)) target[key] = source[key];
    return target;
  }

  /** Mounts into `el` with `options` (which the module reads over its data attributes);
   *  resolves to a handle. */
  function mount(el, options) {
    var existing = mounted.get(el);
    if (existing) return existing.pending;
    // Reserve the space at once, so the article does not jump when the widget arrives.
    if (!el.style.minHeight) el.style.minHeight = el.getAttribute('data-height') || DEFAULT_HEIGHT;
    var record = {};
    var given = options && ('data' in options || 'error' in options);
    record.pending = Promise.all([wasm(!given && bundled(el)), given ? {} : data(el)])
      .then(function (results) {
        var glue = results[0];
        var settings = assign(assign({}, results[1]), options || {});
        if (mounted.get(el) !== record) return null; // removed from the page while loading
        var widget = call(function () { return glue.embed(el, settings, new URL('timeline.css', base).href, integrity('timeline.css') || undefined); });
        if (dead) throw dead;
        var handle = {
          element: el,
          update: function (next) {
            if (mounted.get(el) !== record) return; // destroyed
            settings = assign(settings, next || {});
            call(function () { widget.update(settings); });
          },
          destroy: function () {
            if (mounted.get(el) !== record) return;
            mounted.delete(el);
            if (dead) el.shadowRoot.replaceChildren(document.createElement('slot'));
            call(function () {
              widget.destroy();
              widget.free();
            });
          },
        };
        record.handle = handle;
        return handle;
      })
      .catch(function (error) {
        if (dead) tell(el);
        else if (error && error.refused) {
          if (!error.said) console.error('[timeline] ' + error.message); // once per file
          error.said = true;
          tell(el, REFUSED);
          if (mounted.get(el) === record) mounted.delete(el);
        } else {
          mounted.delete(el);
          console.error('[timeline] could not start the timeline', error);
        }
        throw error;
      });
    mounted.set(el, record);
    return record.pending;
  }

  /** Destroys the widgets of elements taken out of the page, so nothing of them lingers. */
  function unscan(root) {
    if (root.nodeType !== 1) return;
    var gone = [root].concat(Array.prototype.slice.call(root.querySelectorAll('[data-timeline]')));
    gone.forEach(function (el) {
      var record = mounted.get(el);
      if (!record || el.isConnected) return;
      if (record.handle) record.handle.destroy();
      else mounted.delete(el); // still loading: the mount sees it is gone and stops
    });
  }

  function scan(root) {
    if (root.nodeType !== 1) return;
    if (root.hasAttribute('data-timeline')) mount(root).catch(function () {});
    root.querySelectorAll('[data-timeline]').forEach(function (el) { mount(el).catch(function () {}); });
  }

  window.Timeline = {
    version: 1,
    mount: mount,
    /** The handle of a mounted element, once it has loaded. */
    get: function (el) {
      var record = mounted.get(el);
      return record ? record.pending : Promise.resolve(null);
    },
  };

  function start() {
    scan(document.documentElement);
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        record.removedNodes.forEach(unscan);
        record.addedNodes.forEach(scan);
      });
    }).observe(document.documentElement, { childList: true, subtree: true });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
