// The three deployables apart (issue 23): the publisher CLI and the push server each install
// only their own packages, and the CLI runs as compiled JavaScript under plain Node.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const CLI = '@citylink/feed';
const PUSH = '@citylink/push';
/** What each one alone uses: the other must not install any of it. */
const CLI_ONLY = [
  'commander',
  'markdown-it',
  'markdown-it-cjk-breaks',
  'markdown-it-cjk-friendly',
  'yaml',
  'jsonc-parser',
  'parse5',
  'timezones-ical-library',
];
const PUSH_ONLY = [
  'hono',
  '@hono/node-server',
  'pg',
  '@electric-sql/pglite',
  'web-push',
  'prom-client',
  'undici',
];

interface Tree {
  dependencies?: Record<string, Tree>;
}

/** Every package name in a workspace's installed tree, as `npm ls` reports it. */
function installed(workspace: string, ...flags: string[]): Set<string> {
  const json = execFileSync('npm', ['ls', '--workspace', workspace, '--all', '--json', ...flags], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const names = new Set<string>();
  const walk = (tree: Tree) => {
    for (const [name, child] of Object.entries(tree.dependencies ?? {})) {
      if (names.has(name)) continue;
      names.add(name);
      walk(child);
    }
  };
  walk(JSON.parse(json) as Tree);
  return names;
}

describe('npm ls: each deployable installs only what it needs', () => {
  it("the CLI's tree, its dev tools included, holds none of the push server's packages", () => {
    const names = installed(CLI);
    expect(names).toContain('commander');
    expect(PUSH_ONLY.filter((name) => names.has(name))).toEqual([]);
  });

  it("the CLI's production tree holds no TypeScript runner", () => {
    const names = installed(CLI, '--omit=dev');
    expect(names).toContain('markdown-it');
    // (typescript is listed, as valibot's optional peer, only because the repository has it.)
    expect(['tsx', 'vite', '@citylink/core'].filter((name) => names.has(name))).toEqual([]);
  });

  it("the push server's tree holds none of the CLI's packages", () => {
    const names = installed(PUSH);
    expect(names).toContain('web-push');
    expect(CLI_ONLY.filter((name) => names.has(name))).toEqual([]);
  });
});

describe('the built CLI under plain Node', () => {
  // The command as a publisher installs it: its bin and bundle in a folder of their own, whose
  // node_modules holds its production dependencies alone. No tsx, no TypeScript source and no
  // other package of the repository is within reach of its imports.
  const place = mkdtempSync(join(tmpdir(), 'citylink-feed-installed-'));
  const bin = join(place, 'bin/citylink-feed.js');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], {
      cwd: place,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: place },
    });

  beforeAll(() => {
    execFileSync('npm', ['run', 'build', '--workspace', CLI], { cwd: root, stdio: 'ignore' });
    const pkg = join(root, 'packages/feed');
    for (const part of ['package.json', 'bin', 'dist'])
      cpSync(join(pkg, part), join(place, part), { recursive: true });
    const deps = Object.keys(
      (
        JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as {
          dependencies: Record<string, string>;
        }
      ).dependencies,
    );
    for (const name of deps) {
      mkdirSync(join(place, 'node_modules', name, '..'), { recursive: true });
      symlinkSync(join(root, 'node_modules', name), join(place, 'node_modules', name));
    }
  }, 120_000);
  afterAll(() => rmSync(place, { recursive: true, force: true }));

  it('imports only Node and its own dependencies', () => {
    const bundle = readFileSync(join(place, 'dist/cli.js'), 'utf8');
    // By package: `opencc-js/cn2t` is opencc-js.
    const imported = [...bundle.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) =>
      m[1]!
        .split('/')
        .slice(0, m[1]!.startsWith('@') ? 2 : 1)
        .join('/'),
    );
    // Its own dependencies that the app uses too (so not CLI_ONLY): the feed's schemas, and
    // the Simplified-to-Traditional conversion.
    const shared = ['valibot', 'opencc-js'];
    expect(
      imported.filter(
        (name) => !name.startsWith('node:') && !CLI_ONLY.includes(name) && !shared.includes(name),
      ),
    ).toEqual([]);
    expect(bundle).not.toMatch(/\btsx\b|\.ts['"]/);
  });

  it('prints its help', () => {
    const help = run('--help');
    expect(help.stderr).toBe('');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: citylink-feed/);
    expect(help.stdout).toMatch(/build .*\n(.|\n)*validate/);
  });

  it('builds the demo content into the committed demo feed, and validates it', () => {
    const out = join(place, 'out');
    const built = run('build', join(root, 'content'), '--out', out);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    expect(readFileSync(join(out, 'feed.json'), 'utf8')).toBe(
      readFileSync(join(root, 'public/feed.json'), 'utf8'),
    );
    const checked = run('validate', join(out, 'feed.json'));
    expect(checked.status).toBe(0);
  });
});
