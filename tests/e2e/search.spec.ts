import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { axeViolations, firstVisit } from './helpers';
import { demoFeed } from '../../tools/support/demo-feed';

interface RawItem {
  id: string;
  title?: string;
  summary?: string;
  content_text?: string;
  content_html?: string;
  tags?: string[];
  _city?: {
    kind?: string;
    translations?: { id: string }[];
    event?: { venue?: Record<string, unknown> };
    contact?: Record<string, unknown>;
  };
}

const feed = demoFeed<{ items: RawItem[] }>();

/**
 * An oracle independent of the app's index: how many stories (translation groups) of the demo
 * feed hold `query` in a searched field, by a plain case-insensitive substring scan.
 */
function expectedStories(query: string, kind?: string): number {
  return stories(query, kind).size;
}

/** The stories that hold every one of `words`, each anywhere, by the same scan. */
function storiesWithAll(words: string[]): number {
  const [first = '', ...rest] = words;
  return [...stories(first)].filter((group) => rest.every((word) => stories(word).has(group))).length;
}

function stories(query: string, kind?: string): Set<string> {
  const fields = (item: RawItem) => {
    const venue = item._city?.event?.venue ?? {};
    const contact = item._city?.contact ?? {};
    return [
      item.title,
      item.summary,
      item.content_text,
      item.content_html?.replace(/<[^>]*>/g, ' '),
      ...(item.tags ?? []),
      ...['name', 'address', 'address_local'].map((key) => venue[key]),
      ...['name', 'organization', 'role', 'address', 'address_local'].map((key) => contact[key]),
    ]
      .filter((value): value is string => typeof value === 'string')
      .join('\n')
      .toLowerCase();
  };
  const groups = new Set<string>();
  for (const item of feed.items) {
    if (kind && (item._city?.kind ?? 'news') !== kind) continue;
    if (!fields(item).includes(query.toLowerCase())) continue;
    groups.add([item.id, ...(item._city?.translations ?? []).map((t) => t.id)].sort()[0]!);
  }
  return groups;
}

const results = (page: Page) => page.locator('.search-hit');

/**
 * Types `pinyin` through an input method, one key at a time, as a Chinese reader does, then
 * picks `word` from its candidates: the composition events and the committed text come from
 * the browser's own IME path (DevTools Protocol), not from a script setting the value.
 */
async function compose(page: Page, pinyin: string, word: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  for (let end = 1; end <= pinyin.length; end++) {
    await cdp.send('Input.imeSetComposition', {
      text: pinyin.slice(0, end),
      selectionStart: end,
      selectionEnd: end,
    });
  }
  await cdp.send('Input.insertText', { text: word });
  await cdp.detach();
}
const status = (page: Page) => page.locator('.search-status');

test('the build keeps search out of the main chunk and precaches its own', () => {
  const assets = new URL('../../dist/assets/', import.meta.url);
  const main = readdirSync(assets).filter((name) => /^index-.*\.js$/.test(name));
  expect(main.length).toBe(1);
  // The tokenizer's Han pattern is in the search code only.
  expect(readFileSync(new URL(main[0]!, assets), 'utf8')).not.toContain('Script=Han');
  const sw = readFileSync(new URL('../../dist/sw.js', import.meta.url), 'utf8');
  const chunk = /assets\/SearchPage-[\w-]+\.js/.exec(sw)?.[0];
  expect(chunk).toBeDefined();
  expect(readFileSync(new URL(`../../dist/${chunk}`, import.meta.url), 'utf8')).toContain('Script=Han');
});

test.describe('search, offline', () => {
  test('finds English and Chinese words offline and opens a result', async ({ page, context }) => {
    await firstVisit(page);
    const chunkRequests: string[] = [];
    page.on('request', (request) => {
      if (/\/assets\/SearchPage-/.test(request.url())) chunkRequests.push(request.url());
    });

    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('.card-list .card').first()).toBeVisible();
    expect(chunkRequests).toEqual([]);

    await page.getByRole('link', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/search$/);
    const input = page.getByRole('searchbox', { name: 'Search news, events and contacts' });
    await expect(input).toBeFocused();
    expect(chunkRequests.length).toBe(1);

    // English, as typed: the last word by prefix.
    await input.pressSequentially('Diaol');
    const diaolou = expectedStories('diaolou');
    expect(diaolou).toBeGreaterThan(1);
    await expect(results(page)).toHaveCount(diaolou);
    await expect(status(page)).toHaveText(`${diaolou} results`);
    await expect(results(page).first().locator('mark').first()).toHaveText(/^diaolou$/i);
    await expect(page).toHaveURL(/\?q=Diaol$/);

    // Chinese: four characters, in the English interface the Chinese items are marked as such.
    // A pasted or dictated word arrives at once: select what is there and insert the new text.
    await input.press('ControlOrMeta+a');
    await page.keyboard.insertText('人才驿站');
    const station = expectedStories('人才驿站');
    expect(station).toBeGreaterThan(1);
    await expect(results(page)).toHaveCount(station);
    await expect(results(page).locator('mark', { hasText: '人才驿站' }).first()).toBeVisible();
    await expect(results(page).first().locator('.search-language')).toHaveText('Simplified Chinese');

    // The search is in the address: it survives a reload, offline.
    await page.reload();
    await expect(page.getByRole('searchbox')).toHaveValue('人才驿站');
    await expect(results(page)).toHaveCount(station);

    const first = results(page).first().locator('.card-title a');
    const title = (await first.textContent())?.trim() ?? '';
    await first.click();
    await expect(page).toHaveURL(/\/(news|events|contacts)\//);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  });

  test('filters by kind and topic, and says when nothing matches', async ({ page, context }) => {
    await firstVisit(page);
    await context.setOffline(true);
    await page.goto('/search?q=overseas');
    const all = expectedStories('overseas');
    await expect(results(page)).toHaveCount(all);

    const kinds = page.getByRole('navigation', { name: 'Kind' });
    await kinds.getByRole('link', { name: /^Events/ }).click();
    await expect(page).toHaveURL(/kind=event/);
    const events = expectedStories('overseas', 'event');
    expect(events).toBeLessThan(all);
    await expect(results(page)).toHaveCount(events);
    for (const kind of await results(page).locator('.search-kind').allTextContents())
      expect(kind).toBe('Event');

    await page.getByRole('navigation', { name: 'Topics' }).getByRole('link', { name: 'health' }).click();
    await expect(page).toHaveURL(/tag=health/);
    const count = await results(page).count();
    expect(count).toBeLessThan(events);
    expect(count).toBeGreaterThan(0);
    await expect(
      page.getByRole('navigation', { name: 'Topics' }).getByRole('link', { name: 'health' }),
    ).toHaveAttribute('aria-current', 'page');

    const box = page.getByRole('searchbox');
    await box.click();
    await box.press('ControlOrMeta+a');
    await box.press('Backspace');
    await box.pressSequentially('zzyzx');
    await expect(results(page)).toHaveCount(0);
    await expect(status(page)).toHaveText('No results for “zzyzx”.');
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(/\/search\?q=zzyzx$/);
    // The link left with the empty state: focus is on the filter now in force, not lost.
    await expect(kinds.getByRole('link', { name: 'All', exact: true })).toBeFocused();
  });

  test('the search screen has no accessibility violations, light and dark', async ({ page }) => {
    await firstVisit(page);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto('/search?q=talent%20station');
      await expect(results(page).first()).toBeVisible();
      expect(await axeViolations(page, { allRules: true })).toEqual([]);
    }
  });

  test('hostile text in a query stays text', async ({ page }) => {
    await firstVisit(page);
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await page.goto(`/search?q=${encodeURIComponent('<img src=x onerror=alert(1)> diaolou')}`);
    await expect(page.getByRole('searchbox')).toHaveValue('<img src=x onerror=alert(1)> diaolou');
    await expect(page.locator('main img[src="x"]')).toHaveCount(0);
    expect(dialogs).toBe(0);
  });
});

test.describe('search in the Chinese interface', () => {
  test.use({ locale: 'zh-CN' });

  test('finds a two-character word offline and announces the count in Chinese', async ({ page, context }) => {
    await firstVisit(page);
    await context.setOffline(true);
    await page.getByRole('link', { name: '搜索' }).click();
    const input = page.getByRole('searchbox', { name: '搜索新闻、活动和联系方式' });
    await expect(input).toBeFocused();
    await compose(page, 'diaolou', '碉楼');
    const stories = expectedStories('碉楼');
    expect(stories).toBeGreaterThan(1);
    await expect(results(page)).toHaveCount(stories);
    await expect(status(page)).toHaveText(`找到 ${stories} 条结果`);
    // Chinese items in the Chinese interface: no language note.
    await expect(results(page).locator('.search-language')).toHaveCount(0);
    await expect(results(page).first().locator('mark').first()).toHaveText('碉楼');
    await expect(input).toBeFocused();
  });

  test('the count line breaks between words, never inside one', async ({ page }) => {
    await firstVisit(page);
    await page.goto('/search');
    await page.getByRole('searchbox').click();
    await page.keyboard.insertText('江门 活动');
    await expect(status(page)).toContainText('部分关键词');
    // Where each line of the status starts: the character before it, and the one it starts with.
    const breaks = await status(page).evaluate((line) => {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const chars: { char: string; top: number }[] = [];
      const range = document.createRange();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          chars.push({ char: text[i] ?? '', top: range.getBoundingClientRect().top });
        }
      }
      return chars.flatMap(({ char, top }, i) => {
        const before = chars[i - 1];
        return before && top > before.top + 4 ? [`${before.char}|${char}`] : [];
      });
    });
    expect(breaks.length, 'the line wraps at 390 px').toBeGreaterThan(0);
    // A line may start after a space or punctuation, not between two characters of a phrase.
    for (const at of breaks) expect(at).toMatch(/^[\s，。、：；]\||\|\s/u);
  });
});

test.describe('search that reads what was meant', () => {
  test('a typo shows the results for the word meant, says so, and offers the words as typed', async ({
    page,
  }) => {
    await firstVisit(page);
    await page.goto('/search');
    const input = page.getByRole('searchbox', { name: 'Search news, events and contacts' });
    await input.pressSequentially('talnet');
    await expect(page.locator('.search-correction')).toHaveText(/^Showing results for talent/);
    await expect(page.locator('.search-correction strong')).toHaveText('talent');
    const talent = expectedStories('talent');
    await expect(results(page)).toHaveCount(talent);
    await expect(status(page)).toHaveText(`${talent} results Showing results for talent.`);
    await expect(results(page).first().locator('mark').first()).toHaveText(/^talent/i);
    await expect(input).toBeFocused();

    await page.getByRole('link', { name: 'Search instead for talnet' }).click();
    await expect(page).toHaveURL(/q=talnet&exact=1$/);
    await expect(status(page)).toHaveText('No results for “talnet”.');
    await expect(page.locator('.search-correction')).toHaveCount(0);
    // Typing on is a new query, read afresh.
    await input.press('End');
    await input.press('Backspace');
    await input.pressSequentially('t');
    await expect(page).toHaveURL(/q=talnet$/);
    await expect(page.locator('.search-correction strong')).toHaveText('talent');
  });

  test('words no item has together: the items with some of them, after a line that says so', async ({
    page,
  }) => {
    await firstVisit(page);
    await page.goto('/search');
    await page.getByRole('searchbox').pressSequentially('jiangmen events');
    await expect(status(page)).toHaveText(/^No result has all the words\. Showing \d+ with some of them\.$/);
    await expect(page.getByRole('heading', { level: 2, name: 'With some of the words' })).toBeVisible();
    await expect(results(page).first()).toBeVisible();
    // Where a story has both, it comes first, above the line.
    await page.getByRole('searchbox').press('ControlOrMeta+a');
    await page.getByRole('searchbox').pressSequentially('talent station');
    await expect(status(page)).toHaveText(/^\d+ results? with all the words, \d+ with some of them\.$/);
    const lists = page.locator('.search-page .card-list');
    await expect(lists).toHaveCount(2);
    await expect(lists.first().locator('.search-hit')).toHaveCount(storiesWithAll(['talent', 'station']));
  });
});

test.describe('typing into search as a person does', () => {
  test('the app bar opens it; typing key by key keeps focus, every key and one history entry', async ({
    page,
  }) => {
    await firstVisit(page);
    const entries = await page.evaluate(() => history.length);
    await page.getByRole('link', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/search$/);
    const input = page.getByRole('searchbox', { name: 'Search news, events and contacts' });
    await expect(input).toBeFocused();

    // The space would scroll the page if focus had left the box.
    await input.pressSequentially('talent station');
    await expect(input).toBeFocused();
    await expect(input).toHaveValue('talent station');
    await expect(page).toHaveURL(/\/search\?q=talent(\+|%20)station$/);
    await expect(results(page).first()).toBeVisible();
    // The heading was never given focus on the way (the rule is for new screens only).
    await expect(page.getByRole('heading', { level: 1, name: 'Search' })).not.toBeFocused();
    await expect(page).toHaveTitle(/^Search: talent station/);

    // Each key replaced the search's entry: one entry for the search, as typed last.
    expect(await page.evaluate(() => history.length)).toBe(entries + 1);
    await input.press('Backspace');
    await expect(input).toHaveValue('talent statio');
    await expect(page).toHaveURL(/q=talent(\+|%20)statio$/);
    expect(await page.evaluate(() => history.length)).toBe(entries + 1);

    // A result is a new screen (pushed, its heading focused); Back returns to the search as left.
    const first = results(page).first().locator('.card-title a');
    const title = (await first.textContent())?.trim() ?? '';
    await first.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await page.goBack();
    await expect(input).toHaveValue('talent statio');
    // One more Back leaves search for the screen it was opened from.
    await page.goBack();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  });

  test('keys faster than the results: every key kept, the results those of the box, Back restores it', async ({
    page,
  }) => {
    await firstVisit(page);
    await page.goto('/search');
    const input = page.getByRole('searchbox', { name: 'Search news, events and contacts' });
    // A slow phone: the results of one key are still coming when the next arrives.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await input.pressSequentially('stationx');
    await input.press('Backspace');
    await expect(input).toHaveValue('station');
    await expect(page).toHaveURL(/\/search\?q=station$/);
    await expect(results(page)).toHaveCount(expectedStories('station'));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

    // A filter is an entry of its own; a new query there, then Back: the box shows the
    // query of the entry it returns to, not the one typed last.
    const kinds = page.getByRole('navigation', { name: 'Kind' });
    await kinds.getByRole('link', { name: /^Events/ }).click();
    await expect(page).toHaveURL(/kind=event/);
    // Cleared as a reader does: all of it selected, then deleted.
    await input.press('ControlOrMeta+a');
    await input.press('Backspace');
    await expect(input).toHaveValue('');
    await input.pressSequentially('talent');
    await expect(page).toHaveURL(/kind=event&q=talent$/);
    await page.goBack();
    await expect(page).toHaveURL(/\/search\?q=station$/);
    await expect(input).toHaveValue('station');
    await expect(results(page)).toHaveCount(expectedStories('station'));
  });

  test('Chinese through an input method, key by key, keeps focus and every character', async ({ page }) => {
    await firstVisit(page);
    await page.goto('/search');
    const input = page.getByRole('searchbox', { name: 'Search news, events and contacts' });
    await expect(input).toBeFocused();
    await compose(page, 'rencai', '人才');
    await expect(page).toHaveURL(/q=%E4%BA%BA%E6%89%8D$/);
    await compose(page, 'yizhan', '驿站');
    await expect(input).toBeFocused();
    await expect(input).toHaveValue('人才驿站');
    await expect(page).toHaveURL(/q=%E4%BA%BA%E6%89%8D%E9%A9%BF%E7%AB%99$/);
    await expect(results(page)).toHaveCount(expectedStories('人才驿站'));
  });

  test.describe('on a touch screen', () => {
    test.use({ hasTouch: true, isMobile: true });

    test('a cold /search: tap the box and type key by key', async ({ page }) => {
      await firstVisit(page);
      await page.goto('/search');
      const input = page.getByRole('searchbox', { name: 'Search news, events and contacts' });
      // Opened from a link: a finger puts focus in the box.
      await input.evaluate((element) => element.blur());
      await input.tap();
      await expect(input).toBeFocused();
      await input.pressSequentially('station');
      await expect(input).toBeFocused();
      await expect(input).toHaveValue('station');
      await expect(results(page).first()).toBeVisible();
      // A filter chip is a tap too: focus stays on it rather than leaping to the heading.
      const events = page.getByRole('navigation', { name: 'Kind' }).getByRole('link', { name: /^Events/ });
      await events.tap();
      await expect(page).toHaveURL(/kind=event/);
      await expect(events).toHaveAttribute('aria-current', 'page');
      await expect(page.getByRole('heading', { level: 1, name: 'Search' })).not.toBeFocused();
      // Back in the box, the reader goes on typing.
      await input.tap();
      await input.press('End');
      await input.pressSequentially(' jiangmen');
      await expect(input).toBeFocused();
      await expect(input).toHaveValue('station jiangmen');
      await expect(page).toHaveURL(/kind=event/);
    });
  });
});
