import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { waitForSync } from './helpers';

// A feed of events in every state, timed from now, served in place of the build's feed: the
// worker is blocked so that the page syncs by itself and `page.route` stands in for the server.
test.use({ serviceWorkers: 'block', timezoneId: 'Europe/Berlin' });

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const venue = {
  name: 'Heritage Hall',
  address: '6 Huaqiao Road, Taishan',
  address_local: '广东省江门市台山市华侨路6号',
  lat: 22.25,
  lon: 112.79,
};

type Status = 'scheduled' | 'cancelled' | 'postponed' | 'moved-online';

function event(
  slug: string,
  title: string,
  start: number,
  status: Status,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: slug,
    title,
    language: 'en',
    tags: ['culture'],
    content_text: `${title}: the details.`,
    date_published: at(Date.now() - DAY),
    _city: {
      kind: 'event',
      slug,
      event: {
        start: at(start),
        end: at(start + 2 * HOUR),
        status,
        venue,
        registration_url: `https://example.org/register/${slug}`,
        ...extra,
      },
    },
  };
}

/** The test feed at this moment; `clinicStatus` lets a test cancel the clinic later. */
function feed(clinicStatus: Status = 'scheduled'): string {
  const now = Date.now();
  // 10:00 today in Jiangmen: events that start then end the same day there and in Berlin.
  const morning = Date.parse(`${new Date(now + 8 * HOUR).toISOString().slice(0, 10)}T10:00:00+08:00`);
  const clinic = event('clinic', 'Family Roots Clinic', morning + 10 * DAY, clinicStatus);
  // Only the English item names its Chinese version; the feed gives no `name_local`.
  (clinic._city as { translations: unknown }).translations = [{ language: 'zh-Hans', id: 'clinic-zh' }];
  const clinicZh = event('clinic-zh', '寻根咨询日', morning + 10 * DAY, clinicStatus);
  clinicZh.language = 'zh-Hans';
  (clinicZh._city as { event: { venue: unknown } }).event.venue = { ...venue, name: '台山华侨文化馆' };
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Test city',
    language: 'en',
    _city: {
      city: { en: 'Jiangmen', 'zh-Hans': '江门' },
      timezone: 'Asia/Shanghai',
      languages: ['en', 'zh-Hans'],
      tags: { culture: { en: 'Culture', 'zh-Hans': '文化' }, health: { en: 'Health', 'zh-Hans': '健康' } },
    },
    items: [
      clinic,
      clinicZh,
      event('past-talk', 'Past Talk', now - 3 * DAY, 'scheduled'),
      event('open-day', 'Open Day', now - HOUR, 'scheduled'),
      event('cancelled-talk', 'Cancelled Talk', now + 12 * DAY, 'cancelled'),
      event('postponed-fair', 'Postponed Fair', now + 14 * DAY, 'postponed'),
      event('online-session', 'Online Session', now + 5 * DAY, 'moved-online', {
        online_url: 'https://example.org/join/online-session',
      }),
      {
        id: 'desk',
        title: 'Help Desk',
        language: 'en',
        tags: ['health'],
        _city: {
          kind: 'contact',
          slug: 'desk',
          contact: {
            name: 'Help Desk',
            hours: 'Every day 09:00–17:30',
            opening_hours: 'Mo-Su 09:00-17:30',
            languages: ['en'],
          },
        },
      },
      {
        id: 'clinic-desk',
        title: 'Clinic Desk',
        language: 'en',
        tags: ['health'],
        _city: {
          kind: 'contact',
          slug: 'clinic-desk',
          contact: { name: 'Clinic Desk', opening_hours: 'Mo-Su 00:00-24:00', languages: ['en', 'yue'] },
        },
      },
    ],
  });
}

async function serve(page: Page, body: () => string): Promise<void> {
  await page.route('**/feed.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/feed+json', body: body() }),
  );
  await page.goto('/');
  await waitForSync(page);
}

/** Opens an event's page and waits for its heading. */
async function open(page: Page, slug: string): Promise<void> {
  await page.goto(`/events/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.badge').first()).toBeVisible();
}

const register = (page: Page) => page.getByRole('link', { name: 'Register' });
const calendar = (page: Page) => page.getByRole('link', { name: 'Add to calendar' });
const taxi = (page: Page) => page.getByRole('button', { name: 'Show to a taxi driver' });
// The map links are in the Directions sheet (src/ui/Directions.tsx): its button stands for them.
const maps = (page: Page) => page.getByRole('button', { name: 'Directions' });

test.describe('event truth', () => {
  test.beforeEach(async ({ page }) => {
    await serve(page, () => feed());
  });

  test('an upcoming event leads with Register and offers the calendar, the map and a taxi card in Chinese', async ({
    page,
  }) => {
    await open(page, 'clinic');
    await expect(page.locator('.badge-upcoming')).toHaveText('Upcoming');
    await expect(register(page)).toHaveClass(/primary/);
    await expect(calendar(page)).toBeVisible();
    await expect(calendar(page)).not.toHaveClass(/primary/);
    await expect(maps(page)).toBeVisible();
    await taxi(page).click();
    const dialog = page.getByRole('dialog');
    // No `name_local` in the feed: the name comes from the Chinese version, which alone is not linked back.
    await expect(dialog.locator('.driver-name')).toHaveText('台山华侨文化馆');
    await expect(dialog.locator('.driver-address')).toHaveText(venue.address_local);
    await expect(dialog).not.toContainText('Heritage Hall');
  });

  test('an ended event says so and offers no registration, calendar, map or taxi', async ({ page }) => {
    await open(page, 'past-talk');
    await expect(page.locator('.badge-ended')).toHaveText('Ended');
    await expect(page.locator('.facts')).toContainText('Heritage Hall');
    for (const action of [register(page), calendar(page), taxi(page), maps(page)])
      await expect(action).toHaveCount(0);
  });

  test('an event under way offers the way there but no registration', async ({ page }) => {
    await open(page, 'open-day');
    await expect(page.locator('.badge-now')).toHaveText('Happening now');
    await expect(register(page)).toHaveCount(0);
    // With nothing to register for, the calendar is the one primary action.
    await expect(calendar(page)).toHaveClass(/button-primary/);
    await expect(taxi(page)).toBeVisible();
    await expect(maps(page)).toBeVisible();
  });

  test('a cancelled event says so and offers no registration, calendar or taxi', async ({ page }) => {
    await open(page, 'cancelled-talk');
    await expect(page.locator('.badge-cancelled')).toHaveText('Cancelled');
    await expect(page.getByText('This event is cancelled.')).toBeVisible();
    await expect(page.locator('.facts dt').first()).toHaveText('Planned for');
    for (const action of [register(page), calendar(page), taxi(page), maps(page)])
      await expect(action).toHaveCount(0);
  });

  test('a postponed event says so, gives the first planned time, and offers nothing to act on', async ({
    page,
  }) => {
    await open(page, 'postponed-fair');
    await expect(page.locator('.badge-postponed')).toHaveText('Postponed');
    await expect(page.getByText('The new date is not known yet')).toBeVisible();
    await expect(page.locator('.facts dt').first()).toHaveText('Planned for');
    for (const action of [register(page), calendar(page), taxi(page), maps(page)])
      await expect(action).toHaveCount(0);
  });

  test('an event that moved online gives its join link instead of venue, map and taxi', async ({ page }) => {
    await open(page, 'online-session');
    await expect(page.locator('.badge-moved-online')).toHaveText('Moved online');
    await expect(page.getByRole('link', { name: 'Join online' })).toHaveAttribute(
      'href',
      'https://example.org/join/online-session',
    );
    await expect(register(page)).toBeVisible();
    await expect(page.locator('main')).not.toContainText('Heritage Hall');
    await expect(page.locator('main')).not.toContainText(venue.address_local);
    for (const action of [taxi(page), maps(page)]) await expect(action).toHaveCount(0);
    // Its card in the list does not name the building either.
    await page.goto('/events');
    const card = page.locator('.card', { hasText: 'Online Session' });
    await expect(card.locator('.card-text')).toHaveText('Online');
    await expect(card).not.toContainText('Heritage Hall');
  });

  test('lists and search results say each state in words', async ({ page }) => {
    await page.goto('/events');
    const card = (title: string) => page.locator('.card', { hasText: title });
    await expect(card('Open Day').locator('.badge')).toHaveText('Happening now');
    await expect(card('Cancelled Talk').locator('.badge')).toHaveText('Cancelled');
    await expect(card('Postponed Fair').locator('.badge')).toHaveText('Postponed');
    await expect(card('Online Session').locator('.badge')).toHaveText('Moved online');
    // Under "Upcoming" an upcoming event needs no word; under "Past", an ended one neither.
    await expect(card('Family Roots Clinic').locator('.badge')).toHaveCount(0);
    await page.getByText('Past', { exact: true }).click();
    await expect(card('Past Talk')).toBeVisible();
    await expect(card('Past Talk').locator('.badge')).toHaveCount(0);

    await page.goto('/search?q=talk');
    await expect(page.locator('.search-hit', { hasText: 'Past Talk' }).locator('.badge')).toHaveText('Ended');
    await expect(page.locator('.search-hit', { hasText: 'Cancelled Talk' }).locator('.badge')).toHaveText(
      'Cancelled',
    );
  });

  test('times say whose they are, with the reader’s own where their zone differs', async ({ page }) => {
    await page.goto('/events');
    const clinic = page.locator('.card', { hasText: 'Family Roots Clinic' });
    await expect(clinic.locator('.card-meta')).toContainText(
      /\d\d:\d\d–\d\d:\d\d Jiangmen time \(.*your time\)/,
    );
    // One clock: no "AM"/"PM" anywhere in the events or the directory.
    await expect(page.locator('main')).not.toContainText(/\d (AM|PM)/);
    await page.goto('/contacts');
    const desk = page.locator('.card', { hasText: 'Help Desk' });
    await expect(desk.locator('.open-state')).toContainText(
      /(opens|closes) (\w+ )?\d\d:\d\d Jiangmen time \(/,
    );
    await expect(desk.locator('.open-state')).toContainText('your time)');
    await expect(desk).toContainText('Every day 09:00–17:30 (Jiangmen time)');
    await expect(page.locator('main')).not.toContainText(/\d (AM|PM)/);
    await page.goto('/events/clinic');
    await expect(page.locator('.facts')).toContainText('Jiangmen time');
    await expect(page.locator('.facts')).toContainText('Your time');
  });

  test('My agenda labels times, and a saved event that is then cancelled says so', async ({ page }) => {
    let status: Status = 'scheduled';
    await page.unroute('**/feed.json');
    await page.route('**/feed.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/feed+json', body: feed(status) }),
    );
    await open(page, 'clinic');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Saved', exact: true })).toBeVisible();
    await page.goto('/saved');
    const card = page.locator('.card', { hasText: 'Family Roots Clinic' });
    await expect(card.locator('.card-meta')).toContainText(
      /\d{4}, \d\d:\d\d–\d\d:\d\d Jiangmen time \(.*your time\)/,
    );
    await expect(card.locator('.badge')).toHaveCount(0);

    status = 'cancelled';
    const before = await page.locator('html').getAttribute('data-sync-done');
    await page.goto('/more');
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.locator('html')).not.toHaveAttribute('data-sync-done', before ?? '');
    await page.goto('/saved');
    await expect(card.locator('.badge-cancelled')).toHaveText('Cancelled');
  });
});

test.describe('a reader in the venue’s own zone', () => {
  test.use({ timezoneId: 'Asia/Shanghai' });

  test('sees the venue’s time named, and no second time', async ({ page }) => {
    await serve(page, () => feed());
    await page.goto('/events');
    const meta = page.locator('.card', { hasText: 'Family Roots Clinic' }).locator('.card-meta');
    await expect(meta).toContainText('Jiangmen time');
    await expect(meta).not.toContainText('your time');
    await page.goto('/events/clinic');
    // The row is there all the same (nothing moves once the zone is known): no second time.
    await expect(page.locator('.facts .your-time')).toHaveText('The same as Jiangmen time');
  });
});

test.describe('a Chinese reader', () => {
  test.use({ locale: 'zh-CN' });

  test('reads topics by the feed’s labels, times and places in Chinese, and finds the English original', async ({
    page,
  }) => {
    await serve(page, () => feed());
    await page.goto('/events');
    const chips = page.locator('main .chips a');
    await expect(chips).toHaveText(['全部', '文化']);
    await expect(page.locator('.card', { hasText: '寻根咨询日' }).locator('.card-meta')).toContainText(
      /江门时间 \d\d:\d\d–\d\d:\d\d（你所在地时间 /,
    );
    await page.goto('/search?q=desk');
    await expect(page.locator('main .chips[aria-label="主题"] a')).toHaveText(['健康']);
    // Only the English item links to this one: the link back is read the other way.
    await page.goto('/events/clinic-zh');
    await expect(page.locator('.other-languages a[hreflang="en"]')).toHaveAttribute('href', '/events/clinic');
    await expect(page.locator('.facts')).toContainText('台山华侨文化馆，广东省江门市台山市华侨路6号');
  });
});
