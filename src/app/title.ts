/**
 * The document's title names the screen: it is what a screen reader announces after a
 * navigation, what the tab, the task switcher and the history list show.
 */
import { createEffect } from 'solid-js';
import type { Item } from '@citylink/core/model';
import { displayTitle } from '@citylink/core/text';
import { t } from '../i18n';

/**
 * Sets `document.title` to "<screen> · Citylink" in the interface language while the calling
 * screen is shown; the app's name alone while `screen()` is undefined (still loading).
 */
export function useDocumentTitle(screen: () => string | undefined): void {
  createEffect(() => {
    const name = screen();
    document.title = name ? t('a11y.documentTitle', { screen: name, app: t('app.name') }) : t('app.name');
  });
}

/** An item page's title: the item's, "not on this device" when absent, none while loading. */
export function itemTitle(item: Item | null | undefined): string | undefined {
  if (item === undefined) return undefined;
  return item ? displayTitle(item) : t('item.notFound');
}
