import type { Item } from '../../data/model';
import { SaveButton } from '../saved/SaveButton';
import { ShareActions } from './ShareActions';

/** What a reader can do with an item, under its heading: save it, share it, show its QR code. */
export function ItemActions(props: { item: Item }) {
  return (
    <div class="item-actions">
      <SaveButton item={props.item} />
      <ShareActions item={props.item} />
    </div>
  );
}
