/** The script on a rendered page that starts the app once the first screen has painted. */

/**
 * The script that loads the app once the page has painted, loaded (`load`) and shown the
 * pictures on its first screen: module preloads for every chunk the screen needs, then the
 * entry. A dynamic `import()`, not a script element, so that no string goes to a Trusted Types
 * sink.
 *
 * Why so late: the first screen is in the HTML, and a request started before the largest paint
 * holds that paint up on a slow connection (Lighthouse's LCP counts every such request). An
 * item's picture is often its largest paint, and feed pictures are `loading="lazy"` (so that
 * data saver, which hides them, never fetches them): lazy pictures do not hold up `load`, so
 * the loader waits for those on the first screen itself (at most PICTURE_WAIT_MS), then a frame.
 *
 * A reader whose language is not the page's reads the page's until the app starts: for them it
 * starts after the first paint without waiting for `load` or pictures, and preloads their
 * catalogue too (`catalogues`: chunks by language). Their language is found as the app finds it
 * (src/i18n/index.ts: the setting chosen by hand, else the first of the device's languages we
 * have), from the same stored record index.html's first script reads.
 */
export function loader(
  entry: string,
  preloads: readonly string[],
  catalogues: Record<string, string[]> = {},
): string {
  const js = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  return (
    `<script>(function () { var catalogues = ${js(catalogues)};` +
    ` function go() { ${js(preloads)}.concat(early && catalogues[lang] || []).forEach(function (href) { var link = document.createElement('link'); link.rel = 'modulepreload'; link.href = href; document.head.appendChild(link); });` +
    ` import(${js(entry)}); }` +
    ' function afterPaint(next) { requestAnimationFrame(function () { setTimeout(next, 0); }); }' +
    ' function afterPictures(next) { var left = 0, done = false;' +
    ' function finish() { if (!done) { done = true; afterPaint(next); } } function one() { if (--left === 0) finish(); }' +
    ' for (var i = 0; i < document.images.length; i++) { var img = document.images[i], box = img.getBoundingClientRect();' +
    " if (!img.complete && box.width > 0 && box.bottom > 0 && box.top < innerHeight) { left++; img.addEventListener('load', one); img.addEventListener('error', one); } }" +
    ` if (left === 0) finish(); else setTimeout(finish, ${PICTURE_WAIT_MS}); }` +
    ' function start() { afterPaint(function () { afterPictures(go); }); }' +
    " function reader() { try { var s = JSON.parse(localStorage.getItem('citylink.settings') || '{}') || {};" +
    " if (s.language === 'en' || s.language === 'zh-Hans') return s.language; } catch (e) {}" +
    ' var tags = navigator.languages || []; for (var i = 0; i < tags.length; i++) { var tag = String(tags[i]).toLowerCase();' +
    " if (tag.indexOf('zh') === 0) return 'zh-Hans'; if (tag.indexOf('en') === 0) return 'en'; } return 'en'; }" +
    " var lang = reader(), early = lang !== document.getElementById('root').getAttribute('data-render-locale');" +
    " if (early) afterPaint(go); else if (document.readyState === 'complete') start(); else addEventListener('load', start); })();</script>"
  );
}

/**
 * The longest the app's code waits for the first screen's pictures (ms): on a slow connection
 * a large picture must not keep the app (search, saving, offline) from the reader for long.
 */
export const PICTURE_WAIT_MS = 3000;
