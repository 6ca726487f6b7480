import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';

/**
 * How every browser run here starts Chromium: the system's own (Playwright cannot download its
 * browsers on these machines), with the flags a headless container needs.
 */
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

/** An older Chromium to run the end-to-end tests on as well. */
export interface OlderChromium {
  /** Chromium's major version (the package's own major version is Chromium's). */
  major: number;
  executablePath: string;
}

/**
 * The older Chromium of the second Playwright project: `@sparticuz/chromium`, a pinned
 * devDependency, carries a Linux x64 headless Chromium packed with brotli inside the npm
 * package itself, so `npm install` brings it where nothing but the npm registry is reachable.
 * It is unpacked here on first use, beside node_modules' other caches, under the package's
 * version, rather than by the package's own code, which always unpacks to one shared
 * `/tmp/chromium` and trusts whatever file it finds there. Undefined when
 * `OLDER_CHROMIUM=off`; an error on a platform where that build cannot run.
 */
export function olderChromium(): OlderChromium | undefined {
  if (process.env.OLDER_CHROMIUM === 'off') return undefined;
  // A suite that drops out by itself checks nothing while saying nothing: where the build
  // cannot run, the run stops and says how to leave the project out on purpose.
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `The older Chromium (@sparticuz/chromium) runs on Linux x64 only, not ${process.platform} ${process.arch}: set OLDER_CHROMIUM=off to run the end-to-end tests on the system's Chromium alone.`,
    );
  }
  const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  const root = join(dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const executablePath = join(root, '..', '..', '.cache', `citylink-chromium-${version}`, 'chromium');
  if (!existsSync(executablePath)) {
    mkdirSync(dirname(executablePath), { recursive: true });
    // Written under another name, then renamed: a run stopped halfway, or a second process
    // unpacking at the same moment, never leaves a cut binary under the real name.
    const partial = `${executablePath}.${process.pid}.partial`;
    writeFileSync(partial, brotliDecompressSync(readFileSync(join(root, 'bin', 'chromium.br'))), {
      mode: 0o755,
    });
    renameSync(partial, executablePath);
  }
  return { major: Number.parseInt(version, 10), executablePath };
}
