/**
 * Screens' hooks for what their reader reads (src/data/readable.ts, where the conversion for a
 * reader of Traditional Chinese is asked for): an item page's item, with a way back to the
 * original; search results; the feed's labels.
 */
import { createAsync } from '@solidjs/router';
import { createSignal, startTransition, type Accessor } from 'solid-js';
import type { FeedMeta, Item } from '@citylink/core/model';
import { isTraditional, needsTraditional } from '@citylink/core/traditional';
import { readableItems, readableMeta } from '../../data/readable';
import { locale } from '../../i18n';
import { feedMeta } from '../../state/data';

/**
 * Search results as the reader reads them: `shown(item)` is the item converted once its
 * conversion has come back (asked for when first shown), the stored item until then, so that
 * typing never waits on it. Results are the index's own items, so a sync's new copy of an item
 * is a new key, converted afresh.
 */
export function useReadableResults(): (item: Item) => Item {
  const [done, setDone] = createSignal(0);
  const converted = new WeakMap<Item, Item>();
  const asked = new WeakSet<Item>();
  let waiting: Item[] = [];
  const flush = () => {
    const batch = waiting;
    waiting = [];
    void readableItems(batch, locale()).then((out) => {
      batch.forEach((item, i) => converted.set(item, out[i]!));
      setDone((n) => n + 1);
    });
  };
  return (item) => {
    done();
    const shown = converted.get(item);
    if (shown) return shown;
    // Which results are read converted is the data layer's decision (an item with no language
    // of its own reads as the feed's): every result of a Traditional reader is asked about once.
    if (!asked.has(item) && isTraditional(locale())) {
      asked.add(item);
      if (waiting.push(item) === 1) queueMicrotask(flush);
    }
    return item;
  };
}

/**
 * The feed's name, city and tag labels as the reader reads them: for a reader of Traditional,
 * Simplified ones converted beside the published ones (`readableMeta()`), which `localized()`,
 * `cityName()` and `tagLabel()` then prefer.
 *
 * Only the first read waits (suspends); afterwards the labels shown stay until the next are
 * there (`latest`). So neither the page's turn to the reader's language (src/lib/hydration.ts)
 * nor a sync's re-read waits on the conversion, which for a reader who has not converted yet
 * starts the worker and builds its dictionaries: the labels turn when it answers.
 */
export function useReadableMeta(): Accessor<FeedMeta | null | undefined> {
  const meta = createAsync(async () => {
    const language = locale();
    return readableMeta(await feedMeta(), language);
  });
  return () => meta.latest;
}

export interface Readable<T extends Item> {
  /** The item shown: converted, or as stored; `null` when not on the device, `undefined` while read. */
  item: Accessor<T | null | undefined>;
  /** The item as stored (published): what Save and Share keep, and the taxi card's source. */
  stored: Accessor<T | null | undefined>;
  /** Whether the stored item is one the reader reads converted (so the page says so). */
  converted: Accessor<boolean>;
  /** Whether the reader asked for the Simplified original. */
  original: Accessor<boolean>;
  toggleOriginal(): void;
}

/**
 * The item `read()` gives, as the reader reads it. One resource, read and converted together:
 * on the server, a resource that read another would be computed once, before the first had
 * its item.
 */
export function useReadable<T extends Item>(read: () => Promise<T | null>): Readable<T> {
  const [original, setOriginal] = createSignal(false);
  const versions = createAsync(async () => {
    // Read before the first await, so that a change of either reads the item again.
    const language = locale();
    const wantsOriginal = original();
    const [stored, meta] = await Promise.all([read(), feedMeta()]);
    const converted = !!stored && needsTraditional(stored.language ?? meta?.language, language);
    if (!stored || !converted || wantsOriginal) return { stored, shown: stored, converted };
    const [shown] = await readableItems([stored], language, { feedLanguage: meta?.language });
    return { stored, shown: shown!, converted };
  });
  return {
    item: () => versions()?.shown,
    stored: () => versions()?.stored,
    converted: () => versions()?.converted ?? false,
    original,
    // In a transition: the page keeps showing (and the button keeps focus) until the other
    // version is ready, rather than a loading state in between.
    toggleOriginal: () => void startTransition(() => setOriginal((shown) => !shown)),
  };
}
