import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('./styles.css', import.meta.url), 'utf8');

/** The custom properties a rule block declares, in order, from the block that follows `selector`. */
function declarations(selector: string): string[] {
  const start = css.indexOf(`${selector} {`);
  expect(start, selector).toBeGreaterThanOrEqual(0);
  const body = css.slice(start, css.indexOf('}', start));
  return body
    .split('\n')
    .filter((line) => line.trim().startsWith('--'))
    .map((line) => line.trim());
}

describe('the dark palette', () => {
  it('is the same whether the system or the reader chose it', () => {
    const system = declarations(":root:not([data-theme='light'])");
    expect(system.length).toBeGreaterThan(10);
    expect(declarations(":root[data-theme='dark']")).toEqual(system);
  });

  it('sets every colour the light palette sets', () => {
    const names = (lines: string[]) => lines.map((line) => line.split(':')[0]).sort();
    const light = declarations(':root').filter((line) => !line.startsWith('--tabbar'));
    expect(names(declarations(":root[data-theme='dark']"))).toEqual(names(light));
  });
});
