import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { minifyInlineScripts } from './inline-scripts';

describe('minifyInlineScripts', () => {
  it('drops the comments of index.html’s first script and keeps what it does', () => {
    const html = readFileSync(new URL('../index.html', import.meta.url), 'utf8');
    const minified = minifyInlineScripts(html);
    const script = /<script>([\s\S]*?)<\/script>/.exec(minified)?.[1] ?? '';
    expect(script).not.toContain('//');
    expect(script.length).toBeLessThan(/<script>([\s\S]*?)<\/script>/.exec(html)![1]!.length / 2);
    for (const kept of ['citylink.settings', 'beforeinstallprompt', 'citylinkTaps', '#root[data-snapshot]']) {
      expect(script).toContain(kept);
    }
    // Module scripts and the rest of the page are left as they are.
    expect(minified).toContain('<script type="module" src="/src/main.tsx"></script>');
    expect(minified.replace(/<script>[\s\S]*?<\/script>/, '')).toBe(
      html.replace(/<script>[\s\S]*?<\/script>/, ''),
    );
  });

  it('fails on a script it cannot read rather than ship it', () => {
    expect(() => minifyInlineScripts('<script>if (</script>')).toThrow(/inline script/);
  });
});
