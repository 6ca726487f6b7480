/**
 * Sync as the screens see it: whether one is running, how the last one went, and the triggers
 * (app start, coming back online, the refresh button). Reports reach every tab through the
 * broadcast channel, whoever ran the sync.
 */
import { revalidate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { markKept } from '../../state/data';
import { SYNC_STARTED } from '../../data/config';
import { CHANNEL, isBroadcast } from '../../data/messages';
import type { SyncReport } from '../../data/messages';

const [syncing, setSyncing] = createSignal(false);
const [lastReport, setReport] = createSignal<SyncReport>();

/**
 * Keeps the last report, and marks `<html data-sync-done="<finishedAt>">` so that anything
 * outside the app (end-to-end tests, above all) can wait for a sync to end instead of a time.
 */
function setLastReport(report: SyncReport): void {
  setReport(report);
  document.documentElement.dataset.syncDone = String(report.finishedAt);
}

/** True while this tab waits for a sync it asked for. */
export { syncing };
/** The last finished sync's report, from this tab or any other context. */
export { lastReport };

/** Runs a sync now unless this tab already waits for one. */
export async function refresh(): Promise<void> {
  if (syncing()) return;
  setSyncing(true);
  performance.mark(SYNC_STARTED);
  try {
    // The worker's wiring and the data layer load after the first screen (src/main.tsx).
    const { requestSync } = await import('../../pwa/worker');
    setLastReport(await requestSync());
  } catch {
    // Not even the sync's own code could load (the network went away meanwhile): what is
    // stored stays, and the next trigger tries again.
  } finally {
    // Revalidating also covers the case where no broadcast arrives (no BroadcastChannel).
    // `syncing` stays true until the screens have re-read IndexedDB, so an item page never
    // says "not on this device" in the moment between the sync and the re-read.
    await rereadStored();
    setSyncing(false);
    // A signal for tests and the benchmark: this tab's sync has ended and the screens re-read.
    document.documentElement.dataset.synced = '';
  }
}

/**
 * Screens re-read IndexedDB, once it holds a feed. Before that (a first visit whose sync failed)
 * a server-rendered page keeps the build's content it shows rather than trading it for nothing.
 */
async function rereadStored(): Promise<void> {
  const stored = await import('../../data/db').then((db) => db.getFeedMeta()).catch(() => undefined);
  if (!stored) return;
  markKept();
  await revalidate().catch(() => undefined);
}

/** Wires the triggers; returns the cleanup. Called once from the entry point. */
export function startSyncing(): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (!isBroadcast(event.data)) return;
    setLastReport(event.data.report);
    void rereadStored();
  };
  const onOnline = () => void refresh();
  window.addEventListener('online', onOnline);
  void refresh();
  return () => {
    channel.close();
    window.removeEventListener('online', onOnline);
  };
}
