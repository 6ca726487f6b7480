import { describe, expect, it } from 'vitest';
import { installWay, offerBanner, type BannerMemory } from './install';

const UA = {
  pixel:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  iphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  ipad: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  wechatAndroid:
    'Mozilla/5.0 (Linux; Android 14; V2244A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0.6723.103 Mobile Safari/537.36 XWEB/1300199 MMWEBSDK/20240404 MMWEBID/1234 MicroMessenger/8.0.49.2600(0x28003133) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
  wechatIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800323a) NetType/WIFI Language/zh_CN',
};

describe('installWay', () => {
  const way = (userAgent: string, maxTouchPoints = 0, standalone = false) =>
    installWay({ userAgent, maxTouchPoints, standalone });

  it('tells the browsers apart', () => {
    expect(way(UA.pixel, 5)).toBe('browser');
    expect(way(UA.iphone, 5)).toBe('ios');
    // iPadOS asks for desktop pages and says it is a Mac; a Mac has no touch points.
    expect(way(UA.ipad, 5)).toBe('ios');
    expect(way(UA.ipad, 0)).toBe('browser');
  });

  it('recognises WeChat on Android and iOS before iOS itself', () => {
    expect(way(UA.wechatAndroid, 5)).toBe('wechat');
    expect(way(UA.wechatIphone, 5)).toBe('wechat');
  });

  it('offers nothing once running installed', () => {
    for (const userAgent of Object.values(UA)) expect(way(userAgent, 5, true)).toBe('installed');
  });
});

describe('offerBanner', () => {
  const memory = (patch: Partial<BannerMemory>): BannerMemory => ({
    visits: 2,
    shownOnVisit: null,
    dismissed: false,
    ...patch,
  });

  it('waits for the second visit', () => {
    expect(offerBanner(memory({ visits: 1 }), 'ios', false)).toBe(false);
    expect(offerBanner(memory({ visits: 2 }), 'ios', false)).toBe(true);
    expect(offerBanner(memory({ visits: 5 }), 'wechat', false)).toBe(true);
  });

  it('shows during one visit only, and never after a dismissal', () => {
    expect(offerBanner(memory({ visits: 3, shownOnVisit: 3 }), 'ios', false)).toBe(true);
    expect(offerBanner(memory({ visits: 4, shownOnVisit: 3 }), 'ios', false)).toBe(false);
    expect(offerBanner(memory({ visits: 3, shownOnVisit: 3, dismissed: true }), 'ios', false)).toBe(false);
  });

  it('needs an install prompt in a browser, and shows nothing when installed', () => {
    expect(offerBanner(memory({}), 'browser', false)).toBe(false);
    expect(offerBanner(memory({}), 'browser', true)).toBe(true);
    expect(offerBanner(memory({}), 'installed', true)).toBe(false);
  });
});
