import { useSearchParams } from '@solidjs/router';
import { createResource, For, Show, Suspense } from 'solid-js';
import { now } from '../../app/clock';
import { hydrated } from '../../lib/hydration';
import { useFeedZone, useItems } from '../../app/data';
import type { Item } from '../../data/model';
import { itemPath } from '../../data/paths';
import { displayTitle } from '../../data/text';
import { languageMatch } from '../../data/translations';
import { locale, t } from '../../i18n';
import { languageName } from '../../lib/format';
import { ItemCard } from '../../ui/ItemCard';
import { ItemMarks } from '../shared/ItemMarks';
import { OpenNow } from '../../ui/OpenNow';
import { useDocumentTitle } from '../../app/title';

/**
 * The directory of service stations and offices: open ones first when their hours are known,
 * then by name; filtered by a language spoken (`?lang=`, shareable like any address).
 */
export function ContactsList() {
  const items = useItems('contact');
  useDocumentTitle(() => t('nav.contacts'));
  const zone = useFeedZone();
  const [search] = useSearchParams<{ lang?: string }>();
  const all = () => (items() ?? []).filter((item) => item.contact);
  // Only loaded when some contact has machine-readable hours (the parser is large), and never
  // for a server render: whether a place is open depends on the reader's "now". Offline before
  // the worker ever kept it, the list is sorted by name alone.
  const [hours] = createResource(
    () => hydrated() && all().some((item) => item.contact?.openingHours),
    () => import('../../lib/hours').catch(() => undefined),
  );
  const spoken = () => [...new Set(all().flatMap((item) => item.contact?.languages ?? []))];
  const isOpen = (item: Item) => {
    const spec = item.contact?.openingHours;
    return spec ? hours()?.openState(spec, new Date(now()), zone())?.state === 'open' : false;
  };
  const shown = () => {
    const wanted = search.lang;
    return all()
      .filter((item) => !wanted || item.contact?.languages.some((tag) => languageMatch(tag, wanted) > 0))
      .map((item) => ({ item, open: isOpen(item), name: displayTitle(item) }))
      .sort((a, b) => Number(b.open) - Number(a.open) || a.name.localeCompare(b.name, locale()));
  };

  return (
    <section class="page">
      <h1>{t('nav.contacts')}</h1>
      <Suspense fallback={<p class="muted">{t('list.loading')}</p>}>
        <Show when={all().length} fallback={<p class="empty">{t('list.emptyContacts')}</p>}>
          <Show when={spoken().length > 1}>
            <nav class="chips" aria-label={t('contacts.speaks')}>
              <a href="/contacts" class="chip" aria-current={search.lang ? undefined : 'page'}>
                {t('contacts.anyLanguage')}
              </a>
              <For each={spoken()}>
                {(tag) => (
                  <a
                    href={`/contacts?lang=${encodeURIComponent(tag)}`}
                    class="chip"
                    hreflang={tag}
                    aria-current={search.lang === tag ? 'page' : undefined}
                  >
                    {languageName(tag, locale())}
                  </a>
                )}
              </For>
            </nav>
          </Show>
          <Show
            when={shown().length}
            fallback={
              <p class="empty">
                {t('contacts.noneSpeak', { language: languageName(search.lang ?? '', locale()) })}
              </p>
            }
          >
            <ul class="card-list">
              <For each={shown()}>
                {({ item, name }) => (
                  <li>
                    <ItemCard
                      href={itemPath(item)}
                      title={name}
                      lang={item.language}
                      badge={<ItemMarks item={item} />}
                      meta={
                        <Show when={item.contact?.openingHours}>
                          {(spec) => <OpenNow openingHours={spec()} timeZone={zone()} now={now()} />}
                        </Show>
                      }
                      text={[item.contact?.role, item.contact?.hours].filter(Boolean).join(' · ')}
                    />
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Show>
      </Suspense>
    </section>
  );
}
