import { createAsync } from '@solidjs/router';
import { Show } from 'solid-js';
import type { Item } from '../../data/model';
import { t } from '../../i18n';
import { isNew } from '../../lib/visits';
import { previousVisit, readSet } from './data';

/** "New" on a list card: listed after the previous visit and not opened yet. */
export function NewMark(props: { item: Item }) {
  const read = createAsync(() => readSet());
  const shown = () =>
    read() !== undefined && isNew(props.item.sortTime, previousVisit(), read()?.has(props.item.id) ?? false);
  return (
    <Show when={shown()}>
      <span class="badge badge-new">{t('saved.new')}</span>
    </Show>
  );
}
