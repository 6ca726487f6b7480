import { describe, expect, it } from 'vitest';
import { longestTask } from './cold';

const script = (sourceFunctionName: string, duration: number) => ({
  invoker: 'import.then',
  sourceURL: 'http://127.0.0.1:4301/assets/EventPage.js',
  sourceFunctionName,
  duration,
});

describe('longestTask', () => {
  it('is 0 with no task over 50 ms', () => {
    expect(longestTask([], [])).toEqual({ longest: 0, tasks: 0 });
  });

  it('names the longest script of the frames around the longest task, not of another frame', () => {
    const run = longestTask(
      [
        { start: 100, duration: 60 },
        { start: 500, duration: 180.4 },
      ],
      [
        { startTime: 90, duration: 80, scripts: [script('early', 75)] },
        { startTime: 490, duration: 200, scripts: [script('render', 150), script('small', 20)] },
      ],
    );
    expect(run).toEqual({
      longest: 180,
      tasks: 2,
      script: 'import.then render in /assets/EventPage.js (150 ms)',
    });
  });
});
