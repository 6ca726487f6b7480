// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { httpsImage } from './image-url';
import { createSanitizer, sanitizeHtml, withoutInlineCode } from './sanitize';

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
    const out = sanitize(
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
  it('loads every feed image without telling its host where the reader is', () => {
    const root = parse(
      sanitizeHtml(
        '<p><img src="https://images.example/a.jpg"><img src="/b.png" referrerpolicy="unsafe-url"></p>' +
          '<picture><img src="https://images.example/c.jpg"></picture>',
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
