import { useSearchParams } from '../../state/router';
import { createSignal, Show } from 'solid-js';
import { t } from '../../i18n';
import { BottomSheet } from '../../ui/BottomSheet';
import { Icon } from '../../ui/Icon';
import { NotificationsSection } from './NotificationsSection';

/**
 * "Notify me of new events" on the events list: a quiet button beside the heading (it was a
 * large one between the heading and the topics, on every visit), opening the notification
 * settings in a bottom sheet with new events chosen, and the list's topic when it is filtered.
 * The settings are made only once the sheet is first opened, and nothing is asked of the
 * browser until the reader turns notifications on there.
 */
export function NotifyEvents() {
  const [search] = useSearchParams<{ tag?: string }>();
  const [opened, setOpened] = createSignal(false);
  return (
    <BottomSheet
      buttonClass="button-quiet notify-events needs-script"
      button={
        <>
          <Icon name="bell" size={20} />
          {t('push.notifyEvents')}
        </>
      }
      title={t('push.notifyEvents')}
      closeLabel={t('contacts.close')}
      onOpen={() => setOpened(true)}
    >
      <Show when={opened()}>
        <NotificationsSection heading="h3" events topic={search.tag} />
      </Show>
    </BottomSheet>
  );
}
