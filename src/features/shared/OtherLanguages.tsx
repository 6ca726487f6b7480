import { A, createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { itemsById } from '../../app/data';
import type { Item } from '../../data/model';
import { itemPath } from '../../data/paths';
import { t } from '../../i18n';
import { languageName } from '../../lib/format';

/** Links to the item's translations that are on the device, each named in its own language. */
export function OtherLanguages(props: { item: Item }) {
  const others = createAsync(() => itemsById(props.item.translations.map((tr) => tr.id)));
  const named = () =>
    (others() ?? []).flatMap((other) =>
      other.language && other.language !== props.item.language ? [{ other, language: other.language }] : [],
    );
  return (
    <Show when={named().length}>
      <p class="other-languages">
        <span>{t('item.otherLanguages')}: </span>
        <For each={named()}>
          {({ other, language }) => (
            <A href={itemPath(other)} lang={language} hreflang={language}>
              {/* Named in its own language: a reader who cannot read this page can still find theirs. */}
              {languageName(language, language)}
            </A>
          )}
        </For>
      </p>
    </Show>
  );
}
