/*
 * The rest of the timeline's loader (assets/embed.js), which that one fetches (checked
 * against its hash) when a widget first comes near the viewport, together with the module:
 * a reader who never scrolls to the timeline does not download it. It mounts widgets:
 * gets each one's data (inline JSON, data-src, else the default data beside the loader in
 * the widget's language, events.<lang>.json, with a way to fetch its other languages), starts the module with the glue and wasm the loader already requested, and
 * keeps window.Timeline's handles.
 *
 * A panic in the module is a WebAssembly trap that leaves it unusable: this then stops
 * every widget on the page with a message in its box, and says why in the console.
 * A file of ours that does not match its hash (glue, wasm, events.<lang>.json) is refused, with
 * a message in the widget's box and the console (README, "Security").
 */
/** Starts with what the loader shares (its folder, hashes, request settings, the glue
 *  and wasm it started fetching, its `reserve`); returns { mount, get, unmount }. */
export function start(shared) {
  var base = shared.base;
  // The converter module's hashes (written by scripts/dist.sh; this file's own hash is in
  // embed.js), which every reader of a file of ours in our format never needs.
  var CONVERTER = '@CONVERTER_INTEGRITY@';
  var integrity = function (name) { return (typeof CONVERTER === 'object' && CONVERTER[name]) || shared.integrity(name); };
  var Refused = shared.Refused;
  var assign = shared.assign;
  var REQUEST = shared.REQUEST;
  var FETCH_TIMEOUT_MS = 15000;
  var module = null;
  var urls = []; // the module's glue and wasm, once chosen
  var dead = null; // the trap that stopped the module
  var mounted = new Map(); // element → { handle, pending }
  var INLINE = ':scope > script[type="application/json"]';
  var RuntimeError = window.WebAssembly && WebAssembly.RuntimeError;
  /** fetch() of our file `name` with its hash (the browser checks it), or the one the
   *  loader `started`. On failure, a second request without it tells a mismatch from a
   *  network error. */
  function fetchOwn(name, init, started) {
    var url = new URL(name, base).href;
    var hash = integrity(name);
    return (started || fetch(url, assign(assign({ integrity: hash }, REQUEST), init || {}))).catch(function (error) {
      if (!hash || (error && error.name === 'AbortError')) throw error;
      return fetch(url, assign(assign({}, REQUEST), init || {})).then(
        function (response) { throw response.ok ? Refused(url) : error; },
        function () { throw error; }
      );
    });
  }

  /** The module, loaded once: its glue and wasm, which the loader started to fetch. */
  function wasm() {
    if (!module) {
      urls = [new URL('timeline.js', base).href, new URL('timeline_bg.wasm', base).href];
      // The wasm's Response (checked by fetch) goes to the glue.
      var bytes = fetchOwn('timeline_bg.wasm', null, shared.bytes);
      bytes.catch(function () {}); // reported through `module`
      module = shared.glue.then(function (glue) {
        return glue.default({ module_or_path: bytes }).then(function () {
          return glue;
        });
      });
    }
    return module;
  }

  var converter = null;
  /** Whether the data of `settings` is in a format the module leaves to the converter. */
  function foreign(glue, settings) {
    return typeof settings.data === 'string' && call(function () { return glue.foreign(settings.data); });
  }

  /** `settings` with its data in our format: a TimelineJS3 file or a spreadsheet goes
   *  through the converter module (convert.js and convert_bg.wasm, loaded the first time
   *  one is given), which the widget's module does not carry; it reads the envelope the
   *  converter returns, with every problem of the original at its line and column. */
  function converted(glue, settings) {
    if (!foreign(glue, settings)) return Promise.resolve(settings);
    if (!converter) {
      var bytes = fetchOwn('convert_bg.wasm');
      bytes.catch(function () {});
      converter = shared.importOwn('convert.js', integrity('convert.js')).then(function (convert) {
        return convert.default({ module_or_path: bytes }).then(function () { return convert; });
      });
    }
    return converter.then(
      function (convert) { return assign(settings, { data: convert.convert(settings.data) }); },
      function (error) {
        if (error && error.refused) throw error;
        converter = null; // a network error: tried again for the next file
        var message = describe(error, new URL('convert_bg.wasm', base).href);
        console.error('[timeline] ' + message, error);
        var failed = assign({}, settings);
        delete failed.data;
        return assign(failed, { error: message });
      }
    );
  }

  function describe(error, url) {
    if (error && error.name === 'AbortError') return 'Loading ' + url + ' timed out after ' + FETCH_TIMEOUT_MS / 1000 + ' s.';
    return 'Could not load ' + url + ': ' + ((error && error.message) || String(error));
  }

  /** The default data's texts in language `code` (events.<code>.json), for the module. */
  function texts(code) {
    return fetchData('events.' + code + '.json', true);
  }

  /** The data for an element: inline JSON, data-src, or the default data in the widget's
   *  language, and `texts` for its others. Data given but empty is an error, never the
   *  default data. */
  function data(el, options) {
    var inline = el.querySelector(INLINE);
    if (inline) return Promise.resolve(inline.textContent.trim() ? { data: inline.textContent } : { error: 'The inline data is empty' });
    var src = el.getAttribute('data-src');
    if (src === null) {
      return texts(shared.language(el, options)).then(function (got) { return got.data ? assign(got, { texts: texts }) : got; });
    }
    if (!src.trim()) return Promise.resolve({ error: 'The data-src attribute is empty' });
    return fetchData(src, false);
  }

  /** The page's data-src (`own`: our events.<lang>.json, checked against its hash). */
  function fetchData(src, own) {
    var url = new URL(src, own ? base : document.baseURI).href;
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, FETCH_TIMEOUT_MS);
    var init = { signal: controller.signal };
    // The default data the loader requested with the module, for the first widget that
    // needs it; the timeout applies to it too.
    var started = own && shared.data && shared.data.name === src && shared.data.response;
    if (started) {
      shared.data = false; // taken (not null: the loader requests it only once)
      started = Promise.race([started, new Promise(function (resolve, reject) {
        controller.signal.addEventListener('abort', function () { reject(new DOMException('timed out', 'AbortError')); });
      })]);
    }
    return (own ? fetchOwn(src, init, started) : fetch(url, assign(assign({}, REQUEST), init)))
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

  /** Mounts into `el` with `options` (which the module reads over its data attributes);
   *  resolves to a handle. */
  function mount(el, options) {
    var existing = mounted.get(el);
    if (existing) return existing.pending;
    shared.reserve(el);
    var record = {};
    var given = options && ('data' in options || 'error' in options);
    record.pending = Promise.all([wasm(), given ? {} : data(el, options)])
      .then(function (results) {
        return converted(results[0], assign(assign({}, results[1]), options || {})).then(function (settings) { return [results[0], settings]; });
      })
      .then(function (results) {
        var glue = results[0];
        var settings = results[1];
        if (mounted.get(el) !== record) return null; // removed from the page while loading
        var widget = call(function () { return glue.embed(el, settings, new URL('timeline.css', base).href, integrity('timeline.css') || undefined); });
        if (dead) throw dead;
        var handle = {
          element: el,
          update: function (next) {
            if (mounted.get(el) !== record) return; // destroyed
            // Data of its own has no other languages to fetch.
            if (next && ('data' in next || 'error' in next)) delete settings.texts;
            next = assign(assign({}, settings), next || {});
            var apply = function (next) {
              if (mounted.get(el) !== record) return;
              settings = next;
              call(function () { widget.update(settings); });
            };
            // Data in our format at once; another format once converted.
            if (!foreign(glue, next)) return apply(next);
            converted(glue, next).then(apply, function (error) {
              console.error('[timeline] ' + ((error && error.message) || error));
            });
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

  /** Destroys the widget of `el`, taken out of the page, so nothing of it lingers. */
  function unmount(el) {
    {
      var record = mounted.get(el);
      if (!record) return;
      if (record.handle) record.handle.destroy();
      else mounted.delete(el); // still loading: the mount sees it is gone and stops
    }
  }

  return {
    mount: mount,
    unmount: unmount,
    /** The handle of a mounted element, once it has loaded. */
    get: function (el) {
      var record = mounted.get(el);
      return record ? record.pending : Promise.resolve(null);
    },
  };
}
