import { createAsync } from '@solidjs/router';
import { createMemo, For, Show, Suspense } from 'solid-js';
import { now } from '../../state/clock';
import { useDocumentTitle } from '../../state/title';
import type { Item } from '@citylink/core/model';
import { itemPath } from '@citylink/core/paths';
import { displayTitle, excerpt } from '@citylink/core/text';
import { formatLocale, locale, t } from '../../i18n';
import { hasEvent, splitByTime } from '@citylink/core/event-time';
import { formatDate } from '../../lib/format';
import { feedImage } from '../../lib/settings';
import { ItemCard } from '../../ui/ItemCard';
import { EmptyState, LoadingState } from '../../ui/States';
import { useContactLines } from '../shared/ContactLines';
import { useMarks } from '../shared/ItemMarks';
import { useZones } from '../shared/zones';
import { EventCards } from '../shared/EventCards';
import { savedItems } from './data';
import { readableItems } from '../../data/readable';

/**
 * Saved items, kept on the device as snapshots: "My agenda" (saved events, upcoming first by
 * start time, past ones folded away), then saved news and contacts, most recently saved first.
 */
export function SavedPage() {
  useDocumentTitle(() => t('saved.title'));
  // As the reader reads them: a Traditional reader's Simplified items converted.
  const saved = createAsync(async () => {
    const language = locale();
    return readableItems(
      (await savedItems()).map((entry) => entry.item),
      language,
    );
  });
  const zones = useZones();
  const marks = useMarks();
  const items = () => saved() ?? [];
  const events = () => items().filter(hasEvent);
  const split = createMemo(() => splitByTime(events(), now()));
  const upcoming = () => split().upcoming;
  const past = () => split().past;
  const news = () => items().filter((i) => i.kind === 'news');
  const contacts = () => items().filter((i) => i.kind === 'contact');

  return (
    <section class="page">
      <h1 data-screen-title>{t('saved.title')}</h1>
      <Suspense fallback={<LoadingState label={t('list.loading')} />}>
        <Show when={items().length} fallback={<EmptyState>{t('saved.empty')}</EmptyState>}>
          <Show when={events().length}>
            <h2 class="saved-heading">{t('saved.agenda')}</h2>
            <Show when={upcoming().length} fallback={<p class="muted">{t('saved.noUpcoming')}</p>}>
              <EventCards
                items={upcoming()}
                level={3}
                dates="medium"
                implied="upcoming"
                zones={zones}
                marks={marks}
              />
            </Show>
            <Show when={past().length}>
              <details class="past">
                <summary>
                  <h3 class="section-title">{t('saved.pastEvents')}</h3>
                </summary>
                <EventCards
                  items={past()}
                  level={4}
                  dates="medium"
                  implied="ended"
                  zones={zones}
                  marks={marks}
                />
              </details>
            </Show>
          </Show>
          <Show when={news().length}>
            <h2 class="saved-heading">{t('saved.news')}</h2>
            <Cards items={news()} />
          </Show>
          <Show when={contacts().length}>
            <h2 class="saved-heading">{t('saved.contacts')}</h2>
            <Cards items={contacts()} />
          </Show>
        </Show>
      </Suspense>
    </section>
  );
}

function Cards(props: { items: Item[] }) {
  const contact = useContactLines();
  return (
    <ul class="card-list">
      <For each={props.items}>
        {(item) => (
          <li>
            <ItemCard
              href={itemPath(item)}
              title={displayTitle(item)}
              level={3}
              image={feedImage(item.image)}
              lang={item.language}
              meta={
                item.kind === 'contact' ? (
                  contact.meta(item)
                ) : (
                  <Show when={item.datePublished}>
                    {(date) => <time datetime={date()}>{formatDate(date(), formatLocale())}</time>}
                  </Show>
                )
              }
              text={item.kind === 'contact' ? contact.text(item) : excerpt(item)}
            />
          </li>
        )}
      </For>
    </ul>
  );
}
