import { Show, Suspense } from 'solid-js';
import { listLanguage, listPage, useFeedZone } from '../../state/data';
import type { Position } from '../../data/lists';
import { excerpt } from '@citylink/core/text';
import { formatLocale, t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { feedImage, settings } from '../../lib/settings';
import { CardList } from '../shared/CardList';
import { createRememberedPager } from '../shared/pager';
import { ShowMore, ShowPrevious } from '../shared/Paging';
import { EmptyState, LoadingState } from '../../ui/States';
import { later } from '../../ui/later';
import { useDocumentTitle } from '../../state/title';
import { HydrateInTurn, unlessHydrating } from '../../lib/hydration';
import { StatusLine } from '../status/lazy';

// Shown to a device only (never by the server): its code loads after hydration.
const InstallBanner = later('the install offer', () =>
  import('../../pwa/InstallPrompt').then((module) => module.InstallBanner),
);

/**
 * The home screen: news, newest first, straight from IndexedDB, a page at a time. The install
 * invitation, when there is one to make, sits at the end of the list here (and in More), never
 * above an item, nor where its late arrival would push the cards down.
 */
export function NewsList() {
  useDocumentTitle(() => t('nav.news'));
  return (
    <section class="page">
      <h1 data-screen-title>{t('nav.news')}</h1>
      <StatusLine />
      <Suspense fallback={<LoadingState label={t('list.loading')} />}>
        {/* The list hydrates after the screen around it, each in a turn of its own. */}
        <HydrateInTurn>
          <NewsPages />
        </HydrateInTurn>
      </Suspense>
      {/* After the list: it comes once the app has started, and there it moves nothing. */}
      <InstallBanner />
    </section>
  );
}

function NewsPages() {
  const pager = createRememberedPager<Position | null>('news', {
    start: null,
    load: (after) => listPage('news', after, listLanguage(), settings().onlyMyLanguage),
  });
  // A city's news is dated in the city's zone, as its publisher dated it.
  const zone = useFeedZone();
  // Not while hydrating, where the server's text stays: the page's first Intl date formatter
  // loads the date data, 100 ms or more on a slow phone. The first sync's worker has loaded it
  // (in the same process) by the time the list changes.
  const dated = (date: string) => unlessHydrating(formatDate, date, formatLocale(), zone());
  let list: HTMLUListElement | undefined;
  return (
    <Show when={pager.items().length} fallback={<EmptyState>{t('list.emptyNews')}</EmptyState>}>
      <ShowPrevious pager={pager} list={() => list} />
      <CardList
        items={pager.items()}
        ref={(element) => (list = element)}
        text={excerpt}
        image={(item) => feedImage(item.image)}
        meta={(item) => (
          <Show when={item.datePublished}>{(date) => <time datetime={date()}>{dated(date())}</time>}</Show>
        )}
      />
      <ShowMore pager={pager} list={() => list} />
    </Show>
  );
}
