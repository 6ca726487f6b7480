import { createAsync } from '@solidjs/router';
import { Show } from 'solid-js';
import { feedMeta } from '../../state/data';
import type { Item } from '@citylink/core/model';
import { languageMatch } from '@citylink/core/translations';
import { locale } from '../../i18n';
import { languageName } from '../../lib/format';
import { NewMark } from '../saved/NewMark';
import { readSet } from '../saved/data';

/**
 * What the marks of a list's cards read, read once by the list: a card of its own would make
 * two reads per card, and a new card would wait on them (its list takes in cards a few per
 * turn, and a card that waits renders in the same task after its turn, outside its budget).
 */
export interface Marks {
  /** The feed's language, for items that name none. */
  language: () => string | undefined;
  /** Ids of the items ever opened; undefined until read. */
  read: () => ReadonlySet<string> | undefined;
}

/** The marks' reads, for a list to call once and give each card. */
export function useMarks(): Marks {
  const meta = createAsync(() => feedMeta());
  const read = createAsync(() => readSet());
  return { language: () => meta()?.language, read };
}

/**
 * The marks of a list card: "New" since the last visit, and the item's language when it is not
 * the reader's (a story the feed has in one language only still shows, marked).
 */
export function ItemMarks(props: { item: Item; marks: Marks }) {
  const language = () => props.item.language ?? props.marks.language();
  return (
    <>
      <NewMark item={props.item} read={props.marks.read()} />
      <Show when={language() && languageMatch(language(), locale()) === 0 ? language() : undefined}>
        {(tag) => <span class="badge badge-lang">{languageName(tag(), locale())}</span>}
      </Show>
    </>
  );
}
