import { createSignal, onCleanup } from 'solid-js';

/**
 * A message for a polite live region that clears itself after a while ("Link copied"), so
 * the same message said again is announced again. Call inside a component: the timer goes
 * with it.
 */
export function createFleetingMessage(ms = 8000) {
  const [message, setMessage] = createSignal<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  /** Shows `text` (none clears); `keep` leaves it up, for what the reader still has to act on. */
  const say = (text: string | undefined, keep = false) => {
    clearTimeout(timer);
    setMessage(text);
    if (text && !keep) timer = setTimeout(() => setMessage(undefined), ms);
  };
  return [message, say] as const;
}
