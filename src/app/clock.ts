/**
 * One shared clock for everything that says "now": "updated 5 minutes ago", "open now",
 * upcoming vs past. It ticks every 30 s so open screens move on without a reload.
 */
import { createRoot, createSignal } from 'solid-js';

const TICK_MS = 30_000;

export const now = createRoot(() => {
  const [time, setTime] = createSignal(Date.now());
  // The app lives as long as the page: this interval is never cleared on purpose.
  setInterval(() => setTime(Date.now()), TICK_MS);
  return time;
});
