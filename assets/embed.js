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
      module = import(urls[0]).then(function (glue) {
        return glue.default({ module_or_path: urls[1] }).then(function () {
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
    if (src === null) return lean ? fetchData(new URL('events.json', base).href) : Promise.resolve({});
    if (!src.trim()) return Promise.resolve({ error: 'The data-src attribute is empty' });
    return fetchData(new URL(src, document.baseURI).href);
  }

  function fetchData(url) {
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, FETCH_TIMEOUT_MS);
    return fetch(url, { signal: controller.signal, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) throw new Error('the server answered ' + response.status + ' ' + response.statusText);
        return response.text();
      })
      .then(function (text) { return text.trim() ? { data: text } : { error: 'The data from ' + url + ' is empty' }; })
      .catch(function (error) {
        var message = describe(error, url);
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

  /** Replaces what `el`'s shadow root shows by the message, in the widget's colours. */
  function tell(el) {
    try {
      var root = el.shadowRoot || el.attachShadow({ mode: 'open' });
    } catch (e) {
      return;
    }
    var style = root.querySelector('style');
    var widget = root.querySelector('.tl-root');
    var box = widget ? widget.cloneNode(false) : document.createElement('div');
    box.className = 'tl-root';
    // In the widget's language (its root's lang), built as nodes: no HTML string sink.
    var lang = STOPPED[box.getAttribute('lang')] ? box.getAttribute('lang') : 'en';
    var section = document.createElement('section');
    var p = document.createElement('p');
    box.lang = lang;
    box.dir = lang === 'fa' ? 'rtl' : 'ltr';
    section.className = 'tl-problems';
    section.setAttribute('role', 'alert');
    p.textContent = STOPPED[lang];
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
        var widget = call(function () { return glue.embed(el, settings); });
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
        else {
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
