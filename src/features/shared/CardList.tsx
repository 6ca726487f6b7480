import { For, type JSX } from 'solid-js';
import type { Item } from '@citylink/core/model';
import { itemPath } from '@citylink/core/paths';
import { displayTitle } from '@citylink/core/text';
import { HydrateInTurn } from '../../lib/hydration';
import { ItemCard } from '../../ui/ItemCard';
import { ItemMarks, useMarks, type Marks } from './ItemMarks';

/**
 * The cards of a list screen: each item linked at its address, titled as the reader reads it,
 * with its marks (New, a language not the reader's), and hydrated in a turn of its own. What
 * else a card shows is the screen's: functions of the item, read by the card as it renders, so
 * that they follow the language, the clock and the settings. News, Events and Contacts use it.
 */
export function CardList<T extends Item>(props: {
  items: readonly T[];
  /** Heading level of the titles, under the screen's own headings (2 by default). */
  level?: 3 | 4;
  /** The line after the marks: a date, an event's state and time, a place's hours. */
  meta: (item: T) => JSX.Element;
  text?: (item: T) => string | undefined;
  image?: (item: T) => string | undefined;
  /** The list element, for the pager to keep the reader's place (src/features/shared/Paging.tsx). */
  ref?: (list: HTMLUListElement) => void;
  /**
   * The screen's `useMarks()`, where it adds lists after its first render (a day of events the
   * first sync brought): their first read waits, and a list made outside a transition would put
   * the whole screen into its loading state meanwhile.
   */
  marks?: Marks;
}) {
  // The screen's marks are made once with it and never replaced: read once.
  // eslint-disable-next-line solid/reactivity
  const marks = props.marks ?? useMarks();
  return (
    <ul class="card-list" ref={(element) => props.ref?.(element)}>
      <For each={props.items}>
        {(item) => (
          <li>
            <HydrateInTurn>
              <ItemCard
                href={itemPath(item)}
                title={displayTitle(item)}
                text={props.text?.(item)}
                meta={props.meta(item)}
                image={props.image?.(item)}
                level={props.level}
                badge={<ItemMarks item={item} marks={marks} />}
                lang={item.language}
              />
            </HydrateInTurn>
          </li>
        )}
      </For>
    </ul>
  );
}
