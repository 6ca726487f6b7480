import { A, createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { itemsById } from '../../app/data';
import type { Item } from '../../data/model';
import { itemPath } from '../../data/paths';
import { t } from '../../i18n';
import { languageName } from '../../lib/format';

/**
 * "Read in 中文 / Read in English": links to the item's translations on the device (saved ones
 * too, so this works offline), each language named in itself.
 */
export function OtherLanguages(props: { item: Item }) {
  const others = createAsync(() => itemsById(props.item.translations.map((tr) => tr.id)));
  const named = () =>
    (others() ?? []).flatMap((other) =>
      other.language && other.language !== props.item.language ? [{ other, language: other.language }] : [],
    );
  return (
    <Show when={named().length}>
      <p class="other-languages">
        <For each={named()}>
          {({ other, language }) => (
            <A href={itemPath(other)} hreflang={language}>
              {/* Named in its own language: a reader who cannot read this page can still find theirs. */}
              {t('item.readIn')} <span lang={language}>{languageName(language, language)}</span>
            </A>
          )}
        </For>
      </p>
    </Show>
  );
}
