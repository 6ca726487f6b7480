/**
 * "Open now?" for the page: asks the worker that holds the opening_hours parser
 * (hours-worker.ts), so a screen that shows hours never compiles or runs the parser on its own
 * thread. The worker's script is outside the precache, in ON_DEMAND_DIR: a device fetches it
 * when its feed has opening hours (src/features/contacts/hours-prefetch.ts) or when a screen
 * first asks, and the service worker keeps it for offline use.
 */
import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js';
import { codeWorker } from '../data/code-worker';
import { hydrated } from './hydration';
import type { OpenState } from './hours';
import type { HoursAsk } from './hours-worker';
import workerUrl from './hours-worker.ts?worker&url';

const ask = codeWorker<HoursAsk, (OpenState | undefined)[]>(workerUrl, 'citylink-hours');

/**
 * Whether each of `specs` is open at `at` in the venue zone `zone`, and when that next changes;
 * undefined for a rule that can't be read. Rejects when the parser cannot load (offline before
 * this device ever kept it).
 */
export async function openStates(
  specs: readonly string[],
  at: Date,
  zone: string,
): Promise<(OpenState | undefined)[]> {
  if (specs.length === 0) return [];
  // Unit tests run in Node, which has no Worker: the same code, on this thread. The build
  // drops this branch, and with it any chunk of the parser outside the worker.
  if (import.meta.env.MODE === 'test') {
    const { openState } = await import('./hours');
    return specs.map((spec) => openState(spec, at, zone));
  }
  return ask({ specs: [...specs], at: at.getTime(), zone });
}

/**
 * The answers for the rules `specs()` at `at()` in `zone()`, by rule, asked again whenever one
 * of them changes; empty until the first answer. Never in a server render or the hydration after
 * it (open or closed is the reader's "now"). Never waited on: a card that a list brings in a
 * turn of its own (src/features/shared/pager.ts) must not put the list into its loading state.
 * The last answers stay until the next come, so nothing blinks each minute.
 */
export function createOpenStates(
  specs: () => readonly string[],
  at: () => number,
  zone: () => string,
): Accessor<ReadonlyMap<string, OpenState | undefined>> {
  const [answers, setAnswers] = createSignal<ReadonlyMap<string, OpenState | undefined>>(new Map());
  createEffect(() => {
    if (!hydrated()) return;
    const asked = specs();
    if (asked.length === 0) return;
    let current = true;
    onCleanup(() => (current = false));
    openStates(asked, new Date(at()), zone()).then(
      (states) => current && setAnswers(new Map(asked.map((spec, i) => [spec, states[i]]))),
      () => undefined,
    );
  });
  return answers;
}
