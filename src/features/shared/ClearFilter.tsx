import { onCleanup } from 'solid-js';
import { focusWhenThere } from '../../lib/focus-heading';

/** How long the selected chip may take to come back, and is given focus again if re-rendered. */
const WAIT_MS = 3000;

/**
 * The way out of a filtered list's empty state: a link to the list without the filter (a
 * link, so it works before the app has started), shown in the state's action slot.
 *
 * The screen does not change, so the heading-focus rule of a new screen does not apply, and
 * the link itself leaves with the empty state: focus would fall to the page's start. Once
 * the list is back, focus goes to the chip that now says what it shows ("All"), the selected
 * chip leading where the link led, from which the next swipe or Tab reaches the list.
 */
export function ClearFilter(props: { href: string; label: string }) {
  // The screen, noted on the tap: by the cleanup the link may already be out of the page.
  let screen: HTMLElement | null | undefined;
  onCleanup(() => {
    if (!screen) return;
    const href = props.href;
    const within = screen;
    focusWhenThere(
      within,
      () =>
        [...within.querySelectorAll<HTMLElement>('.chips [aria-current="page"]')].find(
          (chip) => chip.getAttribute('href') === href,
        ),
      { waitMs: WAIT_MS, hold: true },
    );
  });
  return (
    <a
      href={props.href}
      class="button-outlined"
      onClick={(event) => (screen = event.currentTarget.closest<HTMLElement>('.page'))}
    >
      {props.label}
    </a>
  );
}
