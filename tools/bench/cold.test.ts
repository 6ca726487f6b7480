import { describe, expect, it } from 'vitest';
import { longestTask } from './cold';

describe('longestTask', () => {
  it('is 0 with no task over 50 ms', () => {
    expect(longestTask({ tasks: [], frames: [] })).toEqual({ longest: 0, tasks: 0 });
  });

  it('names the longest script of the frames around the longest task, not of another frame', () => {
    const run = longestTask({
      tasks: [
        { start: 100, duration: 60 },
        { start: 500, duration: 180.4 },
      ],
      frames: [
        { start: 90, duration: 80, scripts: [{ name: 'early', duration: 75 }] },
        {
          start: 490,
          duration: 200,
          scripts: [
            { name: 'import.then in /assets/EventPage.js', duration: 150 },
            { name: 'small', duration: 20 },
          ],
        },
      ],
    });
    expect(run).toEqual({ longest: 180, tasks: 2, script: 'import.then in /assets/EventPage.js (150 ms)' });
  });
});
