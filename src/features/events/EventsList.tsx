import { For, Show, Suspense } from 'solid-js';
import { useItems } from '../../app/data';
import { itemPath } from '../../data/paths';
import { displayTitle } from '../../data/text';
import { locale, t } from '../../i18n';
import { formatEventTime, hasEvent, isUpcoming, startMs, type EventItem } from '../../lib/event-time';
import { ItemCard } from '../../ui/ItemCard';
import { StatusBadge } from '../../ui/StatusBadge';

/** Upcoming events, soonest first, then past events, latest first. */
export function EventsList() {
  const items = useItems('event');
  const now = Date.now();
  const withEvent = () => (items() ?? []).filter(hasEvent);
  const byStart = (a: EventItem, b: EventItem) => startMs(a.event) - startMs(b.event);
  const upcoming = () =>
    withEvent()
      .filter((i) => isUpcoming(i.event, now))
      .sort(byStart);
  const past = () =>
    withEvent()
      .filter((i) => !isUpcoming(i.event, now))
      .sort((a, b) => byStart(b, a));

  return (
    <section class="page">
      <h1>{t('nav.events')}</h1>
      <Suspense fallback={<p class="muted">{t('list.loading')}</p>}>
        <Show when={withEvent().length} fallback={<p class="empty">{t('list.emptyEvents')}</p>}>
          <Show when={upcoming().length}>
            <h2 class="section-title">{t('events.upcoming')}</h2>
            <EventCards items={upcoming()} />
          </Show>
          <Show when={past().length}>
            <details class="past">
              <summary>
                <h2 class="section-title">{t('events.past')}</h2>
              </summary>
              <EventCards items={past()} />
            </details>
          </Show>
        </Show>
      </Suspense>
    </section>
  );
}

function EventCards(props: { items: EventItem[] }) {
  return (
    <ul class="card-list">
      <For each={props.items}>
        {(item) => (
          <li>
            <ItemCard
              href={itemPath(item)}
              title={displayTitle(item)}
              image={item.image}
              lang={item.language}
              badge={<StatusBadge status={item.event.status} />}
              meta={<span>{formatEventTime(item.event, locale(), item.event.timezone)}</span>}
              text={item.event.venue?.name}
            />
          </li>
        )}
      </For>
    </ul>
  );
}
