import { createAsync } from '@solidjs/router';
import { createSignal, onMount, Show } from 'solid-js';
import type { Item } from '@citylink/core/model';
import { t } from '../../i18n';
import { Icon } from '../../ui/Icon';
import { recordRead, savedSet, setSaved } from './data';

/**
 * The save toggle of an item page. Shown once on every item page, so it also records that the
 * item was opened (which clears its "New" mark). A save the device refuses (no space left,
 * storage failing) is said so under the button; the write is all or nothing, so nothing saved
 * before is touched, and the button stays as it was.
 */
export function SaveButton(props: { item: Item }) {
  const saved = createAsync(() => savedSet());
  const isSaved = () => saved()?.has(props.item.id) ?? false;
  const [problem, setProblem] = createSignal<'full' | 'failed'>();
  onMount(() => void recordRead(props.item.id).catch(() => undefined));
  const toggle = async () => {
    setProblem(undefined);
    try {
      await setSaved(props.item, !isSaved());
    } catch (error) {
      setProblem((error as { name?: unknown } | null)?.name === 'QuotaExceededError' ? 'full' : 'failed');
    }
  };
  return (
    <>
      <button
        type="button"
        class="button-quiet save-button"
        aria-pressed={isSaved()}
        onClick={() => void toggle()}
      >
        <Icon name="saved" size={20} filled={isSaved()} />
        {isSaved() ? t('saved.saved') : t('saved.save')}
      </button>
      <Show when={problem()}>
        {(kind) => (
          <p class="banner warn save-problem" role="alert">
            {t(`saved.${kind()}`)}
          </p>
        )}
      </Show>
    </>
  );
}
