import { createAsync } from '@solidjs/router';
import { onMount } from 'solid-js';
import type { Item } from '../../data/model';
import { t } from '../../i18n';
import { Icon } from '../../ui/Icon';
import { recordRead, savedSet, setSaved } from './data';

/**
 * The save toggle of an item page. Shown once on every item page, so it also records that the
 * item was opened (which clears its "New" mark).
 */
export function SaveButton(props: { item: Item }) {
  const saved = createAsync(() => savedSet());
  const isSaved = () => saved()?.has(props.item.id) ?? false;
  onMount(() => void recordRead(props.item.id));
  return (
    <p class="save-row">
      <button
        type="button"
        class="action save-button"
        aria-pressed={isSaved()}
        onClick={() => void setSaved(props.item, !isSaved())}
      >
        <Icon name="saved" size={20} filled={isSaved()} />
        {isSaved() ? t('saved.saved') : t('saved.save')}
      </button>
    </p>
  );
}
