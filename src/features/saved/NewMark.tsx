import { Show } from 'solid-js';
import type { Item } from '@citylink/core/model';
import { t } from '../../i18n';
import { isNew } from '../../lib/visits';
import { previousVisit } from './data';

/**
 * "New" on a list card: listed after the previous visit and not opened yet. `read` is the ids
 * of the items opened (the list reads them once for all its cards); none until they are read.
 */
export function NewMark(props: { item: Item; read: ReadonlySet<string> | undefined }) {
  const shown = () =>
    props.read !== undefined && isNew(props.item.sortTime, previousVisit(), props.read.has(props.item.id));
  return (
    <Show when={shown()}>
      <span class="badge badge-new">{t('saved.new')}</span>
    </Show>
  );
}
