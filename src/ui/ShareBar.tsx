import { createSignal, Show } from 'solid-js';
import { t } from '../i18n';
import { createFleetingMessage } from '../lib/fleeting';
import { shareLink } from '../lib/share';
import { showToast } from '../lib/toast';
import { Icon } from './Icon';
import { QrDialog } from './QrDialog';

/**
 * "Share" and "QR code" for one link, as quiet buttons. Share opens the system share sheet where
 * there is one, else copies the link and says so in a toast; where even the clipboard is
 * refused, it says so below and the link appears in a field, selected, to copy by hand.
 */
export function ShareBar(props: { url: string; title: string }) {
  const [message, say] = createFleetingMessage();
  const [manual, setManual] = createSignal(false);

  const share = async () => {
    // Cleared first so that a second copy is announced again.
    say(undefined);
    const outcome = await shareLink({ title: props.title, url: props.url });
    setManual(outcome === 'failed');
    if (outcome === 'copied') showToast(() => t('share.linkCopied'));
    else if (outcome === 'failed') say(t('share.copyFailed'), true);
  };

  return (
    <div class="share-bar">
      <button type="button" class="button-quiet" onClick={() => void share()}>
        <Icon name="share" size={20} />
        {t('share.share')}
      </button>
      <QrDialog url={props.url} title={props.title} />
      <p class="copy-status share-feedback" role="status">
        <Show when={message()}>{(text) => <span>{text()}</span>}</Show>
      </p>
      <Show when={manual()}>
        <label class="share-manual share-feedback">
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
