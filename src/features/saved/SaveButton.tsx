import { createAsync } from '@solidjs/router';
import { onMount } from 'solid-js';
import type { Item } from '../../data/model';
import { t } from '../../i18n';
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
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path
            d="M6 3h12v18l-6-4.5L6 21z"
            fill={isSaved() ? 'currentColor' : 'none'}
            stroke="currentColor"
            stroke-width="2"
            stroke-linejoin="round"
          />
        </svg>
        {isSaved() ? t('saved.saved') : t('saved.save')}
      </button>
    </p>
  );
}
