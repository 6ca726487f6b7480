// @vitest-environment jsdom
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { watchInstall } from './install';

// jsdom has no matchMedia; nothing here is about display modes.
vi.stubGlobal('matchMedia', () => ({
  matches: false,
  addEventListener: () => undefined,
  removeEventListener: () => undefined,
}));

afterEach(() => {
  document.body.replaceChildren();
});

describe('watchInstall under markup that names its global', () => {
  it('attaches its listeners when an element is named citylinkInstallPrompt (DOM clobbering)', () => {
    // What a feed body could put on a page before any install offer was made.
    document.body.innerHTML =
      '<img name="citylinkInstallPrompt" src="data:,"><img name="citylinkInstallPrompt" src="data:,">' +
      '<a id="citylinkInstallPrompt" href="/x">x</a>';
    // Browsers reach named elements through the window's prototype chain (its named properties
    // object); jsdom has no named access, so it is put where browsers have it.
    const named = Object.getPrototypeOf(window) as object;
    Object.defineProperty(named, 'citylinkInstallPrompt', {
      configurable: true,
      get: () => document.getElementsByName('citylinkInstallPrompt'),
    });
    onTestFinished(() => {
      Reflect.deleteProperty(named, 'citylinkInstallPrompt');
    });
    expect((window as unknown as Record<string, unknown>).citylinkInstallPrompt).toHaveLength(2);
    const added = vi.spyOn(window, 'addEventListener');
    const stop = watchInstall();
    expect(added.mock.calls.map(([type]) => type)).toEqual(
      expect.arrayContaining(['beforeinstallprompt', 'appinstalled']),
    );
    // Installing drops the kept offer without throwing, though the name is an element's.
    expect(() => window.dispatchEvent(new Event('appinstalled'))).not.toThrow();
    stop();
  });

  it('still takes an offer the page kept before it loaded', () => {
    const offer = new Event('beforeinstallprompt', { cancelable: true });
    (window as unknown as Record<string, unknown>).citylinkInstallPrompt = offer;
    const stop = watchInstall();
    expect(offer.defaultPrevented).toBe(true);
    stop();
    Reflect.deleteProperty(window, 'citylinkInstallPrompt');
  });
});
