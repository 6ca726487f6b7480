import { createSignal, onCleanup, Show } from 'solid-js';

/**
 * Copies a value and says so in a live region, so that sighted and screen-reader users both
 * learn it worked; where the clipboard is refused, the message shows the value to copy by hand.
 */
export function CopyButton(props: { value: string; label: string; done: string; failed: string }) {
  const [message, setMessage] = createSignal<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  const copy = async () => {
    let ok = false;
    try {
      await navigator.clipboard.writeText(props.value);
      ok = true;
    } catch {
      // No clipboard (insecure context, old browser, permission denied): fall through.
    }
    setMessage(ok ? props.done : props.failed);
    clearTimeout(timer);
    timer = setTimeout(() => setMessage(undefined), 8000);
  };

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
