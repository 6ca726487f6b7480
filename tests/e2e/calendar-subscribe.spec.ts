import ICAL from 'ical.js';
import { expect, test } from './fixtures';
import { firstVisit } from './helpers';

/** The VEVENTs of a calendar file, by ical.js. */
function events(text: string) {
  return new ICAL.Component(ICAL.parse(text) as unknown[]).getAllSubcomponents('vevent');
}

test.describe('subscribe in your calendar', () => {
  test('the events list offers its calendar: a webcal link, and the https address to copy and fetch', async ({
    page,
    context,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await firstVisit(page, '/events');
    const summary = page.locator('summary', { hasText: 'Subscribe in your calendar' });
    // Folded until asked for, and opened from the keyboard.
    const open = page.getByRole('link', { name: 'Open in your calendar app' });
    await expect(open).toBeHidden();
    await summary.focus();
    await page.keyboard.press('Enter');
    const https = new URL('/calendars/en.ics', baseURL).href;
    await expect(open).toHaveAttribute('href', https.replace(/^https?:/, 'webcal:'));
    await expect(page.locator('.subscribe-address')).toContainText(https);

    await page.getByRole('button', { name: 'Copy address' }).click();
    await expect(page.getByText('Calendar address copied')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(https);

    const response = await page.request.get(https);
    expect(response.ok()).toBe(true);
    expect(response.headers()['content-type']).toMatch(/^text\/calendar/);
    const vevents = events(await response.text());
    const uids = vevents.map((event) => String(event.getFirstPropertyValue('uid')));
    expect(uids.length).toBeGreaterThan(0);
    expect(new Set(uids).size).toBe(uids.length);
    const cancelled = vevents.find((event) =>
      String(event.getFirstPropertyValue('uid')).startsWith('event-spring-health-talk-en@'),
    );
    expect(cancelled?.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  test("a topic's list offers the topic's calendar", async ({ page, baseURL }) => {
    await firstVisit(page, '/events?tag=culture');
    await page.locator('summary', { hasText: 'Subscribe in your calendar' }).click();
    await expect(page.locator('.subscribe')).toContainText('the events on Culture');
    const https = new URL('/calendars/topic-culture.en.ics', baseURL).href;
    await expect(page.getByRole('link', { name: 'Open in your calendar app' })).toHaveAttribute(
      'href',
      https.replace(/^https?:/, 'webcal:'),
    );
    const response = await page.request.get(https);
    expect(response.ok()).toBe(true);
    for (const event of events(await response.text())) {
      expect(String(event.getFirstPropertyValue('url'))).toMatch(/\/events\//);
    }
  });

  test('offline, the row says that subscribing needs the network; its marker shows it folded or open', async ({
    page,
    context,
  }) => {
    await firstVisit(page, '/events');
    const summary = page.locator('summary', { hasText: 'Subscribe in your calendar' });
    // The browser's disclosure marker, as "Past" has: a list item whose marker turns when opened.
    const marker = () =>
      summary.evaluate((element) => [
        getComputedStyle(element).display,
        getComputedStyle(element).listStyleType,
      ]);
    expect(await marker()).toEqual(['list-item', 'disclosure-closed']);
    await context.setOffline(true);
    await summary.click();
    expect(await marker()).toEqual(['list-item', 'disclosure-open']);
    const note = page
      .getByRole('status')
      .filter({ hasText: 'Your calendar app needs a connection to subscribe' });
    await expect(note).toBeVisible();
    await context.setOffline(false);
    await expect(note).toBeHidden();
  });

  test.describe('on a Hong Kong phone', () => {
    test.use({ locale: 'zh-HK' });

    test('the Traditional calendar: the Simplified-only demo converted, the local address kept', async ({
      page,
      baseURL,
    }) => {
      await firstVisit(page, '/events');
      await page.locator('summary', { hasText: '在日曆中訂閱' }).click();
      const https = new URL('/calendars/zh-Hant.ics', baseURL).href;
      await expect(page.getByRole('link', { name: '在日曆程式中開啟' })).toHaveAttribute(
        'href',
        https.replace(/^https?:/, 'webcal:'),
      );
      const response = await page.request.get(https);
      expect(response.ok()).toBe(true);
      const cancelled = events(await response.text()).find((event) =>
        String(event.getFirstPropertyValue('uid')).startsWith('event-spring-health-talk-zh@'),
      );
      expect(cancelled?.getFirstPropertyValue('status')).toBe('CANCELLED');
      // 春季健康讲座 in Traditional; the address for a local driver as published.
      expect(String(cancelled?.getFirstPropertyValue('summary'))).toMatch(/^春季健康講座/);
      expect(String(cancelled?.getFirstPropertyValue('location'))).toContain('广东省江门市');
    });
  });
});
