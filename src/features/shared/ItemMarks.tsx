import { createAsync } from '@solidjs/router';
import { Show } from 'solid-js';
import { feedMeta } from '../../app/data';
import type { Item } from '../../data/model';
import { languageMatch } from '../../data/translations';
import { locale } from '../../i18n';
import { languageName } from '../../lib/format';
import { NewMark } from '../saved/NewMark';

/**
 * The marks of a list card: "New" since the last visit, and the item's language when it is not
 * the reader's (a story the feed has in one language only still shows, marked).
 */
export function ItemMarks(props: { item: Item }) {
  const meta = createAsync(() => feedMeta());
  const language = () => props.item.language ?? meta()?.language;
  return (
    <>
      <NewMark item={props.item} />
      <Show when={language() && languageMatch(language(), locale()) === 0 ? language() : undefined}>
        {(tag) => <span class="badge badge-lang">{languageName(tag(), locale())}</span>}
      </Show>
    </>
  );
}
