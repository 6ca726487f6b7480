import { describe, expect, it } from 'vitest';
import { createTurns, yieldToMain } from './turns';

/** A clock the steps move, and yields the test releases one at a time. */
function harness(budgetMs: number) {
  let time = 0;
  const waiting: (() => void)[] = [];
  const turns = createTurns(
    budgetMs,
    () => time,
    () => new Promise<void>((resolve) => waiting.push(resolve)),
  );
  const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  return {
    turns,
    spend: (ms: number) => (time += ms),
    /** Lets the next turn run, and what it sets off settle. */
    nextTurn: async () => {
      expect(waiting).toHaveLength(1);
      waiting.shift()!();
      await flush();
    },
    waiting,
  };
}

describe('createTurns', () => {
  it('runs nothing in the task that queues, then as many steps per turn as fit in the budget', async () => {
    const { turns, spend, nextTurn } = harness(10);
    const ran: number[] = [];
    for (let i = 0; i < 5; i++) {
      void turns.run(() => {
        ran.push(i);
        spend(4);
      });
    }
    expect(ran).toEqual([]);
    await nextTurn();
    // 4, 8, 12 ms: the third step goes over the budget and ends the turn.
    expect(ran).toEqual([0, 1, 2]);
    await nextTurn();
    expect(ran).toEqual([0, 1, 2, 3, 4]);
  });

  it('runs a step longer than the budget whole, alone in its turn', async () => {
    const { turns, spend, nextTurn } = harness(10);
    const ran: string[] = [];
    void turns.run(() => (ran.push('long'), spend(30)));
    void turns.run(() => ran.push('next'));
    await nextTurn();
    expect(ran).toEqual(['long']);
    await nextTurn();
    expect(ran).toEqual(['long', 'next']);
  });

  it('runs a step queued by a step in the same turn while the budget lasts', async () => {
    const { turns, spend, nextTurn } = harness(10);
    const ran: number[] = [];
    const step = (n: number) => () => {
      ran.push(n);
      spend(3);
      if (n < 5) void turns.run(step(n + 1));
    };
    void turns.run(step(1));
    await nextTurn();
    expect(ran).toEqual([1, 2, 3, 4]);
    await nextTurn();
    expect(ran).toEqual([1, 2, 3, 4, 5]);
  });

  it('settles each step, a failed one as rejected, and goes on after it', async () => {
    const { turns, nextTurn } = harness(10);
    const failed = turns
      .run(() => {
        throw new Error('broken');
      })
      .catch((error: unknown) => error);
    const after = turns.run(() => undefined);
    await nextTurn();
    expect(await failed).toEqual(new Error('broken'));
    await expect(after).resolves.toBeUndefined();
  });

  it('is idle once every step queued has run', async () => {
    const { turns, spend, nextTurn, waiting } = harness(10);
    await turns.idle();
    let idle = false;
    for (let i = 0; i < 3; i++) void turns.run(() => spend(6));
    void turns.idle().then(() => (idle = true));
    await nextTurn();
    expect(idle).toBe(false);
    await nextTurn();
    expect(idle).toBe(true);
    expect(waiting).toHaveLength(0);
  });
});

describe('yieldToMain', () => {
  it('resolves in a later task than the one that asked', async () => {
    const order: string[] = [];
    const timer = new Promise<void>((resolve) =>
      setTimeout(() => {
        order.push('timer');
        resolve();
      }, 0),
    );
    const yielded = yieldToMain().then(() => order.push('yield'));
    await Promise.resolve();
    expect(order).toEqual([]);
    await Promise.all([timer, yielded]);
    expect(order).toContain('yield');
  });
});
