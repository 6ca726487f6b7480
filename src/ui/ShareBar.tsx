import { createSignal, onCleanup, Show } from 'solid-js';
import { t } from '../i18n';
import { shareLink } from '../lib/share';
import { QrDialog } from './QrDialog';

/**
 * "Share" and "QR code" for one link. Share opens the system share sheet where there is one,
 * else copies the link and says so in a polite live region; where even the clipboard is
 * refused, the link appears in a field, selected, to copy by hand.
 */
export function ShareBar(props: { url: string; title: string }) {
  const [message, setMessage] = createSignal<string>();
  const [manual, setManual] = createSignal(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  const share = async () => {
    clearTimeout(timer);
    // Cleared first so that a second copy is announced again.
    setMessage(undefined);
    const outcome = await shareLink({ title: props.title, url: props.url });
    setManual(outcome === 'failed');
    if (outcome === 'copied') {
      setMessage(t('share.linkCopied'));
      timer = setTimeout(() => setMessage(undefined), 8000);
    } else if (outcome === 'failed') {
      setMessage(t('share.copyFailed'));
    }
  };

  return (
    <div class="share-bar">
      <div class="actions">
        <button type="button" class="action" onClick={() => void share()}>
          {t('share.share')}
        </button>
        <QrDialog url={props.url} title={props.title} />
      </div>
      <p class="copy-status" role="status">
        <Show when={message()}>{(text) => <span>{text()}</span>}</Show>
      </p>
      <Show when={manual()}>
        <label class="share-manual">
          <span>{t('share.link')}</span>
          <input
            type="url"
            readOnly
            value={props.url}
            ref={(element) =>
              queueMicrotask(() => {
                element.focus();
                element.select();
              })
            }
            onFocus={(event) => event.currentTarget.select()}
          />
        </label>
      </Show>
    </div>
  );
}
