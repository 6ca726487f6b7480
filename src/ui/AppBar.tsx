import { Show, type JSX } from 'solid-js';
import { FrameIcon } from './FrameIcon';

/** Where the app bar's back control leads, and how it goes there. */
export interface BackControl {
  /** The address it links to: the list of the tab the screen belongs to (a cold link's way back). */
  href: string;
  /** Its accessible name ("Back"). */
  label: string;
  /**
   * Called on activation before the link is followed; returns true when it has gone back by
   * itself (through the browser's history), so the link is not followed.
   */
  onBack: () => boolean;
}

/**
 * The top app bar (docs/design.md): on a tab, what `leading` gives (the brand); below a tab, a
 * back control and the screen's title. `actions` sit at the end. The title is no heading: each
 * screen's own `h1` names it. `leading` is there below a tab too, hidden by styles.css: on a
 * wide screen it moves to the top of the drawer, and shows on every screen.
 */
export function AppBar(props: {
  back?: BackControl;
  title?: string;
  leading?: JSX.Element;
  actions?: JSX.Element;
}) {
  return (
    <header class="app-header">
      {props.leading}
      <Show when={props.back}>
        {(back) => (
          <>
            <a
              class="icon-button app-bar-back"
              href={back().href}
              aria-label={back().label}
              // A native listener on the link itself runs before the router's document-level
              // one, which then sees the default prevented and leaves the link alone.
              on:click={(event) => {
                if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
                  return;
                if (back().onBack()) event.preventDefault();
              }}
            >
              <FrameIcon name="back" />
            </a>
            <p class="app-bar-title">{props.title}</p>
          </>
        )}
      </Show>
      <div class="app-bar-actions">{props.actions}</div>
    </header>
  );
}
