import { useSearchParams } from '../../state/router';
import { createSignal, For, onCleanup, Show, Suspense } from 'solid-js';
import { isServer } from 'solid-js/web';
import { now } from '../../state/clock';
import { eventEntries } from '../../state/data';
import { useReadableMeta } from '../shared/readable';
import { tagLabel } from '@citylink/core/translations';
import { keepPart, recallPart } from '../../state/history-parts';
import { useDocumentTitle } from '../../state/title';
import type { EventEntry } from '../../data/lists';
import { createRenderMemo } from '../../lib/hydration';
import { formatLocale, locale, t } from '../../i18n';
import { eventDay, formatDay, hasEvent, splitByTime, type EventItem } from '@citylink/core/event-time';
import { NotifyEvents } from '../notifications/NotifyEvents';
import { EventCards } from '../shared/EventCards';
import { useMarks, type Marks } from '../shared/ItemMarks';
import { useZones } from '../shared/zones';
import { createEntryList } from '../shared/entry-list';
import { idsPage, sameIds } from '../shared/ids-page';
import { createRememberedPager } from '../shared/pager';
import { ShowMore, ShowPrevious } from '../shared/Paging';
import { EmptyState, LoadingState } from '../../ui/States';
import { ClearFilter } from '../shared/ClearFilter';
import { FilterChips } from '../shared/FilterChips';
import { StatusLine } from '../status/lazy';
import { Subscribe } from './Subscribe';

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
      <div class="page-head">
        <h1 data-screen-title>{t('nav.events')}</h1>
        <NotifyEvents />
      </div>
      <StatusLine />
      <Suspense fallback={<LoadingState label={t('list.loading')} />}>
        <EventsView />
      </Suspense>
    </section>
  );
}

function EventsView() {
  const [search] = useSearchParams<{ tag?: string }>();
  const entryList = createEntryList('events', eventEntries);
  const all = entryList.all;
  const meta = useReadableMeta();
  const zones = useZones();
  const marks = useMarks();
  /** A topic as the reader reads it: the feed's label in their language, else the tag. */
  const label = (tag: string) => tagLabel(meta(), tag, locale());
  const tags = createRenderMemo(() =>
    [...new Set(all().flatMap((e) => e.tags))].sort((a, b) => label(a).localeCompare(label(b), locale())),
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
  const upcoming = entryList.pager({
    order: () => {
      const split = splitter();
      return (entries) => split(entries).upcoming;
    },
    reset: () => search.tag,
  });
  // Unfolded when the reader left it so and comes back (src/app/history.ts).
  let unfolded = recallPart<boolean>('events-past-open') ?? false;
  const [pastOpen, setPastOpen] = createSignal(unfolded);
  if (!isServer) onCleanup(keepPart('events-past-open', () => unfolded));
  let list: HTMLDivElement | undefined;

  return (
    <Show when={all().length} fallback={<EmptyState>{t('list.emptyEvents')}</EmptyState>}>
      <Show when={tags().length}>
        <FilterChips
          label={t('events.filter')}
          all={{ href: '/events', label: t('events.allTopics'), current: !search.tag }}
          chips={tags().map((tag) => ({
            href: `/events?tag=${encodeURIComponent(tag)}`,
            label: label(tag),
            current: search.tag === tag,
          }))}
        />
      </Show>
      <h2 class="section-title">{t('events.upcoming')}</h2>
      <Show
        when={upcomingIds().length}
        fallback={
          <EmptyState
            action={
              <Show when={search.tag}>
                <ClearFilter href="/events" label={t('list.clearFilter')} />
              </Show>
            }
          >
            {t('events.noneForTopic')}
          </EmptyState>
        }
      >
        <ShowPrevious pager={upcoming} list={() => list} />
        <div ref={(element) => (list = element)}>
          <Days items={upcoming.items().filter(hasEvent)} zones={zones} marks={marks} />
        </div>
        <ShowMore pager={upcoming} list={() => list} />
      </Show>
      <Subscribe meta={meta()} tag={search.tag} />
      <Show when={pastIds().length}>
        <details
          class="past"
          open={pastOpen()}
          onToggle={(event) => setPastOpen((unfolded = event.currentTarget.open))}
        >
          <summary>
            <h2 class="section-title">{t('events.past')}</h2>
          </summary>
          {/* Read only once opened; its own Suspense keeps the upcoming list on screen meanwhile. */}
          <Show when={pastOpen()}>
            <Suspense fallback={<LoadingState label={t('list.loading')} />}>
              <PastEvents ids={pastIds()} tag={search.tag} zones={zones} marks={marks} />
            </Suspense>
          </Show>
        </details>
      </Show>
    </Show>
  );
}

/** Events under a heading per day, in the order given. */
function Days(props: { items: EventItem[]; zones: ReturnType<typeof useZones>; marks: Marks }) {
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
  return (
    <For each={days()}>
      {(day) => (
        <section class="day">
          <h3 class="day-title">{formatDay(day, formatLocale(), 'full')}</h3>
          <EventCards
            items={byDay().get(day) ?? []}
            level={4}
            dates="none"
            implied="upcoming"
            zones={props.zones}
            marks={props.marks}
          />
        </section>
      )}
    </For>
  );
}

function PastEvents(props: {
  ids: string[];
  tag: string | undefined;
  zones: ReturnType<typeof useZones>;
  marks: Marks;
}) {
  const past = createRememberedPager<number>('events-past', {
    start: 0,
    reset: () => props.tag,
    load: (offset) => idsPage(props.ids, offset),
  });
  let list: HTMLDivElement | undefined;
  return (
    <>
      <ShowPrevious pager={past} list={() => list} />
      <div ref={(element) => (list = element)}>
        <EventCards
          items={past.items().filter(hasEvent)}
          level={3}
          dates="full"
          implied="ended"
          zones={props.zones}
          marks={props.marks}
        />
      </div>
      <ShowMore pager={past} list={() => list} />
    </>
  );
}
