import { expect, test } from './fixtures';
import { firstVisit } from './helpers';

/**
 * A filtered list with nothing in it offers the way out that docs/design.md promises: "Clear
 * filter", which shows the whole list and leaves focus on the chip now selected, not on the
 * page's start where the removed link left it. Tapped, as on a phone.
 */
test.describe('empty states of a filter, on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true });

  test('a topic with no upcoming events clears back to every event', async ({ page }) => {
    await firstVisit(page);
    // Science has only past events in the demo feed.
    await page.goto('/events?tag=science');
    await expect(page.getByText('No upcoming events on this topic.')).toBeVisible();
    await page.getByRole('link', { name: 'Clear filter' }).tap();
    await expect(page).toHaveURL(/\/events$/);
    const all = page
      .getByRole('navigation', { name: 'Topics' })
      .getByRole('link', { name: 'All', exact: true });
    await expect(all).toHaveAttribute('aria-current', 'page');
    await expect(all).toBeFocused();
    await expect(page.getByText('No upcoming events on this topic.')).toHaveCount(0);
    await expect(page.locator('.card-list .card, .card').first()).toBeVisible();
  });

  test('a language no contact speaks clears back to every contact', async ({ page }) => {
    await firstVisit(page);
    await page.goto('/contacts?lang=fr');
    await expect(page.getByText('No contact here speaks French.')).toBeVisible();
    await page.getByRole('link', { name: 'Clear filter' }).tap();
    await expect(page).toHaveURL(/\/contacts$/);
    const any = page.getByRole('navigation', { name: 'Speaks' }).getByRole('link', { name: 'Any language' });
    await expect(any).toHaveAttribute('aria-current', 'page');
    await expect(any).toBeFocused();
    await expect(page.locator('.card-list .card').first()).toBeVisible();
  });

  test.describe('in Chinese', () => {
    test.use({ locale: 'zh-CN', colorScheme: 'dark' });

    test('清除筛选 on a topic without upcoming events', async ({ page }) => {
      await firstVisit(page);
      await page.goto('/events?tag=science');
      await expect(page.getByText('这个主题暂时没有即将举行的活动。')).toBeVisible();
      await page.getByRole('link', { name: '清除筛选' }).tap();
      await expect(page).toHaveURL(/\/events$/);
      await expect(page.locator('.chips [aria-current="page"]')).toBeFocused();
    });
  });
});
