import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguages } from '../i18n';
import { formatClock } from '@citylink/core/event-time';
import { setRenderContext } from '../lib/hydration';
import { otherZone, whoseTime, type Zones } from './whose-time';

const at = new Date('2027-05-22T01:30:00Z');
const clock = (zone: string) => formatClock(at, 'en-GB', zone);
const jiangmen = (reader?: string): Zones => ({ zone: 'Asia/Shanghai', name: 'Jiangmen time', reader });

describe('whoseTime', () => {
  beforeAll(loadLanguages);

  it('names the zone of a time even when the reader’s is unknown (a server render)', () => {
    expect(whoseTime(jiangmen(), at, clock)).toBe('09:30 Jiangmen time');
  });

  it('adds the reader’s own time where their zone tells another', () => {
    expect(whoseTime(jiangmen('Europe/Berlin'), at, clock)).toBe('09:30 Jiangmen time (03:30 your time)');
    expect(otherZone(jiangmen('Europe/Berlin'), at)).toBe('Europe/Berlin');
  });

  it('adds nothing for a reader whose zone tells the same time', () => {
    expect(whoseTime(jiangmen('Asia/Hong_Kong'), at, clock)).toBe('09:30 Jiangmen time');
    expect(whoseTime(jiangmen('Asia/Shanghai'), at, clock)).toBe('09:30 Jiangmen time');
    expect(otherZone(jiangmen('Asia/Hong_Kong'), at)).toBeUndefined();
  });

  it('puts the named time in its sentence, and the reader’s after it', () => {
    expect(whoseTime(jiangmen('America/New_York'), at, clock, (time) => `opens ${time}`)).toBe(
      'opens 09:30 Jiangmen time (21:30 your time)',
    );
  });

  it('writes Chinese as Chinese does: the zone first, full-width brackets', () => {
    setRenderContext({ locale: 'zh-Hans', now: 0, path: '/', origin: '' });
    const zones = { zone: 'Asia/Shanghai', name: '江门时间', reader: 'Europe/Berlin' };
    expect(whoseTime(zones, at, clock, (time) => `${time} 开始营业`)).toBe(
      '江门时间 09:30 开始营业（你所在地时间 03:30）',
    );
  });
});
