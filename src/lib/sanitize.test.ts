// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { TAKEOVER_HTML, TAKEOVERS, TRACKER } from '../../tools/support/takeover';
import { httpsImage } from './image-url';
import { createSanitizer, HELD_SRC, sanitizeHtml, withoutInlineCode } from './sanitize';

describe('withoutInlineCode: what the policy would report while DOMPurify parses', () => {
  it('drops style elements, style attributes and event handlers, and nothing else', () => {
    expect(withoutInlineCode('<p style="color:red" class=a>x style="y" z</p>')).toBe(
      '<p class=a>x style="y" z</p>',
    );
    expect(withoutInlineCode('<img src=x onerror=alert(1)>')).toBe('<img src=x>');
    expect(withoutInlineCode('<img onerror src=x>')).toBe('<img src=x>');
    expect(withoutInlineCode(`<a title='a>b' onclick="go('>')" href=/x>t</a>`)).toBe(
      `<a title='a>b' href=/x>t</a>`,
    );
    expect(withoutInlineCode('<style>p{}</style><svg><style>q{}</style></svg><p>a</p>')).toBe(
      '<svg></svg><p>a</p>',
    );
    expect(withoutInlineCode('<div\n  style="a"\n  ONLOAD="b">')).toBe('<div>');
    expect(withoutInlineCode('<p data-style="s">1 &lt; 2</p>')).toBe('<p data-style="s">1 &lt; 2</p>');
  });
});

describe('httpsImage', () => {
  const origin = 'http://127.0.0.1:4173';
  it('asks for other hosts’ http images over https, and leaves the rest', () => {
    expect(httpsImage('http://img.example.org/a.jpg?x=1', origin)).toBe('https://img.example.org/a.jpg?x=1');
    expect(httpsImage(' HTTP://img.example.org/a.jpg', origin)).toBe('https://img.example.org/a.jpg');
    expect(httpsImage('http://127.0.0.1:4173/demo/a.svg', origin)).toBe('http://127.0.0.1:4173/demo/a.svg');
    expect(httpsImage('/demo/a.svg', origin)).toBe('/demo/a.svg');
    expect(httpsImage('https://img.example.org/a.jpg', origin)).toBe('https://img.example.org/a.jpg');
    expect(httpsImage('data:image/png;base64,AAAA', origin)).toBe('data:image/png;base64,AAAA');
  });
});

describe('the sanitizer, within the policy', () => {
  const sanitize = createSanitizer(window);

  it('keeps no media player the policy would block, and upgrades other hosts’ http images', () => {
    vi.stubEnv('VITE_IMAGE_HOSTS', 'img.example.org');
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    const out = createSanitizer(window)(
      '<p>a</p><video src="https://v.example.org/a.mp4" poster="https://v.example.org/p.jpg"><track src="x.vtt"></video>' +
        '<audio src="https://a.example.org/a.mp3"></audio><img src="http://img.example.org/a.jpg" alt="">',
    );
    expect(out).not.toMatch(/<video|<audio|<track/);
    expect(out).toContain('src="https://img.example.org/a.jpg"');
  });

  it('still drops styles and handlers', () => {
    expect(sanitize('<p style="color:red" onclick="x()">a</p><style>p{}</style>')).toBe('<p>a</p>');
  });
});

function parse(html: string | TrustedHTML): HTMLElement {
  const root = document.createElement('div');
  // The HTML under test has passed the sanitizer (a string here: jsdom has no Trusted Types).
  root.innerHTML = html as string;
  return root;
}

describe('sanitizeHtml', () => {
  it('loads the feed images it allows without telling their host where the reader is', () => {
    const root = parse(
      sanitizeHtml(
        `<p><img src="${location.origin}/a.jpg"><img src="/b.png" referrerpolicy="unsafe-url"></p>` +
          '<picture><img src="c.jpg"></picture>',
      ),
    );
    const images = [...root.querySelectorAll('img')];
    expect(images).toHaveLength(3);
    for (const image of images) expect(image.getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  it('drops every image with data saver', () => {
    expect(
      parse(sanitizeHtml('<p>a<img src="/b.png"></p>', { noImages: true })).querySelector('img'),
    ).toBeNull();
  });
});

const SITE = 'https://city.example';
const label = { showImage: (host: string) => `Show image from ${host}` };

describe('the policy: feed HTML never takes over the page (issue 22)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  const sanitize = (html: string, options = {}) =>
    createSanitizer(window, SITE)(html, { ...label, ...options });

  it('keeps no data-*, class, style, role, ARIA, tab order or popover of a feed', () => {
    const root = parse(
      sanitize(
        TAKEOVER_HTML +
          '<p data-x="1" tabindex="1" aria-hidden="true" popover>a</p><span part="x" slot="y">b</span>',
      ),
    );
    for (const element of root.querySelectorAll('*')) {
      const names = element.getAttributeNames();
      const ours = element.classList.contains('held-image') || element.classList.contains('held-image-alt');
      // The policy's own held pictures are the only elements with a class or data-*.
      const kept = names.filter(
        (name) =>
          /^(data-|aria-|role$|style$|tabindex$|popover|part$|slot$)/.test(name) ||
          (name === 'class' && !ours),
      );
      expect(kept.filter((name) => !(ours && (name === HELD_SRC || name === 'data-held-alt')))).toEqual([]);
    }
    expect(root.querySelector('[data-hk]')).toBeNull();
  });

  it('unwraps landmarks and dialogs, so only the app has a tab bar, and keeps their content', () => {
    const root = parse(
      sanitize(
        TAKEOVERS[0]!.html +
          '<main><aside>a</aside><header>h</header><footer>f</footer></main><dialog open>d</dialog>',
      ),
    );
    expect(root.querySelector('nav, main, aside, header, footer, search, dialog')).toBeNull();
    expect(root.textContent).toBe('NewsEventsahfd');
    expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('target'))).toEqual([
      '_blank',
      '_blank',
    ]);
  });

  it('moves ids and names into a namespace of their own, with the links to them', () => {
    const root = parse(
      sanitize(
        '<div id="root">x</div><img name="citylinkInstallPrompt" src="/a.png"><a href="#fn1">1</a><p id="fn1">n</p>',
      ),
    );
    expect(root.querySelector('#root')).toBeNull();
    expect(root.querySelector('[name="citylinkInstallPrompt"]')).toBeNull();
    expect(root.querySelector('div')?.id).toBe('user-content-root');
    expect(root.querySelector('img')?.getAttribute('name')).toBe('user-content-citylinkInstallPrompt');
    const link = root.querySelector('a');
    expect(link?.getAttribute('href')).toBe('#user-content-fn1');
    // A link within the body stays in the page.
    expect(link?.hasAttribute('target')).toBe(false);
  });

  it('moves headings one level down when the body has an h1, so the screen keeps one', () => {
    const root = parse(
      sanitize('<h1 id="a">A</h1><h2>B</h2><h3>C</h3><h5>E</h5><h6>F</h6><p><h1>G</h1></p>'),
    );
    expect(
      [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => `${h.localName}:${h.textContent}`),
    ).toEqual(['h2:A', 'h3:B', 'h4:C', 'h6:E', 'h6:F', 'h2:G']);
    expect(root.querySelector('h2')?.id).toBe('user-content-a');
    // A body that starts at h2 is already under the item's title.
    expect(sanitize('<h2>B</h2><h3>C</h3>')).toBe('<h2>B</h2><h3>C</h3>');
  });

  it('holds pictures from other hosts behind a button that names the host', () => {
    const root = parse(
      sanitize(
        `<p>a<img src="http://${TRACKER}/pixel.png" alt="A pixel"></p><img src="https://${TRACKER}/b.png">`,
      ),
    );
    expect(root.querySelector('img')).toBeNull();
    const buttons = [...root.querySelectorAll('button')];
    expect(buttons.map((button) => button.textContent)).toEqual([
      `Show image from ${TRACKER}A pixel`,
      `Show image from ${TRACKER}`,
    ]);
    expect(buttons.map((button) => [button.type, button.className, button.getAttribute(HELD_SRC)])).toEqual([
      ['button', 'held-image', `http://${TRACKER}/pixel.png`],
      ['button', 'held-image', `https://${TRACKER}/b.png`],
    ]);
    expect(root.querySelector('.held-image-alt')?.textContent).toBe('A pixel');
  });

  it('puts a held picture of a link after the link, which keeps the picture’s text as its name', () => {
    const out = sanitize(
      `<p><a href="https://a.example/"><img src="https://${TRACKER}/a.png" alt="Map"></a> and ` +
        `<a href="https://b.example/">see <img src="https://${TRACKER}/b.png"></a></p>`,
    );
    const root = parse(out);
    expect(root.querySelector('a button, a img')).toBeNull();
    expect([...root.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['Map', `see ${TRACKER}`]);
    expect([...root.querySelectorAll('a + button.held-image')].map((b) => b.getAttribute(HELD_SRC))).toEqual([
      `https://${TRACKER}/a.png`,
      `https://${TRACKER}/b.png`,
    ]);
    expect(parse(sanitize(out)).isEqualNode(root)).toBe(true);
  });

  it('loads pictures of the site, the feed’s origin and the configured hosts by themselves', () => {
    vi.stubEnv('VITE_FEED_URL', 'https://feeds.city.example/feed.json');
    vi.stubEnv('VITE_IMAGE_HOSTS', ' images.partner.example , CDN.example:8443');
    const root = parse(
      sanitize(
        `<img src="/a.png"><img src="${SITE}/b.png"><img src="http://city.example/c.png">` +
          '<img src="https://feeds.city.example/d.png"><img src="https://images.partner.example/e.png">' +
          '<img src="https://cdn.example:8443/f.png"><img src="data:image/png;base64,AAAA">' +
          '<img src="https://cdn.example/g.png"><img src="https://sub.images.partner.example/h.png">',
      ),
    );
    expect([...root.querySelectorAll('img')].map((image) => image.getAttribute('src'))).toEqual([
      '/a.png',
      `${SITE}/b.png`,
      'https://city.example/c.png',
      'https://feeds.city.example/d.png',
      'https://images.partner.example/e.png',
      'https://cdn.example:8443/f.png',
      'data:image/png;base64,AAAA',
    ]);
    expect([...root.querySelectorAll('button')].map((button) => button.getAttribute(HELD_SRC))).toEqual([
      'https://cdn.example/g.png',
      'https://sub.images.partner.example/h.png',
    ]);
  });

  it('takes a feed’s copy of a held picture as the picture it names: held, or shown if allowed', () => {
    const root = parse(sanitize(TAKEOVERS.find((t) => t.name === 'forged held picture')!.html));
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('button')?.textContent).toBe(`Show image from ${TRACKER}`);
    expect(sanitize(`<button ${HELD_SRC}="/a.png" data-held-alt="A">x</button>`)).toMatch(
      /^<img src="\/a.png" alt="A"/,
    );
    // Any other button of a feed is its text.
    expect(sanitize('<button onclick="x()">Pay <b>now</b></button>')).toBe('Pay <b>now</b>');
  });

  it('keeps nothing of a held picture with data saver', () => {
    expect(sanitize(`<p>a<img src="https://${TRACKER}/p.png"></p>`, { noImages: true })).toBe('<p>a</p>');
    expect(sanitize(TAKEOVERS.find((t) => t.name === 'forged held picture')!.html, { noImages: true })).toBe(
      '',
    );
  });

  it('drops pictures that load by themselves without an img: table backgrounds; and comments', () => {
    expect(
      sanitize(
        `<table background="https://${TRACKER}/bg.png"><tbody><tr><td>x<!--$--></td></tr></tbody></table>`,
      ),
    ).toBe('<table><tbody><tr><td>x</td></tr></tbody></table>');
  });

  it('gives the same markup when applied to its own output, which is what kept screens check', () => {
    const once = sanitize(TAKEOVER_HTML + '<h1>T</h1><a href="#x">x</a><p id="x">y</p>');
    const twice = sanitize(once);
    const a = parse(once);
    const b = parse(twice);
    expect(b.childNodes.length).toBe(a.childNodes.length);
    [...a.childNodes].forEach((node, index) =>
      expect(node.isEqualNode(b.childNodes[index] ?? null)).toBe(true),
    );
  });

  it('keeps the real feeds readable: their own pictures show, nothing is lost but markup', () => {
    const sanitizeAt = (origin: string) => createSanitizer(window, origin);
    let shown = 0;
    let held = 0;
    // tests/support/corpus.ts's folder; its file URL is not one under jsdom's URL.
    const corpus = join(process.cwd(), 'tests', 'fixtures', 'real-feeds');
    for (const name of readdirSync(corpus).filter((file) => file.endsWith('.json'))) {
      const feed = JSON.parse(readFileSync(join(corpus, name), 'utf8')) as {
        items: { content_html?: string }[];
      };
      for (const item of feed.items) {
        if (!item.content_html) continue;
        const root = parse(sanitizeAt(SITE)(item.content_html, label));
        const source = parse(item.content_html);
        shown += root.querySelectorAll('img').length;
        held += root.querySelectorAll('button.held-image').length;
        // Every picture of the source is either shown or held; the words are all there.
        expect(root.querySelectorAll('img, button.held-image').length).toBe(
          source.querySelectorAll('img').length,
        );
        expect(root.querySelector('h1')).toBeNull();
      }
    }
    expect(shown).toBeGreaterThan(0);
    // The corpus's pictures on its own relative paths show; those on other hosts wait.
    expect({ shown, held }).toEqual({ shown: 17, held: 6 });
  });
});
