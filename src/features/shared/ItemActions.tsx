import type { Item } from '../../data/model';
import { SaveButton } from '../saved/SaveButton';
import { ShareActions } from './ShareActions';

/**
 * What a reader can do with any item, as quiet actions in one row: save it, share it, show its
 * QR code. Under a news item's heading; under an event's or contact's grouped actions, which
 * come first there.
 */
export function ItemActions(props: { item: Item }) {
  return (
    <div class="quiet-actions item-actions">
      <SaveButton item={props.item} />
      <ShareActions item={props.item} />
    </div>
  );
}
