// What the first view of a timeline shows a reader before any click, read from the page:
// the events whose label is readable, whether each headline event's label is whole, the
// largest cluster, and the axis labels that are cut by the stage's ends.
//
// "Readable without a click": the event is on the stage (its marker and the shown part of
// its label inside the stage's box, not folded into a "+N" cluster) and its label shows
// either its whole headline or at least its first READABLE_CHARS characters and the
// ellipsis after them (the width of those characters measured with a Range over the
// label's own text, in its own font).
export const READABLE_CHARS = 16;

/** The first view of the widget whose stage is `stage` (a Playwright locator). */
export function firstView(stage) {
  return stage.evaluate((el, readableChars) => {
    const box = el.getBoundingClientRect();
    const inside = (r) => r.left >= box.left - 0.5 && r.right <= box.right + 0.5;
    const events = [...el.querySelectorAll('.tl-item')].map((item) => {
      const label = item.querySelector('.tl-label');
      const r = label.getBoundingClientRect();
      const style = getComputedStyle(label);
      const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
      const whole = label.scrollWidth <= label.clientWidth + 0.5;
      const text = label.firstChild;
      let prefix = 0;
      if (text && text.nodeType === Node.TEXT_NODE) {
        const range = document.createRange();
        // By code points, never in the middle of a surrogate pair.
        const chars = [...text.data].slice(0, readableChars).join('').length;
        range.setStart(text, 0);
        range.setEnd(text, chars);
        prefix = range.getBoundingClientRect().width;
      }
      // An ellipsis is about a character and a half wide.
      const ellipsis = parseFloat(style.fontSize) * 0.9;
      const shows = whole || label.clientWidth - padding >= prefix + ellipsis;
      const marker = item.getBoundingClientRect();
      const markerIn = marker.left + marker.width / 2 >= box.left && marker.left + marker.width / 2 <= box.right;
      return {
        id: item.dataset.eventId,
        headline: item.dataset.importance === '3',
        whole,
        readable: markerIn && inside(r) && shows,
        markerIn,
      };
    });
    const clusters = [...el.querySelectorAll('.tl-cluster')].map((c) => {
      const n = Number(c.textContent.replace(/[۰-۹]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'.indexOf(d)).replace(/[^\d]/g, ''));
      return n;
    });
    const cutTicks = [...el.querySelectorAll('.tl-tick-label')]
      .map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && !inside(r))
      .map(({ text }) => text);
    return {
      readable: events.filter((e) => e.readable).map((e) => e.id),
      headlinesCut: events.filter((e) => e.headline && e.markerIn && !(e.whole && e.readable)).map((e) => e.id),
      largestCluster: Math.max(0, ...clusters),
      clusters,
      cutTicks,
      width: box.width,
    };
  }, READABLE_CHARS);
}
