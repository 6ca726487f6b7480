// The layer rules themselves (.dependency-cruiser.cjs): run on fixtures that break them, they
// must fail, or the check would pass whatever the tree did.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const config = fileURLToPath(new URL('../.dependency-cruiser.cjs', import.meta.url));
const depcruise = fileURLToPath(new URL('../node_modules/.bin/depcruise', import.meta.url));

/** Runs the checker as `npm run lint` does, on the fixture tree `name`. */
function check(name: string, ...folders: string[]): { status: number | null; output: string } {
  const args = [...(folders.length > 0 ? folders : ['src']), '--config', config, '--output-type', 'err'];
  const result = spawnSync(depcruise, args, {
    cwd: `${root}tests/fixtures/layers/${name}`,
    encoding: 'utf8',
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('the layer rules', () => {
  it('reject a feature that imports the app shell', () => {
    const { status, output } = check('upward');
    expect(status).not.toBe(0);
    expect(output).toContain('nothing-imports-the-shell');
  });

  it('reject an import loop', () => {
    const { status, output } = check('loop');
    expect(status).not.toBe(0);
    expect(output).toContain('no-loops');
  });

  it('reject a feed core that imports the app or Node', () => {
    const { status, output } = check('core', 'packages');
    expect(status).not.toBe(0);
    expect(output).toContain('core-imports-nothing-of-ours');
    expect(output).toContain('core-no-node');
  });

  it('accept a tree whose imports point down', () => {
    const { status, output } = check('clean');
    expect(output).toContain('no dependency violations');
    expect(status).toBe(0);
  });
});
