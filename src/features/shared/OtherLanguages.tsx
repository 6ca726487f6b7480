import { createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { feedMeta, translationsOf } from '../../state/data';
import type { Item } from '@citylink/core/model';
import { itemPath } from '@citylink/core/paths';
import { t } from '../../i18n';
import { languageName } from '../../lib/format';
import { unlessHydrating } from '../../lib/hydration';

/**
 * "Read in 中文 / Read in English": links to the item's translations on the device, whichever
 * side of the pair names the other, each language named in itself.
 */
export function OtherLanguages(props: { item: Item }) {
  const others = createAsync(() => translationsOf(props.item.id));
  const meta = createAsync(() => feedMeta());
  // An item that names no language is in the feed's.
  const languageOf = (item: Item) => item.language ?? meta()?.language;
  const named = () =>
    (others() ?? []).flatMap((other) => {
      const language = languageOf(other);
      return language && language !== languageOf(props.item) ? [{ other, language }] : [];
    });
  return (
    <Show when={named().length}>
      <p class="other-languages">
        <For each={named()}>
          {({ other, language }) => (
            <a href={itemPath(other)} hreflang={language}>
              {/* Named in its own language: a reader who cannot read this page can still find theirs. */}
              {t('item.readIn')}{' '}
              <span lang={language}>{unlessHydrating(languageName, language, language)}</span>
            </a>
          )}
        </For>
      </p>
    </Show>
  );
}
