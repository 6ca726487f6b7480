import { useSearchParams } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { now } from '../../app/clock';
import { useItems } from '../../app/data';
import { useDocumentTitle } from '../../app/title';
import { createRenderMemo } from '../../lib/hydration';
import { locale, t } from '../../i18n';
import { eventDay, hasEvent, splitByTime, type EventItem } from '../../lib/event-time';
import { EventCards } from '../shared/EventCards';

/**
 * Upcoming events, soonest first and grouped by day (the venue's day), then past events,
 * latest first, folded away. A topic filter lives in the address (`?tag=`), so a filtered
 * list can be shared.
 */
export function EventsList() {
  const items = useItems('event');
  useDocumentTitle(() => t('nav.events'));
  const [search] = useSearchParams<{ tag?: string }>();
  const all = () => (items() ?? []).filter(hasEvent);
  const tags = () => [...new Set(all().flatMap((i) => i.tags))].sort((a, b) => a.localeCompare(b, locale()));
  const shown = () => {
    const tag = search.tag;
    return tag ? all().filter((i) => i.tags.includes(tag)) : all();
  };
  const split = createRenderMemo(() => splitByTime(shown(), now()));
  const upcoming = () => split().upcoming;
  const past = () => split().past;
  const days = () => {
    const groups = new Map<string, EventItem[]>();
    for (const item of upcoming()) {
      const day = eventDay(item.event);
      groups.set(day, [...(groups.get(day) ?? []), item]);
    }
    return [...groups];
  };
  const dayTitle = (day: string) =>
    new Intl.DateTimeFormat(locale(), { dateStyle: 'full', timeZone: 'UTC' }).format(
      new Date(`${day}T00:00:00Z`),
    );

  return (
    <section class="page">
      <h1>{t('nav.events')}</h1>
      <Suspense fallback={<p class="muted">{t('list.loading')}</p>}>
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
          <Show when={days().length} fallback={<p class="empty">{t('events.noneForTopic')}</p>}>
            <For each={days()}>
              {([day, dayItems]) => (
                <section class="day">
                  <h3 class="day-title">{dayTitle(day)}</h3>
                  <EventCards items={dayItems} level={4} />
                </section>
              )}
            </For>
          </Show>
          <Show when={past().length}>
            <details class="past">
              <summary>
                <h2 class="section-title">{t('events.past')}</h2>
              </summary>
              <EventCards items={past()} level={3} />
            </details>
          </Show>
        </Show>
      </Suspense>
    </section>
  );
}
