import type { Browser, BrowserContext } from '@playwright/test';

/** How a screen is looked at: the reader's language and theme, and the screen's size. */
export interface Look {
  locale: string;
  colorScheme: 'light' | 'dark';
  /** A phone's, 390x844, unless given. */
  width?: number;
  height?: number;
}

/** The phone the pictures of the app are taken on, in CSS pixels. */
export const PHONE = { width: 390, height: 844 } as const;

/** Whether the screen of a `look` is a touch screen: narrower ones are; a desk's has a mouse. */
export const isTouch = (look: Look): boolean => (look.width ?? PHONE.width) < 800;

/**
 * A browser context that sees the app as a reader does, for the screenshots and the
 * walkthrough: a phone-sized touch screen (or a desk's screen with a mouse, for a wide `look`),
 * in the reader's language and theme, in a time zone other than that of the demo feed's events
 * (Jiangmen's), so that an event's "your time" shows. `deviceScaleFactor` is the pictures' pixels per CSS pixel.
 */
export function phoneContext(
  browser: Browser,
  look: Look,
  deviceScaleFactor: number,
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: look.width ?? PHONE.width, height: look.height ?? PHONE.height },
    deviceScaleFactor,
    locale: look.locale,
    colorScheme: look.colorScheme,
    timezoneId: 'Europe/Berlin',
    hasTouch: isTouch(look),
  });
}
