// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from './sanitize';

function parse(html: string): HTMLElement {
  const root = document.createElement('div');
  // The HTML under test has passed the sanitizer.
  root.innerHTML = html;
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
