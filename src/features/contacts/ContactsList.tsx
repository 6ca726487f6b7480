import { For, Show, Suspense } from 'solid-js';
import { useItems } from '../../app/data';
import { itemPath } from '../../data/paths';
import { displayTitle } from '../../data/text';
import { t } from '../../i18n';
import { ItemCard } from '../../ui/ItemCard';

/** The directory of service stations and offices, by name. */
export function ContactsList() {
  const items = useItems('contact');
  const sorted = () =>
    [...(items() ?? [])].sort((a, b) => displayTitle(a).localeCompare(displayTitle(b), a.language));
  return (
    <section class="page">
      <h1>{t('nav.contacts')}</h1>
      <Suspense fallback={<p class="muted">{t('list.loading')}</p>}>
        <Show when={sorted().length} fallback={<p class="empty">{t('list.emptyContacts')}</p>}>
          <ul class="card-list">
            <For each={sorted()}>
              {(item) => (
                <li>
                  <ItemCard
                    href={itemPath(item)}
                    title={displayTitle(item)}
                    lang={item.language}
                    text={[item.contact?.role, item.contact?.hours].filter(Boolean).join(' · ')}
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
