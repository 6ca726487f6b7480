/**
 * Where this page keeps content (src/data/db.ts `storageMode()`), as a signal for the screens:
 * the status bar tells the reader when nothing can be kept on the device, when another tab
 * holds up an upgrade, and when this tab must reload into a newer version.
 */
import { createSignal } from 'solid-js';
import { storageMode, watchStorageMode } from '../../data/db';

const [storage, setStorage] = createSignal(storageMode());
// For the page's whole life: the mode can change at any time (another tab upgrading).
watchStorageMode(setStorage);

export { storage };
