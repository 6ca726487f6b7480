import type { Page } from '@playwright/test';
import { serveBuild, type BuildServer } from '../../tools/support/builds';
import { expect, test } from './fixtures';
import { axeViolations, waitForSync } from './helpers';
import { largeFeed, largeFeedItems, translated, type RawFeedItem } from '../../tools/support/large-feed';

/**
 * Lists over a large feed (issue 10, "Large feeds"): pages, a bounded page, "Show more" by
 * keyboard, one story per translation group across pages, offline. The build is served with a
 * generated feed by a server of our own, so that the service worker reads it too.
 */

const ITEMS = 1500;
const PAGE = 20;
const MAX_CARDS = 8 * PAGE;
const NOW = Date.now();
const items = largeFeedItems({ items: ITEMS, now: NOW });
const text = largeFeed({ items: ITEMS, now: NOW });

let server: BuildServer;
test.beforeAll(async () => {
  server = await serveBuild(new URL('../../dist', import.meta.url).pathname);
  server.feed = () => text;
});
test.afterAll(() => server.close());

/** The number of the story a card's title tells ("Story 12: …", "新闻12：…"). */
function story(title: string | null): number {
  return Number(/\d+/.exec(title ?? '')?.[0]);
}

/** The news stories in list order (newest first), each once: what the whole list shows. */
const newsStories = [
  ...new Set(items.filter((i) => i._city.kind === 'news').map((i) => story(i.title))),
].sort((a, b) => a - b);

const cards = (page: Page) => page.locator('main .card');
const titles = (page: Page) => page.locator('main .card-title');
// By class: the Chinese interface names it in Chinese.
const more = (page: Page) => page.locator('button.pager-more');

/**
 * Asks for the next page and waits for it. By keyboard: the "ready to work offline" note of a
 * first visit sits where a pointer would press the button at the bottom of the screen.
 */
async function showMore(page: Page): Promise<void> {
  const shown = await cards(page).count();
  await more(page).focus();
  await page.keyboard.press('Enter');
  await expect(cards(page)).not.toHaveCount(shown);
}

/** A first visit: the feed is stored (by the page's sync worker) and the worker takes over. */
async function firstVisit(page: Page, path = '/'): Promise<void> {
  await page.goto(`${server.origin}${path}`);
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 60_000,
  });
  // The rendered page shows the build's cards until the first sync has stored this feed.
  await waitForSync(page);
  await expect(cards(page).first()).toBeVisible({ timeout: 60_000 });
}

async function storiesShown(page: Page): Promise<number[]> {
  return (await titles(page).allTextContents()).map(story);
}

/** The stories on screen are a run of the whole list's, in its order: no gap, no repeat. */
function expectRunOfList(shown: number[]): void {
  const start = newsStories.indexOf(shown[0]!);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(shown).toEqual(newsStories.slice(start, start + shown.length));
}

test('the news list comes a page at a time and stays bounded however far the reader scrolls', async ({
  page,
}) => {
  await firstVisit(page);
  await expect(cards(page)).toHaveCount(PAGE);
  expect(await storiesShown(page)).toEqual(newsStories.slice(0, PAGE));

  // Scrolling to the end of the list loads the next page by itself, again and again.
  for (let i = 0; i < 12; i++) {
    const last = story(await titles(page).last().textContent());
    await more(page).scrollIntoViewIfNeeded();
    await expect.poll(async () => story(await titles(page).last().textContent())).not.toBe(last);
  }
  const shown = await storiesShown(page);
  expect(shown.length).toBeLessThanOrEqual(MAX_CARDS);
  expect(shown[0]).not.toBe(newsStories[0]);
  expectRunOfList(shown);
  // About ten nodes a card: a few thousand at most, not the whole feed's.
  expect(await page.locator('main *').count()).toBeLessThan(MAX_CARDS * 12);

  // The pages that left the top come back on demand, focus on their first item.
  const first = shown[0]!;
  await page.getByRole('button', { name: 'Show previous' }).click();
  await expect.poll(async () => story(await titles(page).first().textContent())).not.toBe(first);
  const back = await storiesShown(page);
  expect(back.length).toBeLessThanOrEqual(MAX_CARDS);
  expectRunOfList(back);
  expect(back.indexOf(first)).toBe(PAGE);
  await expect(page.locator(':focus')).toHaveText((await titles(page).first().textContent()) ?? '');

  expect(await axeViolations(page)).toEqual([]);
});

test('"Show more" works from the keyboard: focus goes to the first new item, and the count is told', async ({
  page,
}) => {
  await firstVisit(page);
  await expect(cards(page)).toHaveCount(PAGE);

  await more(page).focus();
  await page.keyboard.press('Enter');
  await expect(cards(page)).toHaveCount(2 * PAGE);
  await expect(page.locator(':focus')).toHaveText((await titles(page).nth(PAGE).textContent()) ?? '');
  await expect(page.getByRole('status').filter({ hasText: `${PAGE} more shown` })).toHaveCount(1);

  await more(page).focus();
  await page.keyboard.press('Space');
  await expect(cards(page)).toHaveCount(3 * PAGE);
  await expect(page.locator(':focus')).toHaveText(
    (await titles(page)
      .nth(2 * PAGE)
      .textContent()) ?? '',
  );
  expectRunOfList(await storiesShown(page));
});

test.describe('a reader of Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('sees each story once across pages, in Chinese where the feed has it', async ({ page }) => {
    await firstVisit(page);
    for (let i = 1; i < 6; i++) await showMore(page);
    await expect(cards(page)).toHaveCount(6 * PAGE);
    const shownTitles = await titles(page).allTextContents();
    const shown = shownTitles.map(story);
    expect(shown).toEqual(newsStories.slice(0, shown.length));
    shownTitles.forEach((title, i) => {
      // Every story is in English; a third also in Chinese (some linked from the Chinese side only).
      expect(/\p{Script=Han}/u.test(title)).toBe(translated(shown[i]!));
    });
  });
});

test('offline, a reload still shows the first page', async ({ page, context }) => {
  await firstVisit(page);
  await showMore(page);
  await expect(cards(page)).toHaveCount(2 * PAGE);
  await context.setOffline(true);
  await page.reload();
  await expect(cards(page)).toHaveCount(PAGE);
  expect(await storiesShown(page)).toEqual(newsStories.slice(0, PAGE));
  await expect(page.getByText('You are offline')).toBeVisible();
});

test('events keep their order, days and topic filter across pages; past ones come when unfolded', async ({
  page,
}) => {
  const events = new Map(
    items.filter((i) => i._city.kind === 'event').map((i) => [i.title, i] as [string, RawFeedItem]),
  );
  // All-day events are days in the venue's zone (the feed's, Asia/Shanghai, at UTC+8 all year).
  const start = (title: string) => {
    const event = events.get(title)!._city.event as { start: string };
    return Date.parse(event.start.length === 10 ? `${event.start}T00:00:00+08:00` : event.start);
  };
  const end = (title: string) => {
    const event = events.get(title)!._city.event as { start: string; end: string };
    return event.end.length === 10
      ? Date.parse(`${event.end}T00:00:00+08:00`) + 86_400_000
      : Date.parse(event.end);
  };

  await firstVisit(page);
  await page.goto(`${server.origin}/events?tag=health`);
  await expect(cards(page)).toHaveCount(PAGE);
  await showMore(page);
  await expect(cards(page)).toHaveCount(2 * PAGE);
  const upcoming = (await titles(page).allTextContents()).map((title) => title.trim());
  for (const title of upcoming) {
    expect(events.get(title)?.tags).toEqual(['health']);
    expect(end(title)).toBeGreaterThan(NOW);
  }
  const starts = upcoming.map(start);
  expect(starts).toEqual([...starts].sort((a, b) => a - b));
  // One heading per day, even for a day that two pages share.
  const days = await page.locator('main .day-title').allTextContents();
  expect(new Set(days).size).toBe(days.length);

  // Another topic starts the list again, at its first page.
  await page.getByRole('link', { name: 'science', exact: true }).click();
  await expect(page).toHaveURL(/tag=science/);
  await expect(cards(page)).toHaveCount(PAGE);
  for (const title of await titles(page).allTextContents())
    expect(events.get(title.trim())?.tags).toEqual(['science']);

  await page.locator('details.past > summary').click();
  const past = page.locator('details.past .card-title');
  const pastScience = [...events.keys()].filter(
    (title) => events.get(title)?.tags[0] === 'science' && end(title) <= NOW,
  ).length;
  expect(pastScience).toBeGreaterThan(0);
  await expect(past).toHaveCount(Math.min(PAGE, pastScience));
  const pastTitles = (await past.allTextContents()).map((title) => title.trim());
  for (const title of pastTitles) expect(end(title)).toBeLessThanOrEqual(Date.now());
  const pastStarts = pastTitles.map(start);
  expect(pastStarts).toEqual([...pastStarts].sort((a, b) => b - a));
});

test('contacts list open places first and filter by language, a page at a time', async ({ page }) => {
  const contacts = new Map(
    items.filter((i) => i._city.kind === 'contact').map((i) => [i.title, i] as [string, RawFeedItem]),
  );
  await firstVisit(page);
  await page.goto(`${server.origin}/contacts?lang=fr`);
  await expect(cards(page).first()).toBeVisible();
  const shown = (await titles(page).allTextContents()).map((title) => title.trim());
  expect(shown.length).toBeGreaterThan(0);
  for (const title of shown) {
    expect((contacts.get(title)?._city.contact as { languages: string[] }).languages).toContain('fr');
  }
  // Open ones first: once a card is not open, no later one is.
  await expect(page.locator('main .open-state').first()).toBeVisible();
  const open = await cards(page).evaluateAll((list) =>
    list.map((card) => card.querySelector('.open-state.open') !== null),
  );
  expect(open).toEqual([...open].sort((a, b) => Number(b) - Number(a)));
});
