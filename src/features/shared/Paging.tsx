import { createSignal, onCleanup, Show } from 'solid-js';
import { t } from '../../i18n';
import type { Pager } from './pager';

/** How near the viewport "Show more" comes before it loads the next page by itself. */
const NEAR_PX = 600;

/**
 * The end of a paged list: "Show more", which also loads the next page by itself when it
 * scrolls near (so scrolling just goes on), and a status line that tells screen readers how
 * many items came. Pressed (keyboard, click), it moves focus to the first new item, so the
 * reader goes on reading where the list grew; loaded by scrolling, it leaves focus alone.
 */
export function ShowMore(props: { pager: Pager; list: () => HTMLElement | undefined }) {
  let button: HTMLButtonElement | undefined;
  const [said, setSaid] = createSignal('');

  /** Adds the next page; false when none came (one is already on its way, or the list ended). */
  const load = async (pressed: boolean): Promise<boolean> => {
    if (props.pager.pending()) return false;
    // A page may leave the top as this one comes: keep the last card where the reader sees it
    // (browsers without scroll anchoring would jump by the height that left).
    const cards = props.list()?.querySelectorAll('.card');
    const last = cards?.[cards.length - 1];
    const before = last?.getBoundingClientRect().top;
    const index = await props.pager.more();
    if (index < 0) return false;
    if (last?.isConnected && before !== undefined) {
      const moved = last.getBoundingClientRect().top - before;
      if (Math.abs(moved) >= 1) window.scrollBy(0, moved);
    }
    announce(setSaid, t('list.added', { count: String(props.pager.items().length - index) }));
    if (pressed) links(props.list())[index]?.focus();
    return true;
  };

  // Loads the next page as the button comes near the viewport. Not while the button has focus:
  // a keyboard reader who reached it decides.
  let observer: IntersectionObserver | undefined;
  const watch = (element: HTMLButtonElement) => {
    button = element;
    if (typeof IntersectionObserver === 'undefined') return;
    observer ??= new IntersectionObserver(
      (entries) => {
        const near = entries.some((entry) => entry.isIntersecting && entry.target === button);
        if (!near || document.activeElement === button || !stillNear()) return;
        void load(false).then((loaded) => {
          // Still near after a short page: looking again loads the one after.
          if (!loaded || !button || !observer) return;
          observer.unobserve(button);
          observer.observe(button);
        });
      },
      { rootMargin: `0px 0px ${NEAR_PX}px 0px` },
    );
    observer.observe(element);
  };
  onCleanup(() => observer?.disconnect());
  // An entry tells where the button was when it was taken, and a list taking in a page a few
  // cards per turn moves the button meanwhile: it loads only if the button is still near.
  const stillNear = () => !!button && button.getBoundingClientRect().top < window.innerHeight + NEAR_PX;

  return (
    <div class="pager">
      <Show when={props.pager.hasMore()}>
        <button
          ref={watch}
          type="button"
          class="button-outlined pager-more"
          // aria-disabled, not disabled: a disabled button drops the keyboard focus it has. The
          // name stays: the status line below says what came.
          aria-disabled={props.pager.pending()}
          onClick={() => void load(true)}
        >
          {t('list.more')}
        </button>
      </Show>
      <p class="visually-hidden" role="status">
        {said()}
      </p>
    </div>
  );
}

/** At the top of a list whose first pages left the screen: brings the one before back. */
export function ShowPrevious(props: { pager: Pager; list: () => HTMLElement | undefined }) {
  const load = async () => {
    if (props.pager.pending()) return;
    await props.pager.earlier();
    links(props.list())[0]?.focus();
  };
  return (
    <Show when={props.pager.hasEarlier()}>
      <div class="pager">
        <button
          type="button"
          class="button-outlined pager-previous"
          aria-disabled={props.pager.pending()}
          onClick={() => void load()}
        >
          {t('list.previous')}
        </button>
      </div>
    </Show>
  );
}

function links(list: HTMLElement | undefined): HTMLAnchorElement[] {
  return list ? [...list.querySelectorAll<HTMLAnchorElement>('.card-title a')] : [];
}

/** Sets a live region's text so that the same words twice are still read out. */
function announce(set: (text: string) => void, text: string): void {
  set('');
  requestAnimationFrame(() => set(text));
}
