/*
 * The timeline's loader: the one script a news page includes.
 *
 *   <div data-timeline></div>
 *   <script src="https://example.org/timeline/embed.js" async></script>
 *
 * It finds its own URL, and mounts a widget into every [data-timeline] element, including
 * elements added later, once the element is within about one screen of the viewport (an
 * IntersectionObserver): a reader who never scrolls to the timeline downloads nothing but
 * this script. Until then the element's box is reserved at its height (data-height) and
 * shows a light placeholder: the page's no-JS fallback inside the element, clipped to the
 * box, else a neutral "Timeline" label in the widget's language. data-load="eager" mounts
 * at once, and so does a deep link to an event of the widget (location.hash
 * `#<key>/<event id>`, the key being the element's id, else `timeline`, `timeline-2`, …
 * for the first, second, … widget without an id; with data-hash-bookmark also
 * TimelineJS3's `#event-<id>` and `#event=<id>`), at load or on hashchange.
 * At the first mount it requests, all at once, the module (its glue and wasm, from beside
 * this script) and the rest of the loader (embed-mount.js beside it), which mounts: this
 * script stays small (under 2 KB brotli). One module serves every page: it has no data
 * compiled in; a widget without data of its own gets the default data in its language,
 * events.<lang>.json (the others when the reader switches).
 * The options and their data attributes are listed once, in src/embed/options.rs: the
 * module reads them from the element. This loader reads only what it needs first:
 * data-height and data-load (and data-lang, data-language and data-hash-bookmark for the
 * placeholder and deep links, which the module reads too); embed-mount.js the data
 * (data-src or an inline <script type="application/json"> child).
 * It adds no key or wheel listener to the page: the widget listens only on its own
 * element. The JavaScript API is window.Timeline (see the README).
 *
 * A panic in the module stops every widget on the page (embed-mount.js).
 *
 * Security (README, "Security"): no HTML string sink (Trusted Types), no inline style (the
 * module adopts a constructable stylesheet, else links timeline.css beside this script;
 * the placeholder is styled through the CSSOM), and every file it loads from its folder
 * (embed-mount.js, glue, wasm, events.<lang>.json, timeline.css) is checked against the sha256
 * hash that scripts/dist.sh writes into INTEGRITY below: a file that does not match
 * is refused, with a message in the widget's box and the console. Requests: only its own
 * folder and the page's data-src, no cookies across origins, the referrer at most the
 * page's origin across origins.
 */
(function () {
  'use strict';
  if (window.Timeline && window.Timeline.version) return; // loaded twice: keep the first

  var script = document.currentScript;
  var base = new URL('.', (script && script.src) || document.baseURI);
  var DEFAULT_HEIGHT = '640px'; // data-height's default
  // File name → its sha256 SRI hash, written by scripts/dist.sh (never by hand); left a
  // string in the unbuilt source, where nothing is checked.
  var INTEGRITY = '@TIMELINE_INTEGRITY@';
  var REQUEST = { credentials: 'same-origin', referrerPolicy: 'strict-origin-when-cross-origin' };

  /** The SRI hash of a file beside this script, or '' (unbuilt source). */
  function integrity(name) {
    return (typeof INTEGRITY === 'object' && INTEGRITY[name]) || '';
  }

  /** A file of ours was refused: the error says which and why, in the widget's box too. */
  function Refused(url) {
    var error = new Error('Refused ' + url + ': it does not match its integrity hash (changed on the server or on the way).');
    error.refused = true;
    return error;
  }

  /** An ES module of ours (the glue, embed-mount.js) with its hash: a <link rel="modulepreload" integrity> fetches
   *  and checks it into the module map, which import() then reuses without fetching again.
   *  Where modulepreload is missing, import() alone (the wasm is still checked). `hash`:
   *  one that embed-mount.js carries (the converter's), else the loader's. */
  function importOwn(name, hash) {
    var url = new URL(name, base).href;
    hash = hash || integrity(name);
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

  /** fetch() of our file `name` beside this script, checked against its hash. */
  function fetchOwn(name) {
    return fetch(new URL(name, base).href, assign({ integrity: integrity(name) }, REQUEST));
  }

  // Every browser that runs WebAssembly has Object.assign.
  var assign = Object.assign;

  /** The placeholder's label until the widget loads, in the widget's languages. */
  var LABEL = { en: 'Timeline', fr: 'Chronologie', fa: 'خط زمانی' };

  /** The language the module will give the widget in `el` (src/embed/options.rs): lang
   *  or data-lang, else language or data-language, else the article's, else the browser's
   *  first that we have; English otherwise. Its default data comes in that language
   *  (events.<code>.json); should this guess differ, the widget fetches its own. */
  function language(el, options) {
    var o = options || {};
    var given = [o.lang, el.getAttribute('data-lang'), o.language, el.getAttribute('data-language')]
      .filter(function (tag) { return typeof tag === 'string' && tag.trim(); });
    var tags = given.length ? given.slice(0, 1) : [document.documentElement.lang].concat(navigator.languages || []);
    for (var i = 0; i < tags.length; i++) {
      var code = String(tags[i]).trim().split(/[-_]/)[0].toLowerCase();
      if (LABEL.hasOwnProperty(code)) return code;
    }
    return 'en';
  }

  /** Reserves `el`'s space at once, so the article does not move when the widget arrives:
   *  its min-height, and --tl-height, the height the widget's root takes inside it
   *  (timeline.css). Until the module mounts, its shadow root shows the placeholder: the
   *  page's fallback (a slot) clipped to that height, else the label. Styled through the
   *  CSSOM, which a strict style-src allows. */
  function reserve(el) {
    var height = el.getAttribute('data-height') || DEFAULT_HEIGHT;
    if (!el.style.minHeight) el.style.minHeight = height;
    if (!el.style.getPropertyValue('--tl-height')) el.style.setProperty('--tl-height', height);
    if (el.shadowRoot) return;
    try {
      var root = el.attachShadow({ mode: 'open' });
    } catch (e) {
      return; // an element that takes no shadow root: the module says so when it mounts
    }
    var box = document.createElement('div');
    box.style.cssText = 'box-sizing:border-box;height:var(--tl-height);overflow:hidden';
    var fallback = Array.prototype.some.call(el.children, function (child) { return child.localName !== 'script'; });
    if (fallback) box.appendChild(document.createElement('slot'));
    else {
      box.textContent = LABEL[language(el)];
      box.style.cssText += ';display:flex;align-items:center;justify-content:center;border:1px solid #8884;border-radius:8px;color:#777;font:16px sans-serif';
    }
    root.appendChild(box);
  }

  /** The key of `el` in deep links (#<key>/<event id>): its id, else `timeline`,
   *  `timeline-2`, … in document order among the widgets without an id. */
  function key(el) {
    if (el.id) return el.id;
    var n = Array.prototype.filter.call(document.querySelectorAll('[data-timeline]'), function (other) { return !other.id; }).indexOf(el) + 1;
    return n > 1 ? 'timeline-' + n : 'timeline';
  }

  /** Whether the page's URL links to an event of `el`'s widget. */
  function linked(el) {
    var hash = location.hash;
    try {
      hash = decodeURIComponent(hash);
    } catch (e) {} // a malformed escape: compared as it is
    var bookmark = el.getAttribute('data-hash-bookmark');
    return hash.indexOf('#' + key(el) + '/') === 0 ||
      (bookmark !== null && bookmark !== 'false' && bookmark !== '0' && /^#event[-=]./.test(hash));
  }

  var seen = new Set(); // elements found, mounted or waiting
  var waiting = new Set(); // elements reserved, to mount once near
  var near = window.IntersectionObserver && new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) { if (entry.isIntersecting) wake(entry.target); });
  }, { rootMargin: '100% 0px' }); // one screen above and below the viewport

  /** Mounts `el` now, if it was waiting. */
  function wake(el) {
    if (!waiting.delete(el)) return;
    near.unobserve(el);
    if (el.isConnected) mount(el).catch(function () {});
  }

  /** A widget found on the page: reserved now, mounted now or once near. */
  function want(el) {
    if (seen.has(el)) return;
    seen.add(el);
    reserve(el);
    if (!near || el.getAttribute('data-load') === 'eager' || linked(el)) return mount(el).catch(function () {});
    waiting.add(el);
    near.observe(el);
  }

  var rest = null; // embed-mount.js started, once a widget is near

  var shared = { base: base, integrity: integrity, importOwn: importOwn, Refused: Refused, assign: assign, REQUEST: REQUEST, reserve: reserve, language: language, data: null };

  /** The rest of the loader and the module's glue and wasm, requested at once. */
  function load() {
    if (!rest) {
      shared.bytes = fetchOwn('timeline_bg.wasm');
      shared.glue = importOwn('timeline.js');
      shared.bytes.catch(function () {}); // reported by embed-mount.js
      shared.glue.catch(function () {});
      rest = importOwn('embed-mount.js').then(function (mounter) {
        return mounter.start(shared);
      });
      rest.catch(function (error) {
        console.error('[timeline] ' + (error && error.refused ? error.message : 'could not load embed-mount.js'), error);
      });
    }
    return rest;
  }

  /** Mounts into `el` with `options` (which the module reads over its data attributes);
   *  resolves to a handle. The first widget without data of its own (in its attributes
   *  or `options`) requests the default data too, at the same time as the module. */
  function mount(el, options) {
    if (waiting.delete(el)) near.unobserve(el);
    reserve(el);
    if (shared.data === null && !(options && ('data' in options || 'error' in options)) && !el.hasAttribute('data-src') && !el.querySelector(':scope > script[type="application/json"]')) {
      var name = 'events.' + language(el, options) + '.json';
      shared.data = { name: name, response: fetchOwn(name) };
      shared.data.response.catch(function () {}); // reported by embed-mount.js
    }
    return load().then(function (mounter) { return mounter.mount(el, options); });
  }

  /** Forgets the widgets of elements taken out of the page, so nothing of them lingers. */
  function unscan(root) {
    if (root.nodeType !== 1) return;
    var gone = [root].concat(Array.prototype.slice.call(root.querySelectorAll('[data-timeline]')));
    gone.forEach(function (el) {
      if (el.isConnected) return;
      seen.delete(el);
      if (waiting.delete(el)) near.unobserve(el);
      if (rest) rest.then(function (mounter) { mounter.unmount(el); }, function () {});
    });
  }

  function scan(root) {
    if (root.nodeType !== 1) return;
    if (root.hasAttribute('data-timeline')) want(root);
    root.querySelectorAll('[data-timeline]').forEach(want);
  }

  window.Timeline = {
    version: 1,
    mount: mount,
    /** The handle of a mounted element, once it has loaded. */
    get: function (el) {
      return rest ? rest.then(function (mounter) { return mounter.get(el); }, function () { return null; }) : Promise.resolve(null);
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
    window.addEventListener('hashchange', function () {
      waiting.forEach(function (el) { if (linked(el)) wake(el); });
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
