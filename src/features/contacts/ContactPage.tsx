import { createAsync, useParams } from '@solidjs/router';
import { Show, Suspense } from 'solid-js';
import { itemAt } from '../../app/data';
import { displayTitle } from '../../data/text';
import { t } from '../../i18n';
import { ContactCard } from '../../ui/ContactCard';
import { ItemBody } from '../../ui/ItemBody';
import { OtherLanguages } from '../shared/OtherLanguages';
import { NotOnDevice } from '../../ui/NotOnDevice';

/** A directory entry on its own address. */
export function ContactPage() {
  const params = useParams<{ key: string }>();
  const item = createAsync(() => itemAt('contact', params.key));
  return (
    <Suspense fallback={<p class="muted">{t('list.loading')}</p>}>
      <Show when={item() !== undefined}>
        <Show when={item()} fallback={<NotOnDevice />}>
          {(found) => (
            <article class="page article">
              <h1 lang={found().language}>{displayTitle(found())}</h1>
              <OtherLanguages item={found()} />
              <ItemBody html={found().contentHtml} text={found().contentText} lang={found().language} />
              <Show when={found().contact}>{(contact) => <ContactCard contact={contact()} />}</Show>
            </article>
          )}
        </Show>
      </Show>
    </Suspense>
  );
}
