import type { Item } from '@citylink/core/model';
import { HydrateInTurn } from '../../lib/hydration';
import { SaveButton } from '../saved/SaveButton';
import { ShareActions } from './ShareActions';

/**
 * What a reader can do with any item, as quiet actions in one row: save it, share it, show its
 * QR code. Under a news item's heading; under an event's or contact's grouped actions, which
 * come first there. All three need the app (the device's storage, the share sheet, the code
 * drawn on the device), so a reader without JavaScript is not offered them.
 */
export function ItemActions(props: { item: Item }) {
  return (
    <div class="quiet-actions item-actions needs-script">
      {/* In a turn of its own when the page hydrates: Save, Share and the QR code's dialog were
          a third of an item screen's hydration, one long task on a slow phone. */}
      <HydrateInTurn>
        <SaveButton item={props.item} />
        <ShareActions item={props.item} />
      </HydrateInTurn>
    </div>
  );
}
