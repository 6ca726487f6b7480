import { describe, expect, it } from 'vitest';
import { interactionAfter, percentile } from './inp';

const event = (interactionId: number, startTime: number, duration: number, wait = 2, run = 10) => ({
  interactionId,
  name: 'pointerup',
  startTime,
  duration,
  processingStart: startTime + wait,
  processingEnd: startTime + wait + run,
});

describe('percentile', () => {
  it('takes the nearest rank, as web-vitals takes p75 of a session', () => {
    expect(percentile([16, 16, 16, 200], 0.75)).toBe(16);
    expect(percentile([16, 16, 40, 200], 0.75)).toBe(40);
    expect(percentile([300, 16, 16, 16, 16], 0.75)).toBe(16);
    expect(percentile([5], 0.75)).toBe(5);
    expect(percentile([], 0.75)).toBe(0);
  });
});

describe('interactionAfter', () => {
  const recorded = {
    events: [event(1, 100, 48), event(2, 1000, 24), event(2, 1004, 120, 4, 30), event(3, 2000, 64)],
    frames: [
      {
        startTime: 990,
        duration: 140,
        scripts: [
          {
            invoker: 'BUTTON.onclick',
            sourceURL: 'http://127.0.0.1:4301/assets/app-x.js',
            sourceFunctionName: 'save',
            duration: 25,
          },
          {
            invoker: 'Promise.resolve',
            sourceURL: 'http://127.0.0.1:4301/assets/saved-y.js',
            sourceFunctionName: 'put',
            duration: 70,
          },
        ],
      },
      { startTime: 1990, duration: 80, scripts: [] },
    ],
  };

  it('takes the slowest event at or after the action, in parts, with the longest script of its frames', () => {
    // Interaction 1 came before the action: an earlier one's.
    expect(interactionAfter({ ...recorded, events: recorded.events.slice(0, 3) }, 900, 'tap Save')).toEqual({
      label: 'tap Save',
      latency: 120,
      inputDelay: 4,
      processing: 30,
      presentation: 86,
      script: 'Promise.resolve put in /assets/saved-y.js (70 ms)',
    });
  });

  it('counts an action with no reported event as the threshold: faster than the API reports', () => {
    expect(interactionAfter(recorded, 5000, 'type "a"')).toEqual({ label: 'type "a"', latency: 16 });
  });
});
