/**
 * Work the page does in turns, so that no task holds the main thread much past TURN_MS: a
 * list's cards are hydrated and rendered a few at a time, and the reader's input and the
 * browser's paints get their turn in between (a long task is one over 50 ms; a slow phone is
 * about 4 times slower than the machine the budget is measured on, and the budget is in its
 * own time).
 */

/** How long one turn may run before it gives the main thread back (ms of the device's time). */
export const TURN_MS = 12;

interface Scheduler {
  yield?: () => Promise<void>;
}

/**
 * Resolves in a later task. `scheduler.yield()` where the browser has it (the rest of the work
 * goes ahead of tasks queued meanwhile, input aside), else a message to itself (a timer of 0
 * is clamped to 4 ms once nested), else a timer.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface Turns {
  /**
   * Queues `step`; steps run in the order queued, as many in one task as fit in the budget,
   * never in the task that queued them. Resolves once the step has run (rejects if it threw;
   * the steps after it still run).
   */
  run(step: () => void): Promise<void>;
  /** Resolves once nothing is queued or running (at once when idle). */
  idle(): Promise<void>;
}

/**
 * A queue of steps run in turns of `budgetMs` (a step is never cut: one longer than the budget
 * runs whole, alone in its task). `now` and `pause` are the clock and the yield, for tests.
 */
export function createTurns(
  budgetMs = TURN_MS,
  now: () => number = () => performance.now(),
  pause: () => Promise<void> = yieldToMain,
): Turns {
  const queue: { step: () => void; done: () => void; failed: (error: unknown) => void }[] = [];
  let draining: Promise<void> | undefined;

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      await pause();
      const started = now();
      do {
        const next = queue.shift()!;
        try {
          next.step();
          next.done();
        } catch (error) {
          next.failed(error);
        }
      } while (queue.length > 0 && now() - started < budgetMs);
    }
    draining = undefined;
  }

  return {
    run(step) {
      const ran = new Promise<void>((done, failed) => queue.push({ step, done, failed }));
      draining ??= drain();
      return ran;
    },
    idle: () => draining ?? Promise.resolve(),
  };
}

/** The page's one queue: every list takes its turns in it, so two lists never share a task. */
export const turns = createTurns();
