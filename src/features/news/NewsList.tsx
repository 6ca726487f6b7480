import { For, Show, Suspense } from 'solid-js';
import { useFeedZone, useItems } from '../../app/data';
import { itemPath } from '../../data/paths';
import { displayTitle, excerpt } from '../../data/text';
import { locale, t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { feedImage } from '../../lib/settings';
import { ItemMarks } from '../shared/ItemMarks';
import { ItemCard } from '../../ui/ItemCard';
import { useDocumentTitle } from '../../app/title';

/** The home screen: news, newest first, straight from IndexedDB. */
export function NewsList() {
  const items = useItems('news');
  // A city's news is dated in the city's zone, as its publisher dated it.
  const zone = useFeedZone();
  useDocumentTitle(() => t('nav.news'));
  return (
    <section class="page">
      <h1 class="visually-hidden">{t('nav.news')}</h1>
      <Suspense fallback={<p class="muted">{t('list.loading')}</p>}>
        <Show when={items()?.length} fallback={<p class="empty">{t('list.emptyNews')}</p>}>
          <ul class="card-list">
            <For each={items()}>
              {(item) => (
                <li>
                  <ItemCard
                    href={itemPath(item)}
                    title={displayTitle(item)}
                    text={excerpt(item)}
                    image={feedImage(item.image)}
                    lang={item.language}
                    badge={<ItemMarks item={item} />}
                    meta={
                      <Show when={item.datePublished}>
                        {(date) => <time datetime={date()}>{formatDate(date(), locale(), zone())}</time>}
                      </Show>
                    }
                  />
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Suspense>
    </section>
  );
}
