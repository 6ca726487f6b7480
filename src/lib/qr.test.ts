import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { QUIET_ZONE, qrShape } from './qr';

/** Paints the path's rectangles into RGBA pixels, as a browser would, to read them back. */
function rasterize(shape: { size: number; path: string }, scale: number): Uint8ClampedArray {
  const width = shape.size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y, w] of shape.path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let row = Number(y) * scale; row < (Number(y) + 1) * scale; row++) {
      for (let col = Number(x) * scale; col < (Number(x) + Number(w)) * scale; col++) {
        const at = (row * width + col) * 4;
        pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
      }
    }
  }
  return pixels;
}

describe('qrShape', () => {
  it.each([
    'https://citylink.example.org/',
    'https://citylink.example.org/news/juno-neutrino-observatory-zh',
    'https://citylink.example.org/events/%E6%B4%BB%E5%8A%A8-2027?x=1',
  ])('decodes back to %s', (text) => {
    const shape = qrShape(text);
    const scale = 4;
    const decoded = jsQR(rasterize(shape, scale), shape.size * scale, shape.size * scale);
    expect(decoded?.data).toBe(text);
  });

  it('keeps a quiet zone of four light modules on every side', () => {
    const shape = qrShape('https://citylink.example.org/contacts/overseas-expert-desk');
    const rects = [...shape.path.matchAll(/M(\d+) (\d+)h(\d+)/g)].map((m) => m.slice(1).map(Number));
    expect(rects.length).toBeGreaterThan(10);
    for (const [x = 0, y = 0, w = 0] of rects) {
      expect(x).toBeGreaterThanOrEqual(QUIET_ZONE);
      expect(y).toBeGreaterThanOrEqual(QUIET_ZONE);
      expect(x + w).toBeLessThanOrEqual(shape.size - QUIET_ZONE);
      expect(y).toBeLessThan(shape.size - QUIET_ZONE);
    }
  });

  it('grows with the text it carries', () => {
    expect(qrShape('https://a.example/' + 'x'.repeat(200)).size).toBeGreaterThan(
      qrShape('https://a.example/').size,
    );
  });
});
