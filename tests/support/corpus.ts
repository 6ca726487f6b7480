import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * The shared corpus of real-world feeds (`shared/corpus/real-feeds/` beside the checkout). Found
 * by walking up from this checkout, so a git worktree nested deeper than the main checkout finds
 * it too; `CITYLINK_CORPUS` names it explicitly.
 */
export function realFeedsCorpus(): URL {
  if (process.env.CITYLINK_CORPUS) return pathToFileURL(process.env.CITYLINK_CORPUS.replace(/\/?$/, '/'));
  let dir = new URL('../../', import.meta.url);
  for (let depth = 0; depth < 4; depth++) {
    dir = new URL('../', dir);
    const candidate = new URL('shared/corpus/real-feeds/', dir);
    if (existsSync(candidate)) return candidate;
  }
  // Where the main checkout expects it; reading it then fails with a clear ENOENT.
  return new URL('../../../shared/corpus/real-feeds/', import.meta.url);
}
