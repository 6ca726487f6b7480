import { createSignal, createUniqueId, lazy, Show, Suspense } from 'solid-js';
import { t } from '../i18n';
import { Icon } from './Icon';

// The encoder is a chunk of its own, loaded on the first open (and precached, so offline too).
const QrCode = lazy(() => import('./QrCode').then((module) => ({ default: module.QrCode })));

/**
 * A "QR code" button and the full-screen dialog it opens: the code as large as the screen
 * allows, the link below it. The native <dialog> gives focus containment and Escape to close.
 */
export function QrDialog(props: { url: string; title: string }) {
  const heading = createUniqueId();
  // The code is made when first asked for, not for every page that merely offers it.
  const [opened, setOpened] = createSignal(false);
  let dialog: HTMLDialogElement | undefined;
  let opener: HTMLButtonElement | undefined;
  const open = () => {
    setOpened(true);
    dialog?.showModal();
  };
  return (
    <>
      <button
        type="button"
        class="button-quiet qr-button"
        aria-haspopup="dialog"
        ref={(element) => (opener = element)}
        onClick={open}
      >
        <Icon name="qr" size={20} />
        {t('share.qr')}
      </button>
      <dialog
        class="qr-dialog"
        ref={(element) => (dialog = element)}
        aria-labelledby={heading}
        // Browsers differ on where focus goes after a dialog closes: send it back to the opener.
        onClose={() => opener?.focus()}
      >
        <h2 id={heading} class="qr-heading">
          {t('share.qrTitle')}
        </h2>
        <p class="qr-subject">{props.title}</p>
        <Show when={opened()}>
          <Suspense fallback={<div class="qr-code" />}>
            <QrCode text={props.url} label={t('share.qrImage', { url: props.url })} />
          </Suspense>
        </Show>
        <p class="qr-link break">{props.url}</p>
        <p class="muted">{t('share.qrHint')}</p>
        <form method="dialog">
          <button type="submit" class="button-primary">
            {t('share.close')}
          </button>
        </form>
      </dialog>
    </>
  );
}
