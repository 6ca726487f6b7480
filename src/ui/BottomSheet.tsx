import { createUniqueId, type JSX } from 'solid-js';
import { Icon } from './Icon';

/**
 * A button and the bottom sheet it opens (docs/design.md): a modal <dialog>, so the page behind
 * is inert, Escape closes it, and the top layer puts it over everything. Tab and Shift+Tab go
 * round the sheet's own controls (a modal dialog alone lets focus leave for the browser's
 * toolbar). Closing (Escape, the close button, a tap on the scrim) gives focus back to the
 * button.
 */
export function BottomSheet(props: {
  /** The button's content (icon and label) and class. */
  button: JSX.Element;
  buttonClass: string;
  /** A class of the sheet's own, beside `sheet`. */
  sheetClass?: string;
  title: string;
  closeLabel: string;
  /** Called as it opens: a sheet whose content costs something renders it only then. */
  onOpen?: () => void;
  children: JSX.Element;
}) {
  const titleId = createUniqueId();
  const sheetId = createUniqueId();
  let dialog: HTMLDialogElement | undefined;
  let opener: HTMLButtonElement | undefined;
  return (
    <>
      <button
        type="button"
        class={props.buttonClass}
        aria-haspopup="dialog"
        ref={(element) => (opener = element)}
        // The browser opens the sheet by itself (an invoker command) before the app has started
        // and without JavaScript; once the app runs, it opens it here, where a browser without
        // commands needs it, and the command is cancelled so it does not open it twice.
        commandfor={sheetId}
        command="show-modal"
        onClick={(event) => {
          event.preventDefault();
          props.onOpen?.();
          dialog?.showModal();
        }}
      >
        {props.button}
      </button>
      <dialog
        class={props.sheetClass ? `sheet ${props.sheetClass}` : 'sheet'}
        ref={(element) => (dialog = element)}
        id={sheetId}
        aria-labelledby={titleId}
        // Browsers differ on where focus goes after a dialog closes: back to the opener.
        onClose={() => opener?.focus()}
        onKeyDown={(event) => {
          if (event.key !== 'Tab' || !dialog) return;
          const stops = [...dialog.querySelectorAll<HTMLElement>('a[href], button, input, [tabindex="0"]')];
          const edge = event.shiftKey ? stops[0] : stops[stops.length - 1];
          if (document.activeElement !== edge) return;
          event.preventDefault();
          (event.shiftKey ? stops[stops.length - 1] : stops[0])?.focus();
        }}
        // A tap on the scrim (outside the sheet's box, where the dialog itself is the target).
        onClick={(event) => {
          if (event.target !== dialog || !dialog) return;
          const box = dialog.getBoundingClientRect();
          const inside =
            event.clientX >= box.left &&
            event.clientX <= box.right &&
            event.clientY >= box.top &&
            event.clientY <= box.bottom;
          if (!inside) dialog.close();
        }}
      >
        <div class="sheet-head">
          <h2 id={titleId}>{props.title}</h2>
          <form method="dialog">
            <button type="submit" class="icon-button" aria-label={props.closeLabel}>
              <Icon name="close" />
            </button>
          </form>
        </div>
        {props.children}
      </dialog>
    </>
  );
}
