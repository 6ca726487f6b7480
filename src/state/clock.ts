/**
 * One shared clock for everything that says "now": "updated 5 minutes ago", "open now",
 * upcoming vs past. It ticks every 30 s so open screens move on without a reload.
 */
import { createRoot, createSignal } from 'solid-js';
import { isServer } from 'solid-js/web';
import { rendering } from '../lib/hydration';

const TICK_MS = 30_000;

const time = createRoot(() => {
  const [time, setTime] = createSignal(Date.now());
  // The app lives as long as the page: this interval is never cleared on purpose. A server
  // render has no "later", and its process must be free to end.
  if (!isServer) setInterval(() => setTime(Date.now()), TICK_MS);
  return time;
});

/** Now, in ms; a server render and its hydration use the build's time (src/lib/hydration.ts). */
export function now(): number {
  return rendering()?.now ?? time();
}
