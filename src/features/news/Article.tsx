import { useParams } from '../../state/router';
import { For, Show, Suspense } from 'solid-js';
import { itemAt, useFeedZone } from '../../state/data';
import { displayTitle } from '@citylink/core/text';
import { formatLocale, locale, t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { formatList } from '../../lib/format-more';
import { feedImage, settings } from '../../lib/settings';
import { ItemBody } from '../../ui/ItemBody';
import { unlessHydrating } from '../../lib/hydration';
import { OtherLanguages } from '../shared/OtherLanguages';
import { ItemActions } from '../shared/ItemActions';
import { ItemMissing } from '../shared/ItemMissing';
import { LoadingState } from '../../ui/States';
import { useDocumentTitle } from '../../state/title';
import { itemTitle } from '../shared/item-title';
import { ConvertedNote } from '../shared/ConvertedNote';
import { useReadable } from '../shared/readable';

/** A news item on its own address, readable offline. */
export function Article() {
  const params = useParams<{ key: string }>();
  const reading = useReadable(() => itemAt('news', params.key));
  const stored = reading.stored;
  const item = reading.item;
  const zone = useFeedZone();
  useDocumentTitle(() => itemTitle(item()));
  return (
    <Suspense fallback={<LoadingState label={t('list.loading')} />}>
      <Show when={item() !== undefined}>
        <Show when={item()} fallback={<ItemMissing />}>
          {(found) => {
            const authors = () => found().authors.flatMap((a) => (a.name ? [a.name] : []));
            return (
              <article class="page article">
                <h1 lang={found().language} data-screen-title>
                  {displayTitle(found())}
                </h1>
                <ConvertedNote readable={reading} />
                <OtherLanguages item={found()} />
                <p class="article-meta">
                  <Show when={found().datePublished}>
                    {(date) => (
                      <time datetime={date()}>
                        {unlessHydrating(formatDate, date(), formatLocale(), zone())}
                      </time>
                    )}
                  </Show>
                  <Show when={authors().length}>
                    <span>{t('item.by', { names: unlessHydrating(formatList, authors(), locale()) })}</span>
                  </Show>
                </p>
                {/* Saved and shared as published, not as converted here. */}
                <ItemActions item={stored() ?? found()} />
                <Show when={feedImage(found().image ?? found().bannerImage)}>
                  {(src) => (
                    // A feed image may live on any host: it is not told which item is open.
                    <img
                      class="article-image"
                      src={src()}
                      alt=""
                      loading="lazy"
                      decoding="async"
                      referrerpolicy="no-referrer"
                    />
                  )}
                </Show>
                <ItemBody
                  html={found().contentHtml}
                  text={found().contentText}
                  lang={found().language}
                  noImages={settings().dataSaver}
                />
                <For each={found().attachments}>
                  {(attachment) => (
                    <p>
                      <a href={attachment.url} target="_blank" rel="noopener noreferrer">
                        {attachment.title ?? attachment.url}
                      </a>
                    </p>
                  )}
                </For>
                <Show when={found().externalUrl ?? found().url}>
                  {(href) => (
                    <p class="original">
                      <a href={href()} target="_blank" rel="noopener noreferrer">
                        {t('item.original')}
                      </a>
                    </p>
                  )}
                </Show>
              </article>
            );
          }}
        </Show>
      </Show>
    </Suspense>
  );
}
