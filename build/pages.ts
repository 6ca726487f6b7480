/** Where each address's rendered page lies in the build, for the build and for the preview. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sectionAddress } from '../packages/core/src/paths';

// Keys that are the same as a file name and as an address segment; anything else (an id that
// is a URL, `..`) could escape the output folder or need escaping the server may not undo.
const SAFE_KEY = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,199}$/;

/** Whether an item's key can be a folder name under `dist/<section>/`. */
export function safeKey(key: string): boolean {
  return SAFE_KEY.test(key);
}

/** Item and list addresses that have a rendered page (`/news/<key>`, `/events`), for `vite preview`. */
export function renderedPage(distDir: string, path: string): string | undefined {
  const address = sectionAddress(path);
  if (!address || (address.segment !== undefined && !safeKey(address.segment))) return undefined;
  const page = `${path.replace(/\/$/, '')}/index.html`;
  return existsSync(join(distDir, page)) ? page : undefined;
}
