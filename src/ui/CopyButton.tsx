import { Show } from 'solid-js';
import { createFleetingMessage } from '../lib/fleeting';
import { copyText } from '../lib/share';

/**
 * Copies a value and says so in a live region, so that sighted and screen-reader users both
 * learn it worked; where the clipboard is refused, the message shows the value to copy by hand.
 */
export function CopyButton(props: { value: string; label: string; done: string; failed: string }) {
  const [message, say] = createFleetingMessage();
  const copy = async () => say((await copyText(props.value)) ? props.done : props.failed);

  return (
    <>
      <button type="button" class="action" onClick={() => void copy()}>
        {props.label}
      </button>
      <p class="copy-status" role="status">
        <Show when={message()}>{(text) => <span>{text()}</span>}</Show>
      </p>
    </>
  );
}
