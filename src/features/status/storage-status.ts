/**
 * Where this page keeps content (src/data/db.ts `storageMode()`), as a signal for the screens:
 * the status bar tells the reader when nothing can be kept on the device, when another tab
 * holds up an upgrade, and when this tab must reload into a newer version.
 */
import { createSignal } from 'solid-js';
import { isServer } from 'solid-js/web';
import type { StorageMode } from '../../data/db';
import { turns } from '../../lib/turns';

// 'opening' is what the data layer says before it has tried to open anything. Its code loads
// after the first screen (src/state/data.ts); from then on, the signal follows it. Asked for in a
// turn (src/lib/turns.ts), not while the page's code is evaluated: that task has no room on a
// slow phone for the data layer's evaluation.
const [storage, setStorage] = createSignal<StorageMode>('opening');
if (!isServer) {
  void turns.run(() => {
    void import('../../data/db').then((db) => {
      setStorage(db.storageMode());
      // For the page's whole life: the mode can change at any time (another tab upgrading).
      db.watchStorageMode(setStorage);
    });
  });
}

export { storage };
