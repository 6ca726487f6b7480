/**
 * Moving focus to a new screen's heading after a client-side navigation, so that a screen
 * reader starts reading there and the next Tab continues from the top of the new content.
 * Screens whose heading arrives with async data (an item read from IndexedDB) render it
 * later than the navigation, so this waits for it rather than looking once. The same wait
 * serves a screen that moves focus itself once its content has changed (`focusWhenThere`).
 */

/** How long to wait for a heading before leaving focus where it is. */
const WAIT_MS = 10_000;

/**
 * Focuses what `find` returns as soon as it returns something: at once, or when `container`
 * changes (children or attributes: a chip becomes the selected one). Stops when it has, when
 * the reader moves focus themselves (to anything `theirs` accepts), after `waitMs`, or when
 * the returned cleanup runs. With `hold`, it goes on until `waitMs` or the reader's move,
 * giving focus again to what `find` returns if a re-render takes the focused element away
 * (a list that shows its loading state before it comes back).
 */
export function focusWhenThere(
  container: HTMLElement,
  find: () => HTMLElement | null | undefined,
  {
    waitMs = WAIT_MS,
    theirs = () => true,
    hold = false,
  }: { waitMs?: number; theirs?: (target: Node) => boolean; hold?: boolean } = {},
): () => void {
  const doc = container.ownerDocument;
  let stopped = false;
  let focused: HTMLElement | undefined;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    clearTimeout(timer);
    doc.removeEventListener('focusin', onFocusIn, true);
  };
  const tryFocus = () => {
    // Held: only when focus has fallen to the page's start, the element given it having left
    // the page (it may come back as the same node: a Suspense boundary keeps its nodes aside).
    if (focused && doc.activeElement && doc.activeElement !== doc.body) return;
    const target = find();
    if (!target) return;
    if (!hold) stop();
    focused = target;
    if (doc.activeElement !== target) target.focus({ preventScroll: true });
  };
  // The reader tabbed on or picked something while the screen changed: that focus is theirs.
  const onFocusIn = (event: FocusEvent) => {
    if (event.target instanceof Node && event.target !== focused && theirs(event.target)) stop();
  };
  const observer = new MutationObserver(tryFocus);
  const timer = setTimeout(stop, waitMs);

  observer.observe(container, { childList: true, subtree: true, attributes: true });
  doc.addEventListener('focusin', onFocusIn, true);
  tryFocus();
  return stop;
}

/**
 * Focuses the first `h1` in `container` as soon as there is one: at once, or when it renders.
 * Stops when it has, when the reader moves focus themselves, after `waitMs`, or when the
 * returned cleanup runs (call it on the next navigation).
 */
export function makeHeadingFocus(container: HTMLElement, waitMs = WAIT_MS): () => void {
  return focusWhenThere(
    container,
    () => {
      const heading = container.querySelector<HTMLElement>('h1');
      // Focusable by script only: a heading is not a Tab stop.
      if (heading && !heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      return heading;
    },
    // Focus on a heading is this rule's own (the last screen's, or this one's), not the reader's.
    { waitMs, theirs: (target) => !(target instanceof HTMLHeadingElement) },
  );
}
