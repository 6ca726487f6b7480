/**
 * Contact cards on an event's page, as a person on a phone uses them (issue 21): compact (Call
 * leads, the rest in two columns or behind "More ways to reach"), nothing that sends people to
 * the building of a cancelled event, Chinese labels that never break inside a word, and the
 * contact's own words marked in the contact's language.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from '@playwright/test';
import ICAL from 'ical.js';
import { expect, test, watchCsp } from './fixtures';

/** A phone as people hold it: 390x844, touch, the reader's language and theme, script or none. */
async function phone(
  browser: Browser,
  locale = 'en-GB',
  colorScheme: 'light' | 'dark' = 'light',
  javaScriptEnabled = true,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    locale,
    colorScheme,
    javaScriptEnabled,
    acceptDownloads: true,
  });
  await watchCsp(context);
  return context.newPage();
}

/** Opens a cold link and waits until the app has taken the page over. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 30_000 });
}

/** The boxes of a locator's elements, rounded to whole pixels. */
const boxes = (locator: Locator) =>
  locator.evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width) };
    }),
  );

test('an event’s contact cards: Call leads, the rest in two columns, more behind a tap', async ({
  browser,
}) => {
  const page = await phone(browser);
  await open(page, '/events/taishan-roots-clinic-2027');
  const cards = page.locator('.contact.boxed');
  await expect(cards).toHaveCount(3);
  // The event keeps the screen's one filled button; the cards have none.
  await expect(page.locator('.button-primary:visible')).toHaveCount(1);
  for (const card of await cards.all()) {
    const width = (await card.boundingBox())!.width;
    // At most one action spans the card (Call); every other shown action shares its row.
    const shown = await boxes(card.locator('.action-group > li:visible, .card-lead > *'));
    expect(shown.filter((box) => box.width > width / 2)).toHaveLength(
      await card.locator('.card-lead').count(),
    );
    const cells = shown.filter((box) => box.width <= width / 2);
    expect(new Set(cells.map((box) => box.x)).size).toBe(Math.min(cells.length, 2));
    // Website and Save contact wait behind "More ways to reach", opened with a tap.
    const save = card.getByRole('link', { name: 'Save contact' });
    await expect(save).toBeHidden();
    await card.getByText('More ways to reach').tap();
    await expect(save).toBeVisible();
  }
  const desk = cards.filter({ hasText: 'Contact Wuyi Liaison Desk' });
  await expect(desk.locator('.card-lead a')).toHaveAttribute('href', /^tel:/);
  await expect(desk.getByRole('link', { name: 'Website' })).toBeVisible();
  // The whole address, cut short in no button, is there once opened.
  await expect(desk.locator('.more-ways .facts')).toContainText('16 Donghua 1st Road');
});

test('an email address or WeChat ID on a contact card is shown whole, wrapped, never cut', async ({
  browser,
}) => {
  for (const [locale, scheme] of [
    ['en-GB', 'light'],
    ['zh-CN', 'dark'],
  ] as const) {
    const page = await phone(browser, locale, scheme);
    await open(page, '/events/taishan-roots-clinic-2027');
    const details = page.locator('.contact.boxed .action-group .action-detail');
    await expect(details.first()).toBeVisible();
    // A person checks the address before writing to it: every character on screen, inside its cell.
    const cut = await details.evaluateAll((elements) =>
      elements
        .filter((element) => {
          const cell = element.closest('li')!.getBoundingClientRect();
          const box = element.getBoundingClientRect();
          return element.scrollWidth > element.clientWidth || box.right > cell.right;
        })
        .map((element) => element.textContent),
    );
    expect(cut, locale).toEqual([]);
    await page.context().close();
  }
});

test('a cancelled event sends nobody to the venue, and says so in the error tone', async ({ browser }) => {
  const page = await phone(browser);
  await open(page, '/events/spring-health-talk-2027');
  const card = page.locator('.contact.boxed');
  await expect(card).toHaveCount(1);
  await card.getByText('More ways to reach').tap();
  await expect(page.getByRole('button', { name: /Directions|taxi/ })).toHaveCount(0);
  // Still reachable: the desk can be called or written to.
  await expect(card.locator('.card-lead a')).toHaveAttribute('href', /^tel:/);
  await expect(card.getByRole('link', { name: /Email/ })).toBeVisible();
  const note = page.getByText('This event is cancelled. Do not go to the venue.');
  const tone = await note.evaluate((element) => {
    const probe = document.createElement('span');
    probe.style.background = 'var(--danger-bg)';
    probe.style.color = 'var(--on-danger-bg)';
    document.body.append(probe);
    const want = getComputedStyle(probe);
    const have = getComputedStyle(element);
    const result = {
      background: have.backgroundColor === want.backgroundColor,
      text: have.color === want.color,
    };
    probe.remove();
    return result;
  });
  expect(tone).toEqual({ background: true, text: true });
  // The same contact on its own page still gives the way there.
  await open(page, '/contacts/international-medical-desk');
  await expect(page.getByRole('button', { name: 'Directions' })).toBeVisible();
});

test('Chinese action labels stay whole on a phone: no word cut over two lines', async ({ browser }) => {
  const page = await phone(browser, 'zh-CN', 'dark');
  for (const path of ['/events/taishan-roots-clinic-2027-zh', '/contacts/contact-wuyi-desk-zh']) {
    await open(page, path);
    // Each label is a short verb phrase; split over lines it broke inside a word, since the
    // browser (and Intl.Segmenter too) read "出示给出租车司机" as 出示|给出|租车|司机.
    const split = await page.locator('.action-group .action-text').evaluateAll((texts) =>
      texts
        .filter((text) => (text as HTMLElement).offsetParent !== null)
        .flatMap((text) => {
          // The label: the first span where a detail line follows it, else the text itself.
          const label = text.querySelector(':scope > span') ?? text;
          const range = document.createRange();
          range.selectNodeContents(label);
          const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          return lines.size > 1 ? [label.textContent] : [];
        }),
    );
    expect(split, path).toEqual([]);
    await expect(page.locator('.driver-button').first()).toBeVisible();
  }
});

test('an English event in the Chinese interface marks its contacts’ names as English', async ({
  browser,
}) => {
  const page = await phone(browser, 'zh-CN', 'dark');
  await open(page, '/events/taishan-roots-clinic-2027');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  const name = page.locator('.contact-name', { hasText: 'Chen Meiling' });
  await expect(name).toHaveAttribute('lang', 'en');
  await expect(page.locator('.contact-role', { hasText: 'Volunteer genealogist' })).toHaveAttribute(
    'lang',
    'en',
  );
  // The interface's own words on the card stay Chinese.
  await expect(page.locator('.contact.boxed').first().getByText('更多联系方式')).toBeVisible();
});

test('“Notify me of new events” is a quiet button by the heading that opens a sheet', async ({ browser }) => {
  const page = await phone(browser);
  await open(page, '/events?tag=culture');
  const heading = page.getByRole('heading', { level: 1, name: 'Events' });
  const button = page.getByRole('button', { name: 'Notify me of new events' });
  // Beside the heading, not a filled block between it and the topics.
  const [head, entry] = [(await heading.boundingBox())!, (await button.boundingBox())!];
  expect(entry.y).toBeLessThan(head.y + head.height);
  expect(await button.evaluate((element) => element.classList.contains('button-quiet'))).toBe(true);
  const firstCard = page.locator('.card').first();
  const before = (await firstCard.boundingBox())!.y;
  await button.tap();
  const sheet = page.getByRole('dialog', { name: 'Notify me of new events' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('checkbox', { name: 'New events' })).toBeChecked();
  await expect(sheet.getByRole('checkbox', { name: 'Culture' })).toBeChecked();
  // The list behind has not moved: nothing opened inline above it.
  expect((await firstCard.boundingBox())!.y).toBe(before);
  // Keyboard: Escape closes it and focus returns to the button.
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(button).toBeFocused();
  // A tap on the close button closes it too.
  await button.tap();
  await sheet.getByRole('button', { name: 'Close' }).tap();
  await expect(sheet).toBeHidden();
});

/** What a tap downloads: its file name and text. */
async function download(page: Page, target: Locator): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), target.tap()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/**
 * The visible buttons that do nothing without script: every button left must open a dialog by
 * itself (an invoker command) or close one (a dialog form's submit).
 */
const deadButtons = (page: Page) =>
  page
    .locator('button:visible')
    .evaluateAll((buttons) =>
      buttons
        .filter((button) => !button.hasAttribute('commandfor') && !button.closest('form[method="dialog"]'))
        .map((button) => button.textContent?.trim()),
    );

test.describe('without JavaScript', () => {
  test('an event: the calendar and contact files download, Directions and the taxi card open', async ({
    browser,
  }) => {
    const page = await phone(browser, 'en-GB', 'light', false);
    await page.goto('/events/taishan-roots-clinic-2027');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Family Roots Clinic in Taishan');
    expect(await deadButtons(page)).toEqual([]);
    // Save, Share, QR code and Refresh need the app: not offered.
    for (const name of ['Save', 'Share', 'QR code', 'Refresh', 'Copy WeChat ID']) {
      await expect(page.getByRole('button', { name, exact: true }).filter({ visible: true })).toHaveCount(0);
    }

    const calendar = await download(page, page.getByRole('link', { name: 'Add to calendar' }));
    expect(calendar.name).toMatch(/\.ics$/);
    const event = new ICAL.Component(ICAL.parse(calendar.text) as unknown[]).getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('summary')).toBe('Family Roots Clinic in Taishan');
    expect(String(event.getFirstPropertyValue('dtstart'))).toBe('2027-05-22T01:30:00Z');

    // A contact written in the event (no page of its own), behind "More ways to reach".
    const chen = page.locator('.contact.boxed', { hasText: 'Chen Meiling' });
    await chen.getByText('More ways to reach').tap();
    const card = await download(page, chen.getByRole('link', { name: 'Save contact' }));
    expect(card.name).toBe('chen-meiling.vcf');
    const vcard = new ICAL.Component(ICAL.parse(card.text) as unknown[]);
    expect(vcard.getFirstPropertyValue('fn')).toBe('Chen Meiling');
    expect(vcard.getFirstPropertyValue('email')).toBe('roots@example.org');

    const directions = page.locator('.action-group').first().getByRole('button', { name: 'Directions' });
    await directions.tap();
    const sheet = page.getByRole('dialog', { name: 'Directions' });
    await expect(sheet.getByRole('link', { name: 'Open in maps' })).toHaveAttribute(
      'href',
      /^geo:22\.2521,112\.7942/,
    );
    await sheet.getByRole('button', { name: 'Close' }).tap();
    await expect(sheet).toBeHidden();

    await page.locator('.action-group').first().getByRole('button', { name: 'Show to a taxi driver' }).tap();
    const taxi = page.getByRole('dialog', { name: /广东省江门市台山市台城街道华侨路6号/ });
    await expect(taxi).toBeVisible();
    await taxi.getByRole('button', { name: 'Close' }).tap();
    await expect(taxi).toBeHidden();
  });

  test('a contact, an article and the events list offer no button that does nothing', async ({ browser }) => {
    const page = await phone(browser, 'zh-CN', 'dark', false);
    await page.goto('/contacts/contact-wuyi-desk-zh');
    expect(await deadButtons(page)).toEqual([]);
    const card = await download(page, page.getByRole('link', { name: '存入通讯录' }));
    const vcard = new ICAL.Component(ICAL.parse(card.text) as unknown[]);
    expect(vcard.getFirstPropertyValue('fn')).toBe(
      await page.getByRole('heading', { level: 1 }).textContent(),
    );
    // Languages are named in the page's language.
    expect(card.text).toContain('简体中文');
    for (const path of ['/news/rail-links', '/events', '/contacts', '/']) {
      await page.goto(path);
      expect(await deadButtons(page), path).toEqual([]);
    }
  });

  test('before the app has started, Directions opens and Add to calendar downloads', async ({ browser }) => {
    const page = await phone(browser);
    // The app's code never arrives: the page stays as the server rendered it.
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.goto('/events/taishan-roots-clinic-2027');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Family Roots Clinic in Taishan');
    await page.locator('.action-group').first().getByRole('button', { name: 'Directions' }).tap();
    await expect(page.getByRole('dialog', { name: 'Directions' })).toBeVisible();
    await page.keyboard.press('Escape');
    const calendar = await download(page, page.getByRole('link', { name: 'Add to calendar' }));
    expect(calendar.text).toContain('SUMMARY:Family Roots Clinic in Taishan');
    await expect(page.locator('html')).not.toHaveAttribute('data-hydrated', '');
  });
});

test.describe('leftovers', () => {
  test('the Chinese interface names the feed and its desk in Chinese', async ({ browser }) => {
    const page = await phone(browser, 'zh-CN', 'dark');
    await open(page, '/more');
    const name = page.locator('dt', { hasText: '名称' }).locator('xpath=following-sibling::dd[1]');
    await expect(name).toHaveText('城市通江门（示例数据）');
    await open(page, '/news/rail-links-zh');
    await expect(page.locator('article')).toContainText('城市通示例编辑部');
    await expect(page.locator('article')).not.toContainText('Citylink');
  });

  test('ended, cancelled and postponed events leave no gap for actions they lack', async ({ browser }) => {
    const page = await phone(browser);
    for (const path of ['/events/spring-health-talk-2027', '/events/diaolou-heritage-days-2027']) {
      await open(page, path);
      const group = page.locator('article > .action-group');
      await expect(group).toHaveCount(1);
      expect(await group.evaluate((element) => getComputedStyle(element).display), path).toBe('none');
      // Save follows the facts as closely as one fact follows another: its icon no further
      // below the last fact than a row of facts is spaced (12 px, and the 14 px of the button's
      // own touch area above its icon).
      const gap = await page.evaluate(() => {
        const facts = document.querySelector('article > .facts > dd:last-of-type')!.getBoundingClientRect();
        const icon = document.querySelector('article > .quiet-actions svg')!.getBoundingClientRect();
        return icon.top - facts.bottom;
      });
      expect(gap, path).toBeLessThanOrEqual(26);
    }
    // The postponed venue says the village once.
    const venue = page.locator('dt', { hasText: 'Venue' }).locator('xpath=following-sibling::dd[1]');
    await expect(venue).toContainText('Zili Village, Tangkou Town, Kaiping');
    expect((await venue.textContent())!.match(/Zili Village/g)).toHaveLength(1);
  });

  test('a saved contact says whether it is open now, not when it was published', async ({ browser }) => {
    const page = await phone(browser);
    await open(page, '/contacts/foreign-talent-station');
    await page.getByRole('button', { name: 'Save', exact: true }).tap();
    await expect(page.getByRole('button', { name: 'Saved', exact: true })).toBeVisible();
    await page.locator('.tab-bar').getByRole('link', { name: 'Saved' }).tap();
    const card = page.locator('.card', { hasText: 'Jiangmen Foreign Talent Station' });
    await expect(card.locator('.open-state')).toHaveText(/Open now|Closed now/);
    await expect(card.locator('time')).toHaveCount(0);
  });

  test('a toast never sits over the event’s grouped actions (the taxi card)', async ({ browser }) => {
    const page = await phone(browser);
    // No share sheet in this browser: Share copies the link and says so in a toast, over the
    // bottom of the screen (the update prompt takes the same place, and stays).
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(page, '/events/taishan-roots-clinic-2027');
    await page.locator('article').getByRole('button', { name: 'Share', exact: true }).tap();
    const toast = page.locator('.toast');
    await expect(toast).toBeVisible();
    // The first contact's taxi card, in its grouped actions (the event's own sits higher than
    // any toast on a phone's first screen): the reader scrolls it to where the toast is.
    const taxi = page
      .locator('.contact.boxed .action-group')
      .first()
      .getByRole('button', { name: 'Show to a taxi driver' });
    const [card, up] = [await taxi.boundingBox(), await toast.boundingBox()];
    await page.evaluate((by) => window.scrollBy(0, by), card!.y - up!.y);
    await expect
      .poll(async () => {
        const [a, b] = [await taxi.boundingBox(), await toast.boundingBox()];
        return !!a && !!b && (a.y + a.height <= b.y || b.y + b.height <= a.y);
      })
      .toBe(true);
    // And the taxi card can be tapped while the toast is up.
    await taxi.tap();
    await expect(page.getByRole('dialog', { name: /广东省江门市/ })).toBeVisible();
  });
});
