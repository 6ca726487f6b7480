import { describe, expect, it } from 'vitest';
import { pushBlock, type PushEnv } from './push-client';

const env = (over: Partial<PushEnv>): PushEnv => ({
  secure: true,
  hasPush: true,
  way: 'browser',
  permission: 'default',
  ...over,
});

describe('pushBlock', () => {
  it('lets a secure browser with push ask, even after the reader said no to nothing yet', () => {
    expect(pushBlock(env({}))).toBeUndefined();
    expect(pushBlock(env({ way: 'installed', permission: 'granted' }))).toBeUndefined();
  });

  it('says why push cannot work here', () => {
    expect(pushBlock(env({ secure: false }))).toBe('insecure');
    // Safari on iOS has no PushManager until the app is on the Home Screen.
    expect(pushBlock(env({ hasPush: false, way: 'ios' }))).toBe('ios');
    expect(pushBlock(env({ hasPush: false, way: 'wechat' }))).toBe('unsupported');
    expect(pushBlock(env({ hasPush: false }))).toBe('unsupported');
    expect(pushBlock(env({ permission: 'denied' }))).toBe('denied');
  });
});
