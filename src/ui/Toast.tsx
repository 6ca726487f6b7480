import { createEffect, onCleanup, Show, type JSX } from 'solid-js';

/**
 * Where toasts appear: over the bottom of the screen, above the navigation, in one polite live
 * region. Never over the screen's actions (its primary action and its grouped ones, such as the
 * taxi card, which the update prompt, staying until answered, used to cover): when a toast would
 * cover one, the toasts move to the top, under the app bar, until it no longer would.
 * `count` is how many toasts are up (the area watches scrolling only while there are some).
 */
export function ToastArea(props: { count: number; children: JSX.Element }) {
  let area: HTMLDivElement | undefined;
  let frame = 0;

  const covers = (box: DOMRect) =>
    [...document.querySelectorAll('.primary-action, .action-group > li')].some((element) => {
      const target = element.getBoundingClientRect();
      return target.height > 0 && target.bottom > box.top && target.top < box.bottom;
    });
  /** Puts the toasts at the bottom unless they would cover the primary action there but not at the top. */
  const place = () => {
    frame = 0;
    if (!area) return;
    area.classList.remove('top');
    if (!props.count || !covers(stackBox(area))) return;
    area.classList.add('top');
    if (covers(stackBox(area))) area.classList.remove('top');
  };
  const schedule = () => {
    frame ||= requestAnimationFrame(place);
  };

  createEffect(() => {
    if (!props.count) return;
    // Placed in the next frame, before it is painted: measuring here would force a layout in
    // the task that renders the toast (20 ms and more on a slow phone, on top of the render).
    schedule();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    onCleanup(() => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      cancelAnimationFrame(frame);
      frame = 0;
    });
  });

  return (
    <div class="toast-area" role="status" aria-live="polite" ref={(element) => (area = element)}>
      {props.children}
    </div>
  );
}

/** The box the toasts take: the area spans the screen's width, the toasts only their own. */
function stackBox(area: HTMLElement): DOMRect {
  const toasts = [...area.children].map((child) => child.getBoundingClientRect());
  const top = Math.min(...toasts.map((box) => box.top));
  const bottom = Math.max(...toasts.map((box) => box.bottom));
  return new DOMRect(0, top, window.innerWidth, bottom - top);
}

/**
 * One toast: its words, and at most an action and a way to dismiss it. `onHold` is told while
 * the reader points at it or has focus in it, so it can wait for them.
 */
export function Toast(props: {
  text: string;
  action?: { label: string; run: () => void };
  dismiss?: { label: string; run: () => void };
  onHold?: (held: boolean) => void;
}) {
  const hold = (held: boolean) => () => props.onHold?.(held);
  return (
    <div
      class="toast"
      data-momentary
      onMouseEnter={hold(true)}
      onMouseLeave={hold(false)}
      onFocusIn={hold(true)}
      onFocusOut={hold(false)}
    >
      <p class="toast-text">{props.text}</p>
      <Show when={props.action}>
        {(action) => (
          <button type="button" class="button-quiet" onClick={() => action().run()}>
            {action().label}
          </button>
        )}
      </Show>
      <Show when={props.dismiss}>
        {(dismiss) => (
          <button type="button" class="button-quiet" onClick={() => dismiss().run()}>
            {dismiss().label}
          </button>
        )}
      </Show>
    </div>
  );
}
