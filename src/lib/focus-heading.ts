/**
 * Moving focus to a new screen's heading after a client-side navigation, so that a screen
 * reader starts reading there and the next Tab continues from the top of the new content.
 * Screens whose heading arrives with async data (an item read from IndexedDB) render it
 * later than the navigation, so this waits for it rather than looking once.
 */

/** How long to wait for a heading before leaving focus where it is. */
const WAIT_MS = 10_000;

/**
 * Focuses the first `h1` in `container` as soon as there is one: at once, or when it renders.
 * Stops when it has, when the reader moves focus themselves, after `waitMs`, or when the
 * returned cleanup runs (call it on the next navigation).
 */
export function makeHeadingFocus(container: HTMLElement, waitMs = WAIT_MS): () => void {
  const doc = container.ownerDocument;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    clearTimeout(timer);
    doc.removeEventListener('focusin', onFocusIn, true);
  };
  const tryFocus = () => {
    const heading = container.querySelector<HTMLElement>('h1');
    if (!heading) return;
    stop();
    // Focusable by script only: a heading is not a Tab stop.
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    if (doc.activeElement !== heading) heading.focus({ preventScroll: true });
  };
  // The reader tabbed on or picked something while the screen loaded: that focus is theirs.
  const onFocusIn = (event: FocusEvent) => {
    if (event.target instanceof Node && !(event.target instanceof HTMLHeadingElement)) stop();
  };
  const observer = new MutationObserver(tryFocus);
  const timer = setTimeout(stop, waitMs);

  observer.observe(container, { childList: true, subtree: true });
  doc.addEventListener('focusin', onFocusIn, true);
  tryFocus();
  return stop;
}
