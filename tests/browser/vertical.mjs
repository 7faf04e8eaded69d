// Browser tests of the vertical timeline (src/ui/vertical.rs) on the standalone page
// (dist/site, `trunk build --release`): at 390 px in English and Persian, its keys, its
// search, a deep link, its zoom, its accessibility and 10,000 events. Each test names the
// layout it needs (`?layout=vertical`), except the ones about the automatic choice.
import fs from 'node:fs';
import path from 'node:path';
import { run, assert, eventually, REPO, AXE_PATH, requireBuilt } from './harness.mjs';

const repo = REPO;
const site = path.join(repo, 'dist/site');
const data = JSON.parse(fs.readFileSync(path.join(repo, 'assets/events.json'), 'utf8'));
const axePath = AXE_PATH;
requireBuilt([['dist/site/index.html', 'make build']]);

const byDate = [...data.events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
const PHONE = { width: 390, height: 844 };

/** Opens `url` and waits for the vertical timeline's first card. */
async function openVertical(page, url) {
  await page.goto(url);
  await page.locator('.tl-vertical .tl-vcard-head').first().waitFor({ timeout: 20_000 });
}

/** The cards in the DOM, in date order, with their boxes and what they show. */
function cards(page) {
  return page.locator('.tl-vertical').evaluate((scroller) => {
    const s = scroller.getBoundingClientRect();
    return [...scroller.querySelectorAll('.tl-vcard')]
      .map((li) => {
        const head = li.querySelector('.tl-vcard-head');
        const slot = li.getBoundingClientRect();
        const box = li.querySelector('.tl-vcard-box').getBoundingClientRect();
        const title = li.querySelector('.tl-vcard-title');
        return {
          id: head.dataset.eventId,
          open: head.getAttribute('aria-expanded') === 'true',
          tabindex: head.getAttribute('tabindex'),
          title: title.textContent,
          titleLines: Math.round(title.getBoundingClientRect().height / parseFloat(getComputedStyle(title).lineHeight)),
          date: li.querySelector('time').textContent,
          slot: { top: slot.top, bottom: slot.bottom, left: slot.left, right: slot.right },
          box: { top: box.top, bottom: box.bottom, left: box.left, right: box.right },
          onScreen: box.bottom > s.top && box.top < s.bottom,
          wholeOnScreen: box.top >= s.top - 1 && box.bottom <= s.bottom + 1,
        };
      })
      .sort((a, b) => a.slot.top - b.slot.top);
  });
}

/** The id of the open card, or null. */
const openCard = (page) =>
  page.locator('.tl-vertical').evaluate((el) => el.querySelector('[aria-expanded="true"]')?.dataset.eventId ?? null);

async function expectOpen(page, id, what) {
  await eventually(async () => {
    const now = await openCard(page);
    assert(now === id, `open: ${now}, expected ${id}`);
  }, { what });
}

/** The focused element's event id, through shadow roots. */
const focused = (page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.dataset?.eventId ?? el?.tagName ?? null;
  });

/** Every card's box fits its slot (no card overlaps the next), and no two overlap. */
function assertNoOverlap(list, what) {
  for (const c of list) {
    assert(c.box.bottom <= c.slot.bottom + 1, `${what}: ${c.id}'s card (${c.box.bottom - c.box.top}px) is taller than its slot (${c.slot.bottom - c.slot.top}px)`);
  }
  for (let i = 1; i < list.length; i += 1) {
    assert(list[i].box.top >= list[i - 1].box.bottom - 0.5, `${what}: ${list[i - 1].id} overlaps ${list[i].id}`);
  }
}

const zoom = (page) => page.locator('.tl-vertical').evaluate((el) => Number(el.dataset.zoom));

const tests = {
  'at 390 × 844 the bundled timeline runs down the page, every headline whole': Object.assign(
    async ({ page, url, outDir }) => {
      // No layout in the URL: 390 px is narrower than the automatic choice's 600.
      await openVertical(page, url);
      const root = page.locator('.tl-root');
      assert((await root.getAttribute('data-layout')) === 'vertical', 'vertical by width');
      assert((await page.locator('.tl-stage').count()) === 0, 'no stage as well');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 0, `page is ${overflow}px wider than the screen`);
      // The widget keeps its box (the screen's height here) and scrolls inside it.
      const box = await root.boundingBox();
      assert(Math.abs(box.height - PHONE.height) < 1, `the widget is ${box.height}px tall`);
      const scroll = await page.locator('.tl-vertical').evaluate((el) => ({ client: el.clientHeight, content: el.scrollHeight }));
      assert(scroll.content > scroll.client && scroll.client > 300, `scrolls inside: ${JSON.stringify(scroll)}`);
      const list = await cards(page);
      // Under the page's header and toolbar some 390 px are left: the first two cards
      // (1955, January 1980, with the 25 years between them marked) whole.
      const whole = list.filter((c) => c.wholeOnScreen);
      assert(whole.length >= 2, `${whole.length} whole cards on the first screen`);
      // The first cards, in date order, each with its whole title and its date.
      list.forEach((c, i) => {
        const e = byDate[i];
        assert(c.id === e.id, `card ${i} is ${c.id}, expected ${e.id}`);
        assert(c.title === e.title.en, `${c.id}: "${c.title}"`);
      });
      assert(list.some((c) => c.titleLines >= 2), 'a long headline wraps rather than being cut');
      assertNoOverlap(list, 'first view');
      await page.screenshot({ path: path.join(outDir, 'vertical-en.png') });
    },
    { viewport: PHONE },
  ),

  'in Persian the rail is on the right, dates in Persian digits, text right to left': Object.assign(
    async ({ page, url, outDir }) => {
      await openVertical(page, `${url}?lang=fa&layout=vertical`);
      const root = page.locator('.tl-root');
      assert((await root.getAttribute('dir')) === 'rtl', 'rtl');
      const rail = await page.locator('.tl-vrail').boundingBox();
      const list = await cards(page);
      assert(list.length > 0, 'cards');
      for (const c of list) {
        assert(c.slot.right <= rail.x + 1, `${c.id}'s card is left of the rail`);
        assert(/[۰-۹]/.test(c.date) && !/[0-9]/.test(c.date), `${c.id}: ${c.date}`);
        const e = data.events.find((x) => x.id === c.id);
        assert(c.title === (e.title.fa ?? e.title.en), `${c.id}: ${c.title}`);
      }
      const gaps = await page.locator('.tl-vgap-label').allTextContents();
      assert(gaps.length > 0 && gaps.every((g) => /^[۰-۹]+ (سال|ماه|روز)$/.test(g)), gaps.join(' | '));
      assertNoOverlap(list, 'Persian');
      await page.screenshot({ path: path.join(outDir, 'vertical-fa.png') });
    },
    { viewport: PHONE },
  ),

  'keys step through the cards down the page, open them in place and scroll to them': Object.assign(
    async ({ page, url }) => {
      await openVertical(page, `${url}?layout=vertical`);
      const first = page.locator('.tl-vertical [tabindex="0"]');
      assert((await first.getAttribute('data-event-id')) === byDate[0].id, 'the first card is the tab stop');
      await first.focus();
      // ↓ with nothing open opens the card at the top of the screen, then the next ones.
      await page.keyboard.press('ArrowDown');
      await expectOpen(page, byDate[0].id, '↓ opens the first card');
      await page.keyboard.press('ArrowDown');
      await expectOpen(page, byDate[1].id, '↓ steps');
      await eventually(async () => assert((await focused(page)) === byDate[1].id, `focus on ${await focused(page)}`), { what: 'focus follows' });
      await page.keyboard.press('ArrowUp');
      await expectOpen(page, byDate[0].id, '↑ steps back');
      for (let i = 0; i < 8; i += 1) await page.keyboard.press('ArrowDown');
      await expectOpen(page, byDate[8].id, 'eight steps');
      await page.keyboard.press('End');
      const last = byDate[byDate.length - 1].id;
      await expectOpen(page, last, 'End');
      await eventually(async () => {
        const c = (await cards(page)).find((x) => x.id === last);
        assert(c && c.onScreen, `the last card is on screen: ${JSON.stringify(c?.box)}`);
        assert((await focused(page)) === last, `focus on ${await focused(page)}`);
      }, { what: 'End scrolls to the last card' });
      assertNoOverlap(await cards(page), 'with a card open');
      // The open card shows its summary and sources.
      const open = page.locator('.tl-vertical [data-open] .tl-vcard-body');
      assert((await open.locator('.tl-card-summary').count()) === 1, 'summary');
      await page.keyboard.press('Home');
      await expectOpen(page, byDate[0].id, 'Home');
      await page.keyboard.press('Escape');
      await expectOpen(page, null, 'Escape closes');
      // + − 0 zoom: how much time a screen holds.
      await page.locator('.tl-vertical [tabindex="0"]').focus();
      const z0 = await zoom(page);
      await page.keyboard.press('+');
      await eventually(async () => assert(Math.abs((await zoom(page)) - 2 * z0) < 0.2, `zoom ${await zoom(page)} after +`), { what: '+' });
      await page.keyboard.press('-');
      await page.keyboard.press('-');
      await eventually(async () => assert(Math.abs((await zoom(page)) - z0 / 2) < 0.2, `zoom ${await zoom(page)} after −−`), { what: '−' });
      await page.keyboard.press('0');
      await eventually(async () => assert(Math.abs((await zoom(page)) - z0) < 0.2, `zoom ${await zoom(page)} after 0`), { what: '0' });
      // The toolbar's buttons zoom it too.
      await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
      await eventually(async () => assert(Math.abs((await zoom(page)) - 2 * z0) < 0.2, 'Zoom in'), { what: 'Zoom in button' });
      assertNoOverlap(await cards(page), 'zoomed in');
    },
    { viewport: PHONE },
  ),

  'search filters the cards down the page, and a card opens by tap': Object.assign(
    async ({ page, url }) => {
      await openVertical(page, `${url}?layout=vertical`);
      await page.locator('.tl-search-input').fill('PS752');
      const expected = data.events.filter((e) => /PS752/i.test(`${e.title.en} ${e.summary?.en ?? e.summary ?? ''}`));
      await eventually(async () => {
        const ids = (await cards(page)).map((c) => c.id);
        assert(ids.length > 0 && ids.length <= expected.length + 2, `cards: ${ids.join(', ')}`);
        assert(ids.includes('ps752-downed-2020'), `cards: ${ids.join(', ')}`);
      }, { what: 'the search' });
      await page.locator('.tl-vertical [data-event-id="ps752-downed-2020"]').click();
      await expectOpen(page, 'ps752-downed-2020', 'tap opens');
      assert((await page.evaluate(() => location.hash)) === '#event=ps752-downed-2020', 'the URL names it');
      await page.locator('.tl-vertical [data-event-id="ps752-downed-2020"]').click();
      await expectOpen(page, null, 'a second tap closes');
    },
    { viewport: PHONE },
  ),

  'a deep link opens its card in place, on screen, with its sources': Object.assign(
    async ({ page, url }) => {
      await openVertical(page, `${url}?layout=vertical#event=ps752-downed-2020`);
      await expectOpen(page, 'ps752-downed-2020', 'the linked event');
      await eventually(async () => {
        const c = (await cards(page)).find((x) => x.id === 'ps752-downed-2020');
        assert(c?.onScreen, 'its card is on screen');
      }, { what: 'scrolled to it' });
      const ps752 = data.events.find((e) => e.id === 'ps752-downed-2020');
      const links = page.locator('.tl-vertical [data-open] .tl-sources a');
      assert((await links.count()) === ps752.sources.length, `${await links.count()} sources`);
      assert((await page.locator('.tl-details').count()) === 0, 'no separate details panel');
      assertNoOverlap(await cards(page), 'deep link');
      // Back closes it, as on the horizontal page.
      await page.locator('.tl-vertical [data-event-id="ps752-downed-2020"]').click();
      await expectOpen(page, null, 'closed');
      await page.goBack();
      await expectOpen(page, 'ps752-downed-2020', 'Back reopens');
    },
    { viewport: PHONE },
  ),

  'the layout follows the width, and data-layout or ?layout= forces it': async ({ page, url }) => {
    await page.goto(url);
    await page.locator('.tl-stage [data-event-id]').first().waitFor({ timeout: 20_000 });
    await page.setViewportSize(PHONE);
    await page.locator('.tl-vertical .tl-vcard-head').first().waitFor();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('.tl-stage [data-event-id]').first().waitFor();
    await page.goto(`${url}?layout=vertical`);
    await page.locator('.tl-vertical .tl-vcard-head').first().waitFor({ timeout: 20_000 });
    await page.goto(`${url}?layout=horizontal`);
    await page.setViewportSize(PHONE);
    await page.locator('.tl-stage [data-event-id]').first().waitFor({ timeout: 20_000 });
    assert((await page.locator('.tl-vertical').count()) === 0, 'forced across at 390 px');
  },

  'an accessibility scan of the vertical timeline finds no violations, in English and Persian': Object.assign(
    async ({ page, url }) => {
      for (const lang of ['en', 'fa']) {
        for (const hash of ['', '#event=ps752-downed-2020']) {
          await openVertical(page, `${url}?lang=${lang}&layout=vertical${hash}`);
          if (hash) await expectOpen(page, 'ps752-downed-2020', 'open');
          await page.addScriptTag({ path: axePath });
          const violations = await page.evaluate(async () => (await window.axe.run(document)).violations);
          assert(
            violations.length === 0,
            `${lang} ${hash}:\n` + violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`).join('\n'),
          );
        }
      }
    },
    { viewport: PHONE },
  ),

  'ten thousand events down the page keep a screenful in the DOM': Object.assign(
    async ({ page, url }) => {
      await openVertical(page, `${url}?synthetic=10000&layout=vertical`);
      const count = () => page.locator('.tl-vertical').evaluate((el) => ({
        nodes: el.querySelectorAll('*').length,
        cards: el.querySelectorAll('.tl-vcard').length,
        // How far below the last card in the DOM the content ends (the padding, at the end).
        below: el.scrollHeight - Math.max(0, ...[...el.querySelectorAll('.tl-vcard')].map((li) => li.getBoundingClientRect().bottom - el.getBoundingClientRect().top + el.scrollTop)),
      }));
      const top = await count();
      assert(top.cards > 0 && top.cards < 60 && top.nodes < 1000, `at the top: ${JSON.stringify(top)}`);
      // Cards never overlap anywhere (dates to the day, ranges, several a day).
      for (const at of [0.13, 0.5, 0.77]) {
        await page.locator('.tl-vertical').evaluate((el, f) => { el.scrollTop = f * el.scrollHeight; }, at);
        await eventually(async () => {
          const list = await cards(page);
          assert(list.some((c) => c.onScreen), `cards on screen at ${at}`);
          assertNoOverlap(list, `at ${at} of the way`);
        }, { what: `scrolled to ${at}` });
      }
      await page.locator('.tl-vertical').evaluate((el) => { el.scrollTop = el.scrollHeight; });
      await eventually(async () => {
        const end = await count();
        assert(end.below <= 13, `the last card is in the DOM: ${end.below}px below the last rendered`);
        assert(end.cards < 60 && end.nodes < 1000, `at the end: ${JSON.stringify(end)}`);
      }, { what: 'scrolled to the end' });
      assertNoOverlap(await cards(page), 'the end');
    },
    { viewport: PHONE },
  ),
};

await run(tests, { root: site });
