import { createUniqueId, Show } from 'solid-js';
import { locale, t } from '../i18n';
import { DRIVER_HINT } from '../i18n/driver';
import { Icon } from './Icon';

/**
 * "Show to a taxi driver": the place's name and address in the local script (`lang`, Chinese by
 * default, Simplified as the feed publishes it, even for a reader who reads it converted),
 * large, on a full-screen dialog; never a name the driver cannot read. The native <dialog>
 * gives focus containment, Escape to close and a top layer for free.
 */
export function DriverView(props: { name?: string; address: string; lang?: string }) {
  let dialog: HTMLDialogElement | undefined;
  // A page can hold several (an event's and each of its contacts'), so each names itself.
  const addressId = createUniqueId();
  const dialogId = createUniqueId();
  return (
    <>
      <button
        type="button"
        class="button-secondary driver-button"
        aria-haspopup="dialog"
        // Opened by the browser itself before the app has started and without JavaScript (an
        // invoker command); by the app where a browser has no commands (the command cancelled).
        commandfor={dialogId}
        command="show-modal"
        onClick={(event) => {
          event.preventDefault();
          dialog?.showModal();
        }}
      >
        <Icon name="taxi" size={20} />
        <span class="action-text">{t('contacts.showDriver')}</span>
      </button>
      <dialog class="driver" id={dialogId} ref={(element) => (dialog = element)} aria-labelledby={addressId}>
        {/* Written for the driver: in Chinese whatever the interface language, with the
            reader's own language below so they know what they are showing. */}
        <p class="driver-hint" lang={DRIVER_HINT.lang}>
          {DRIVER_HINT.text}
        </p>
        {/* A reader of another language or script is told that the address is the local one,
            in Simplified as published, never converted: a Traditional reader's own script
            would be the wrong one here. */}
        <Show when={locale() !== 'zh-Hans'}>
          <p class="muted">{t('contacts.driverHint')}</p>
          <p class="muted">{t('contacts.driverLocal')}</p>
        </Show>
        <Show when={props.name}>
          {(name) => (
            <p class="driver-name" lang={props.lang ?? 'zh-Hans'}>
              {name()}
            </p>
          )}
        </Show>
        <p id={addressId} class="driver-address" lang={props.lang ?? 'zh-Hans'}>
          {props.address}
        </p>
        <form method="dialog">
          <button type="submit" class="button-primary">
            {t('contacts.close')}
          </button>
        </form>
      </dialog>
    </>
  );
}
