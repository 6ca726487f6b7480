import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('./styles.css', import.meta.url), 'utf8');

/** The text of the rule block that follows `selector` (the first one). */
function block(selector: string): string {
  const start = css.indexOf(`${selector} {`);
  expect(start, selector).toBeGreaterThanOrEqual(0);
  return css.slice(start, css.indexOf('}', start));
}

/** The custom properties a rule block declares, in order, from the block that follows `selector`. */
function declarations(selector: string): string[] {
  return block(selector)
    .split('\n')
    .filter((line) => line.trim().startsWith('--'))
    .map((line) => line.trim());
}

const names = (lines: string[]) => lines.map((line) => line.split(':')[0]).sort();

describe('the dark palette', () => {
  it('is the same whether the system or the reader chose it', () => {
    const system = declarations(":root:not([data-theme='light'])");
    expect(system.length).toBeGreaterThan(10);
    expect(declarations(":root[data-theme='dark']")).toEqual(system);
  });

  it('sets every colour the light palette sets', () => {
    // The first `:root` block is the light palette; type, spacing and sizes come after it.
    expect(names(declarations(":root[data-theme='dark']"))).toEqual(names(declarations(':root')));
  });
});

describe('the design system (docs/design.md)', () => {
  it('defines every token the styles use', () => {
    const defined = new Set([...css.matchAll(/(--[\w-]+)\s*:/g)].map((match) => match[1]));
    const used = new Set([...css.matchAll(/var\((--[\w-]+)/g)].map((match) => match[1]));
    expect([...used].filter((name) => !defined.has(name))).toEqual([]);
  });

  it('writes colours only in the palettes: components use the tokens', () => {
    const palettes = [':root', ":root:not([data-theme='light'])", ":root[data-theme='dark']"].map(block);
    let rest = css;
    for (const palette of palettes) rest = rest.replace(palette, '');
    // Comments may name colours; the QR code's black on white is its own (set on the SVG).
    const code = rest.replace(/\/\*[\s\S]*?\*\//g, '');
    expect(code.match(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/gi) ?? []).toEqual([]);
  });

  it('gives the browser bar the app bar’s colour in each theme, so the two read as one', () => {
    const html = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');
    const bar = (scheme: string) =>
      new RegExp(`content="(#[0-9a-f]+)" media="\\(prefers-color-scheme: ${scheme}\\)"`).exec(html)?.[1];
    const bg = (selector: string) => /--bg: (#[0-9a-f]+)/.exec(block(selector))?.[1];
    expect(bar('light')).toBe(bg(':root'));
    expect(bar('dark')).toBe(bg(":root[data-theme='dark']"));
  });

  it('loads nothing from anywhere: no web fonts, imports or remote images', () => {
    expect(css).not.toMatch(/@import|@font-face|url\(/);
  });
});
