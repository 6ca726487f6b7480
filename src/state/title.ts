/**
 * The document's title names the screen: it is what a screen reader announces after a
 * navigation, what the tab, the task switcher and the history list show. The screen that sets
 * it in the app also sets it in its static page and link preview: a server render records the
 * screen's name on its request event, and the build writes the title and `og:title` from that
 * (build/prerender.ts), so the three cannot disagree.
 */
import { createEffect } from 'solid-js';
import { getRequestEvent, isServer } from 'solid-js/web';
import { t } from '../i18n';

declare module 'solid-js/web' {
  interface RequestEvent {
    /** Server only: the rendered screen's title, and its own name in it (none: the app's name). */
    screenTitle?: { title: () => string; name: () => string | undefined };
  }
}

/**
 * Titles the document "<screen> · Citylink", in the interface language, after the calling
 * screen while it is shown: the app's name alone while `screen()` is undefined (still loading).
 */
export function useDocumentTitle(screen: () => string | undefined): void {
  const title = () => {
    const name = screen();
    return name ? t('a11y.documentTitle', { screen: name, app: t('app.name') }) : t('app.name');
  };
  if (isServer) {
    // Effects do not run on the server, and a screen's body runs before its data has come:
    // the render reads the title once it has finished.
    const event = getRequestEvent();
    if (event) event.screenTitle = { title, name: screen };
  } else {
    createEffect(() => {
      document.title = title();
    });
  }
}
