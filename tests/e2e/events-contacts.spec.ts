import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import ICAL from 'ical.js';
import { firstVisit, waitForHoursKept } from './helpers';

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
    await expect(facts).toContainText('China Standard Time');
    await expect(facts).toContainText('Central European Summer Time');
    await expect(facts).toContainText('9:30');
    await expect(facts).toContainText('3:30');

    const file = await downloaded(page, () => page.getByRole('button', { name: 'Add to calendar' }).click());
    expect(file.name).toBe('taishan-roots-clinic-2027.ics');
    const event = component(file.text).getFirstSubcomponent('vevent');
    expect(event?.getFirstPropertyValue('summary')).toBe(title);
    expect(event?.getFirstPropertyValue('dtstart')?.toString()).toBe('2027-05-22T01:30:00Z');
    expect(event?.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(String(event?.getFirstPropertyValue('url'))).toMatch(/\/events\/taishan-roots-clinic-2027$/);
  });

  test('a cancelled event says so, and so does its calendar file', async ({ page }) => {
    await page.goto('/events/spring-health-talk-2027');
    await expect(page.locator('.badge-cancelled').first()).toHaveText('Cancelled');
    const file = await downloaded(page, () => page.getByRole('button', { name: 'Add to calendar' }).click());
    expect(component(file.text).getFirstSubcomponent('vevent')?.getFirstPropertyValue('status')).toBe(
      'CANCELLED',
    );
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

    const file = await downloaded(page, () => page.getByRole('button', { name: 'Save contact' }).click());
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
  });
});
