import { createAsync, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { now } from '../../app/clock';
import { eventEntries } from '../../app/data';
import { useDocumentTitle } from '../../app/title';
import type { EventEntry } from '../../data/lists';
import { createRenderMemo } from '../../lib/hydration';
import { locale, t } from '../../i18n';
import { eventDay, hasEvent, splitByTime, type EventItem } from '../../lib/event-time';
import { settings } from '../../lib/settings';
import { NotifyEvents } from '../notifications/NotifyEvents';
import { EventCards } from '../shared/EventCards';
import { createPager, idsPage, sameIds } from '../shared/pager';
import { ShowMore, ShowPrevious } from '../shared/Paging';

/**
 * Upcoming events, soonest first and grouped by day (the venue's day), then past events,
 * latest first, folded away. A topic filter lives in the address (`?tag=`), so a filtered
 * list can be shared. The order and the topics come from every event's small entry; the
 * cards are read a page at a time.
 */
export function EventsList() {
  useDocumentTitle(() => t('nav.events'));
  return (
    <section class="page">
      <h1>{t('nav.events')}</h1>
      <NotifyEvents />
      <Suspense fallback={<p class="muted">{t('list.loading')}</p>}>
        <EventsView />
      </Suspense>
    </section>
  );
}

function EventsView() {
  const [search] = useSearchParams<{ tag?: string }>();
  const read = () => eventEntries(locale(), settings().onlyMyLanguage);
  const entries = createAsync(read);
  const all = () => entries() ?? [];
  const tags = createRenderMemo(() =>
    [...new Set(all().flatMap((e) => e.tags))].sort((a, b) => a.localeCompare(b, locale())),
  );
  /** Upcoming and past ids of `list` for the topic and time read now (tracked by the caller). */
  const splitter = () => {
    const tag = search.tag;
    const at = now();
    return (list: EventEntry[]) => {
      const { upcoming, past } = splitByTime(tag ? list.filter((e) => e.tags.includes(tag)) : list, at);
      return { upcoming: upcoming.map((e) => e.id), past: past.map((e) => e.id) };
    };
  };
  const split = createRenderMemo(() => splitter()(all()));
  const upcomingIds = createRenderMemo(() => split().upcoming, sameIds);
  const pastIds = createRenderMemo(() => split().past, sameIds);
  const upcoming = createPager<number>({
    start: 0,
    reset: () => search.tag,
    // The entries and the page in one read (the entries are a cached query): a server render
    // has the first page in one pass, not after another read that depends on the first.
    load: (offset) => {
      const split = splitter();
      return read().then((list) => idsPage(split(list).upcoming, offset));
    },
  });
  const [pastOpen, setPastOpen] = createSignal(false);
  let list: HTMLDivElement | undefined;

  return (
    <Show when={all().length} fallback={<p class="empty">{t('list.emptyEvents')}</p>}>
      <Show when={tags().length}>
        {/* Plain links: the router's <A> would mark every chip current, as it ignores the query. */}
        <nav class="chips" aria-label={t('events.filter')}>
          <a href="/events" class="chip" aria-current={search.tag ? undefined : 'page'}>
            {t('events.allTopics')}
          </a>
          <For each={tags()}>
            {(tag) => (
              <a
                href={`/events?tag=${encodeURIComponent(tag)}`}
                class="chip"
                aria-current={search.tag === tag ? 'page' : undefined}
              >
                {tag}
              </a>
            )}
          </For>
        </nav>
      </Show>
      <h2 class="section-title">{t('events.upcoming')}</h2>
      <Show when={upcomingIds().length} fallback={<p class="empty">{t('events.noneForTopic')}</p>}>
        <ShowPrevious pager={upcoming} list={() => list} />
        <div ref={(element) => (list = element)}>
          <Days items={upcoming.items().filter(hasEvent)} />
        </div>
        <ShowMore pager={upcoming} list={() => list} />
      </Show>
      <Show when={pastIds().length}>
        <details class="past" onToggle={(event) => setPastOpen(event.currentTarget.open)}>
          <summary>
            <h2 class="section-title">{t('events.past')}</h2>
          </summary>
          {/* Read only once opened; its own Suspense keeps the upcoming list on screen meanwhile. */}
          <Show when={pastOpen()}>
            <Suspense fallback={<p class="muted">{t('list.loading')}</p>}>
              <PastEvents ids={pastIds()} tag={search.tag} />
            </Suspense>
          </Show>
        </details>
      </Show>
    </Show>
  );
}

/** Events under a heading per day, in the order given. */
function Days(props: { items: EventItem[] }) {
  const byDay = createRenderMemo(() => {
    const groups = new Map<string, EventItem[]>();
    for (const item of props.items) {
      const day = eventDay(item.event);
      groups.set(day, [...(groups.get(day) ?? []), item]);
    }
    return groups;
  });
  // Keyed by the day itself, so a page that comes adds cards without rebuilding the days above.
  const days = () => [...byDay().keys()];
  const dayTitle = (day: string) =>
    new Intl.DateTimeFormat(locale(), { dateStyle: 'full', timeZone: 'UTC' }).format(
      new Date(`${day}T00:00:00Z`),
    );
  return (
    <For each={days()}>
      {(day) => (
        <section class="day">
          <h3 class="day-title">{dayTitle(day)}</h3>
          <EventCards items={byDay().get(day) ?? []} level={4} />
        </section>
      )}
    </For>
  );
}

function PastEvents(props: { ids: string[]; tag: string | undefined }) {
  const past = createPager<number>({
    start: 0,
    reset: () => props.tag,
    load: (offset) => idsPage(props.ids, offset),
  });
  let list: HTMLDivElement | undefined;
  return (
    <>
      <ShowPrevious pager={past} list={() => list} />
      <div ref={(element) => (list = element)}>
        <EventCards items={past.items().filter(hasEvent)} level={3} />
      </div>
      <ShowMore pager={past} list={() => list} />
    </>
  );
}
