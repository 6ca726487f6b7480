import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import ICAL from 'ical.js';
import { firstVisit, waitForHoursKept } from './helpers';
import { demoFeed } from '../../tools/support/demo-feed';

/** The join link the demo feed gives an event moved online. */
function joinLink(id: string): string | undefined {
  const feed = demoFeed<{ items: { id: string; _city?: { event?: { online_url?: string } } }[] }>();
  return feed.items.find((item) => item.id === id)?._city?.event?.online_url;
}

// The viewer is in Berlin; the demo events are in Jiangmen (Asia/Shanghai).
test.use({ timezoneId: 'Europe/Berlin', acceptDownloads: true });

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), text: await readFile(await path(download), 'utf8') };
}

async function path(download: Download): Promise<string> {
  const file = await download.path();
  if (!file) throw new Error('download failed');
  return file;
}

function component(text: string) {
  return new ICAL.Component(ICAL.parse(text) as unknown[]);
}

test.describe('events and contacts offline, for a visitor from another time zone', () => {
  test.beforeEach(async ({ page, context }) => {
    await firstVisit(page);
    // The opening_hours parser is not precached: the page fetches it once idle (the demo
    // contacts have hours), and "open now" below needs it offline.
    await waitForHoursKept(page);
    await context.setOffline(true);
  });

  test('an event shows venue and viewer time and downloads a calendar file', async ({ page }) => {
    await page.goto('/events/taishan-roots-clinic-2027');
    const title = (await page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
    const facts = page.locator('.facts').first();
    // The venue's time named after the feed's city, the reader's after their zone.
    await expect(facts).toContainText('09:30–16:00 Jiangmen time');
    await expect(facts).toContainText('03:30–10:00 (Central European Time)');

    const file = await downloaded(page, () => page.getByRole('link', { name: 'Add to calendar' }).click());
    expect(file.name).toBe('taishan-roots-clinic-2027.ics');
    const event = component(file.text).getFirstSubcomponent('vevent');
    expect(event?.getFirstPropertyValue('summary')).toBe(title);
    expect(event?.getFirstPropertyValue('dtstart')?.toString()).toBe('2027-05-22T01:30:00Z');
    expect(event?.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(String(event?.getFirstPropertyValue('url'))).toMatch(/\/events\/taishan-roots-clinic-2027$/);
  });

  test('an event moved online puts its link in the calendar file', async ({ page }) => {
    await page.goto('/events/newcomers-welcome-2027');
    await expect(page.locator('.badge-moved-online')).toHaveText('Moved online');
    const file = await downloaded(page, () => page.getByRole('link', { name: 'Add to calendar' }).click());
    const event = component(file.text).getFirstSubcomponent('vevent');
    expect(String(event?.getFirstPropertyValue('description'))).toContain('Moved online');
    const link = joinLink('event-newcomers-welcome-en');
    expect(link).toMatch(/^https:\/\//);
    expect(event?.getFirstPropertyValue('location')).toBe(link);
  });

  test('a cancelled event says so and offers no calendar file, registration or taxi', async ({ page }) => {
    await page.goto('/events/spring-health-talk-2027');
    await expect(page.locator('.badge-cancelled').first()).toHaveText('Cancelled');
    await expect(page.getByRole('heading', { level: 2, name: 'Contacts' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Add to calendar' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Register' })).toHaveCount(0);
    // The contacts below keep their own taxi cards; the event offers none.
    await expect(page.locator('article > .actions')).toHaveCount(0);
  });

  test('a contact can be called, emailed, added on WeChat and saved', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/contacts/foreign-talent-station');
    const name = (await page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
    await expect(page.getByRole('link', { name: /^Call / })).toHaveAttribute('href', /^tel:\+86750\d+$/);
    await expect(page.getByRole('link', { name: /^Email / })).toHaveAttribute(
      'href',
      /^mailto:[^?]+@example\.org$/,
    );

    await page.getByRole('button', { name: 'Copy WeChat ID' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied the WeChat ID' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('jm-talent-demo');

    const file = await downloaded(page, () => page.getByRole('link', { name: 'Save contact' }).click());
    expect(file.name).toMatch(/\.vcf$/);
    const card = component(file.text);
    expect(card.getFirstPropertyValue('fn')).toBe(name);
    expect(card.getFirstPropertyValue('x-wechat')).toBe('jm-talent-demo');
    expect(String(card.getFirstPropertyValue('tel'))).toMatch(/^\+86750/);
  });

  test('the address can be shown to a driver, in Chinese, and closed again', async ({ page }) => {
    await page.goto('/contacts/foreign-talent-station');
    await page.getByRole('button', { name: 'Show to a taxi driver' }).first().click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('.driver-address')).toContainText('江门市');
    // The name a driver can read: the Chinese version's, not the English one above it.
    await expect(dialog.locator('.driver-name')).toHaveText('江门外国人才驿站');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('contacts filter by language and put open places first', async ({ page }) => {
    await page.goto('/contacts');
    const cards = page.locator('.card-list .card');
    await expect(cards.first()).toBeVisible();
    const all = await cards.count();
    expect(all).toBeGreaterThanOrEqual(4);
    // Every demo contact has machine-readable hours; the parser loads lazily, offline too.
    await expect(page.locator('.card-list .open-state')).toHaveCount(all);
    const states = await page
      .locator('.card-list .card .open-state')
      .evaluateAll((nodes) => nodes.map((node) => node.classList.contains('open')));
    // Open ones (if any at this hour) come before closed ones.
    expect(states).toEqual([...states].sort((a, b) => Number(b) - Number(a)));
    await page.locator('.chips a[hreflang="yue"]').click();
    await expect(page).toHaveURL(/\?lang=yue$/);
    await expect(cards).not.toHaveCount(all);
    await expect(page.locator('.chips a[aria-current="page"]')).toHaveCount(1);
    // Filtering keeps each card's open or closed state, and so does going back to all.
    const filtered = await cards.count();
    await expect(page.locator('.card-list .open-state')).toHaveCount(filtered);
    await page.locator('.chips a').first().click();
    await expect(cards).toHaveCount(all);
    await expect(page.locator('.card-list .open-state')).toHaveCount(all);
  });
});

test.describe('a topic filter, tapped', () => {
  test.use({ hasTouch: true });

  test('the list goes from one topic to the other at once, no frame mixing the two', async ({ page }) => {
    await firstVisit(page);
    await page.goto('/events');
    const titles = page.locator('main .card-title');
    await expect(titles.first()).toBeVisible();
    // The past events unfolded too: one list to the reader, in two parts.
    await page.locator('details.past summary').tap();
    await expect(page.locator('details.past .card').first()).toBeVisible();
    // On a slower phone, every frame the reader sees of the list: its cards' titles, each
    // marked with its part (upcoming or past).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.evaluate(() => {
      const frames: string[] = [];
      Object.assign(window, { citylinkFrames: frames });
      const look = () => {
        const now = [...document.querySelectorAll('main .card-title')]
          .map((title) => `${title.closest('details.past') ? 'past' : 'upcoming'}: ${title.textContent}`)
          .join(' | ');
        if (frames.at(-1) !== now) frames.push(now);
        requestAnimationFrame(look);
      };
      look();
    });
    const frames = () => page.evaluate(() => [...(Reflect.get(window, 'citylinkFrames') as string[])]);
    /** The list a topic settles on, as a second tab opened at its address shows it, past unfolded. */
    const settled = async (topic: string) => {
      const other = await page.context().newPage();
      await other.goto(topic === 'All' ? '/events' : `/events?tag=${topic.toLowerCase()}`);
      await other.locator('details.past summary').tap();
      await expect(other.locator('details.past .card').first()).toBeVisible();
      const list = await other
        .locator('main .card-title')
        .evaluateAll((titles) =>
          titles
            .map((title) => `${title.closest('details.past') ? 'past' : 'upcoming'}: ${title.textContent}`)
            .join(' | '),
        );
      await other.close();
      return list;
    };
    for (const topic of ['Culture', 'Health', 'All']) {
      const after = await settled(topic);
      const seen = await frames();
      const before = seen.at(-1);
      await page.locator('main nav.chips a', { hasText: topic }).tap();
      await expect(page.locator('main nav.chips a[aria-current="page"]')).toHaveText(topic);
      // Until the list is the topic's whole list: then every frame on the way has been recorded.
      await expect.poll(async () => (await frames()).at(-1)).toBe(after);
      // Only the list before and the list after: no frame with some cards of each.
      expect(
        (await frames()).slice(seen.length).filter((frame) => frame !== before && frame !== after),
      ).toEqual([]);
    }
  });
});

test.describe('at a desk, 1280 px wide, with a mouse', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('every topic chip is in sight, none cut at the edge of a row that only a swipe scrolls', async ({
    page,
  }) => {
    await page.goto('/events');
    const chips = page.locator('main nav.chips');
    await expect(chips.locator('a').first()).toBeVisible();
    const row = (await chips.boundingBox())!;
    for (const chip of await chips.locator('a').all()) {
      const box = (await chip.boundingBox())!;
      expect(box.x + box.width, await chip.innerText()).toBeLessThanOrEqual(row.x + row.width);
    }
    expect(await chips.evaluate((nav) => nav.scrollWidth - nav.clientWidth)).toBe(0);
  });
});
