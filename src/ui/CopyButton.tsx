import { Show, type JSX } from 'solid-js';
import { createFleetingMessage } from '../lib/fleeting';
import { copyText } from '../lib/share';
import { showToast } from '../lib/toast';

/**
 * Copies a value and says so: done, in a toast (read out politely, gone by itself); refused by
 * the clipboard, under the button, with the value to copy by hand, as long as it takes.
 */
export function CopyButton(props: { value: string; label: JSX.Element; done: string; failed: string }) {
  const [problem, say] = createFleetingMessage();
  const copy = async () => {
    say(undefined);
    if (await copyText(props.value)) {
      const done = props.done;
      showToast(() => done);
    } else {
      say(props.failed, true);
    }
  };

  return (
    <>
      <button type="button" class="button-secondary" onClick={() => void copy()}>
        {props.label}
      </button>
      <p class="copy-status" role="status">
        <Show when={problem()}>{(text) => <span>{text()}</span>}</Show>
      </p>
    </>
  );
}
