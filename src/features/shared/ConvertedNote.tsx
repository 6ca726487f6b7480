import { Show } from 'solid-js';
import type { Item } from '@citylink/core/model';
import { t } from '../../i18n';
import type { Readable } from './readable';

/**
 * Under a converted item's title: that it was converted automatically from Simplified Chinese,
 * and a toggle to read the original (a real button, pressed while the original shows).
 */
export function ConvertedNote(props: { readable: Readable<Item> }) {
  return (
    <Show when={props.readable.converted()}>
      <p class="converted-note">
        <span>{t('item.converted')}</span>
        <button
          type="button"
          class="link-button"
          aria-pressed={props.readable.original()}
          onClick={() => props.readable.toggleOriginal()}
        >
          {t('item.showOriginal')}
        </button>
      </p>
    </Show>
  );
}
