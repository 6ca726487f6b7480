/** The title item pages give themselves (useDocumentTitle, src/state/title.ts). */
import type { Item } from '@citylink/core/model';
import { displayTitle } from '@citylink/core/text';
import { t } from '../../i18n';

/** An item page's title: the item's, "not on this device" when absent, none while loading. */
export function itemTitle(item: Item | null | undefined): string | undefined {
  if (item === undefined) return undefined;
  return item ? displayTitle(item) : t('item.notFound');
}
