import { For } from 'solid-js';
import { itemPath } from '../../data/paths';
import { displayTitle } from '../../data/text';
import { locale } from '../../i18n';
import { formatEventTime, type EventItem } from '../../lib/event-time';
import { feedImage } from '../../lib/settings';
import { ItemCard } from '../../ui/ItemCard';
import { StatusBadge } from '../../ui/StatusBadge';
import { ItemMarks } from './ItemMarks';

/** Event rows, in the events list and "My agenda"; `level` keeps headings in order where they stand. */
export function EventCards(props: { items: EventItem[]; level: 3 | 4 }) {
  return (
    <ul class="card-list">
      <For each={props.items}>
        {(item) => (
          <li>
            <ItemCard
              href={itemPath(item)}
              title={displayTitle(item)}
              level={props.level}
              image={feedImage(item.image)}
              lang={item.language}
              badge={
                <>
                  <ItemMarks item={item} />
                  <StatusBadge status={item.event.status} />
                </>
              }
              meta={<span>{formatEventTime(item.event, locale(), item.event.timezone)}</span>}
              text={item.event.venue?.name}
            />
          </li>
        )}
      </For>
    </ul>
  );
}
