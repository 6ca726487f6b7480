/**
 * The `opening_hours` parser (~116 KB gzip) is not precached for everyone: a device fetches it
 * only when its feed has opening hours, once the first screen has painted and the browser is
 * idle, and through the worker, which keeps it for offline use (src/sw/on-demand.ts). Then
 * "open now" works offline on the contacts screens even if the reader never opened them online.
 */
import { contactHours } from '../../data/db';
import { ON_DEMAND_LIST } from '../../data/config';
import { CHANNEL, isBroadcast } from '../../data/messages';
import { whenControlled } from '../../pwa/worker';

/**
 * A performance mark after each decision, with `{ contacts, withHours, kept }` as its detail
 * (contacts on the device, how many have opening hours, whether the parser is now kept
 * offline): how tests, and DevTools, see that the decision was made and on what data.
 */
export const HOURS_CHECKED = 'citylink:hours-checked';

/** Starts watching for opening hours on this device; call once, after the first render. */
export function prefetchOpeningHours(): void {
  afterFirstPaintIdle(() => {
    // A first visit has nothing stored yet: every finished sync is another chance.
    const channel = new BroadcastChannel(CHANNEL);
    let running = false;
    let again = false;
    const consider = () => {
      if (running) {
        // A sync finished while we looked: look once more afterwards, at the new data.
        again = true;
        return;
      }
      running = true;
      void decide()
        .catch(() => false)
        .then((finished) => {
          running = false;
          if (finished) channel.close();
          else if (again) {
            again = false;
            consider();
          }
        });
    };
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (isBroadcast(event.data)) consider();
    };
    consider();
  });
}

/**
 * Looks at the contacts on the device and fetches the parser if one has opening hours. True
 * once nothing is left to do. Throws (and a later sync retries) when IndexedDB or the network
 * fails.
 */
async function decide(): Promise<boolean> {
  const seen = await contactHours();
  const kept = seen.withHours > 0 && (await keepHoursOffline());
  performance.mark(HOURS_CHECKED, { detail: { ...seen, kept } });
  // Kept, or there is no worker to keep it: either way, later syncs change nothing.
  return seen.withHours > 0;
}

/**
 * Fetches the parser through the worker, which keeps it; false where there is no worker. The
 * files are fetched, not imported: evaluating 700 KB of code that no screen needs yet was a long
 * task (over 50 ms on a slow phone) in the middle of the first sync.
 */
async function keepHoursOffline(): Promise<boolean> {
  // Without a worker there is no offline copy: the contacts screens load it when they need it.
  if (!(await whenControlled())) return false;
  const list = await fetch(`/${ON_DEMAND_LIST}`);
  if (!list.ok) throw new Error(`The list of on-demand code answered ${list.status}`);
  for (const path of (await list.json()) as string[]) {
    // A cache hit when a contacts screen has already imported it through the worker.
    const response = await fetch(path);
    if (!response.ok) throw new Error(`The hours code answered ${response.status}`);
    // Read to the end: kept means the whole file has come through the worker.
    await response.arrayBuffer();
  }
  return true;
}

/** Runs `task` when the browser is idle after the first paint (a frame after the first frame). */
function afterFirstPaintIdle(task: () => void): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout: 5_000 });
      else setTimeout(task, 0);
    }),
  );
}
