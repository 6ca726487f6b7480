import { createAsync } from '@solidjs/router';
import { useParams } from '../../state/router';
import { Show, Suspense } from 'solid-js';
import { now } from '../../state/clock';
import { itemAt, translationsOf, useFeedZone } from '../../state/data';
import { languageMatch } from '@citylink/core/translations';
import { displayTitle } from '@citylink/core/text';
import { t } from '../../i18n';
import { settings } from '../../lib/settings';
import { contactFilePath } from '../../lib/item-files';
import { ContactCard } from '../../ui/ContactCard';
import { ItemBody } from '../../ui/ItemBody';
import { OtherLanguages } from '../shared/OtherLanguages';
import { ItemActions } from '../shared/ItemActions';
import { ItemMissing } from '../shared/ItemMissing';
import { LoadingState } from '../../ui/States';
import { useDocumentTitle } from '../../state/title';
import { itemTitle } from '../shared/item-title';
import { useZones } from '../shared/zones';
import { ConvertedNote } from '../shared/ConvertedNote';
import { useReadable } from '../shared/readable';

/**
 * A directory entry on its own address: the ways to reach them first (Call the primary action,
 * on the first screen of a phone), then the facts, then the quiet actions and the text.
 */
export function ContactPage() {
  const params = useParams<{ key: string }>();
  const reading = useReadable(() => itemAt('contact', params.key));
  const stored = reading.stored;
  const item = reading.item;
  useDocumentTitle(() => itemTitle(item()));
  const zone = useFeedZone();
  const zones = useZones();
  const translations = createAsync(() => (stored() ? translationsOf(stored()!.id) : Promise.resolve([])));
  /**
   * The contact's name in Chinese, the local script, for the taxi card: the Chinese version's,
   * as published (Simplified, never converted: the card is for a local driver).
   */
  const localName = () =>
    [stored(), ...(translations() ?? [])].find(
      (version) => version && languageMatch(version.language, 'zh') > 0 && version.contact?.name,
    )?.contact?.name;
  return (
    <Suspense fallback={<LoadingState label={t('list.loading')} />}>
      <Show when={item() !== undefined}>
        <Show when={item()} fallback={<ItemMissing />}>
          {(found) => (
            <article class="page article">
              <h1 lang={found().language} data-screen-title>
                {displayTitle(found())}
              </h1>
              <ConvertedNote readable={reading} />
              <OtherLanguages item={found()} />
              {/* The ways to reach them first: that is what people open a contact for. */}
              <Show when={found().contact}>
                {(contact) => (
                  <ContactCard
                    contact={contact()}
                    lang={found().language}
                    file={contactFilePath(found())}
                    heading="none"
                    zones={zones(zone())}
                    localName={localName()}
                    now={now()}
                  />
                )}
              </Show>
              {/* Saved and shared as published, not as converted here. */}
              <ItemActions item={stored() ?? found()} />
              <ItemBody
                html={found().contentHtml}
                text={found().contentText}
                lang={found().language}
                noImages={settings().dataSaver}
              />
            </article>
          )}
        </Show>
      </Show>
    </Suspense>
  );
}
