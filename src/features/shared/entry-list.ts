import { createAsync } from '@solidjs/router';
import { listLanguage } from '../../state/data';
import { settings } from '../../lib/settings';
import { idsPage } from './ids-page';
import { createRememberedPager, type Pager } from './pager';

/**
 * A list screen ordered from every item's small entry (Events, Contacts): `all`, the entries
 * the reader sees (their language, "only my language"), and `pager`, to call once the screen
 * knows its order: a pager over the ids `order` picks from the entries, back to the first page
 * when `reset` changes. `order` is read when a page is asked for (tracked by the caller): the
 * filter, the clock and whatever else it reads then.
 */
export function createEntryList<E>(
  name: string,
  readEntries: (language: string, onlyMine: boolean) => Promise<E[]>,
): {
  all: () => E[];
  pager: (options: { order: () => (entries: E[]) => readonly string[]; reset: () => unknown }) => Pager;
} {
  const read = () => readEntries(listLanguage(), settings().onlyMyLanguage);
  const entries = createAsync(read);
  return {
    all: () => entries() ?? [],
    pager: ({ order, reset }) =>
      createRememberedPager<number>(name, {
        start: 0,
        reset,
        // The entries and the page in one read (the entries are a cached query): a server render
        // has the first page in one pass, not after another read that depends on the first.
        load: (offset) => {
          const ordered = order();
          return read().then((list) => idsPage(ordered(list), offset));
        },
      }),
  };
}
