import { createAsync } from '@solidjs/router';
import { useBeforeLeave, useLocation, type RouteSectionProps } from '../state/router';
import { createEffect, For, lazy, on, onCleanup, onMount, Show, Suspense } from 'solid-js';
import { loadMore, locale, t } from '../i18n';
import { cityName } from '@citylink/core/translations';
import { AppBar } from '../ui/AppBar';
import { FrameIcon } from '../ui/FrameIcon';
import { later } from '../ui/later';
import { HydrateInTurn } from '../lib/hydration';
import { StatusBar, StatusLine } from '../features/status/lazy';
import { feedMeta } from '../state/data';
import type * as History from './history';
import type * as FocusHeading from '../lib/focus-heading';
import type * as Toast from '../lib/toast';

// The update prompt and toasts are the device's, never the server's: code loaded after hydration.
const UpdatePrompt = later('the update prompt', () =>
  import('../pwa/UpdatePrompt').then((module) => module.UpdatePrompt),
);

// Parts of the frame the home screen is used without, kept off the code it needs before it is
// interactive (issue 10). Hydrating, lazy() keeps their server HTML and hydrates it when their
// chunk is here; a render from scratch (the shell, a snapshot's take-over) loads them first
// (`preloadFrame()`), so they never come in after the rest of the screen.
// Their text is beyond the core catalogue too (`loadMore()`).
const RetractedNotice = lazy(() =>
  Promise.all([import('../features/saved/RetractedNotice'), loadMore()]).then(([module]) => ({
    default: module.RetractedNotice,
  })),
);

// Only a live region on the server and until hydrated: its banner loads after (`Banner`).
const UrgentNotices = lazy(() =>
  import('../features/notices/UrgentNotices').then((module) => ({ default: module.UrgentNotices })),
);

/** Loads the frame's own chunks, for a render that hydrates nothing. */
export async function preloadFrame(): Promise<void> {
  await Promise.all([
    StatusBar.preload(),
    StatusLine.preload(),
    RetractedNotice.preload(),
    UrgentNotices.preload(),
  ]);
}

/**
 * The shell around every screen: the app bar (the brand on a tab; Back and the screen's title
 * below one), status, content, toasts, and the navigation (a bar at the bottom of a phone, a
 * drawer at the side of a wide screen).
 */
export function Layout(props: RouteSectionProps) {
  const meta = createAsync(() => feedMeta());
  const location = useLocation();
  let main: HTMLElement | undefined;

  // Once the first screen is there: fetch the hours parser if this device's feed needs it.
  onMount(() => {
    void import('../features/contacts/hours-prefetch').then((hours) => hours.prefetchOpeningHours());
  });
  // What acts only from the first navigation on: Back's memory of each screen
  // (src/app/history.ts), focus moved to the new screen's heading, and a new screen's clearing of
  // toasts. Its code loads once the first screen is mounted, not before the home is interactive.
  // Before it is here (a tap in the first moments), Back follows its link, and that one screen
  // is neither remembered nor focused.
  let after: { history: typeof History; focus: typeof FocusHeading; toast: typeof Toast } | undefined;
  onMount(() => {
    void Promise.all([import('./history'), import('../lib/focus-heading'), import('../lib/toast')]).then(
      ([history, focus, toast]) => {
        after = { history, focus, toast };
        history.startHistory();
      },
    );
  });
  // What the screen shows is kept as the reader leaves it, for Back to bring back.
  useBeforeLeave((event) => after?.history.leaving(event));

  // After a navigation (not on first load: that focus belongs to the browser), focus goes to
  // the new screen's heading so a screen reader starts there, once the heading has rendered.
  createEffect(
    on(
      () => location.pathname,
      () => {
        if (main && after) onCleanup(after.focus.makeHeadingFocus(main));
      },
      { defer: true },
    ),
  );
  // A new screen (a filter counts): the last screen's confirmations go, and a return through
  // the history puts the screen back as the reader left it.
  createEffect(
    on(
      () => location.pathname + location.search,
      (path) => {
        after?.toast.clearToasts();
        after?.history.arrived(path);
      },
      { defer: true },
    ),
  );
  const parent = () => parentOf(location.pathname);

  // Hydrating, the frame's parts each take a turn of their own (HydrateInTurn): the router's
  // links are costly to hydrate, and the brand, the search link, the screen and the tab bar in
  // one task were a long task (over 50 ms on a slow phone) while the first sync ran.
  return (
    <>
      {/* Focus moves by hand: the router takes over in-page links and would only scroll. */}
      <a
        class="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          main?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <AppBar
        back={
          parent()
            ? {
                href: parent()?.href ?? '/',
                label: t('item.back'),
                onBack: () => after?.history.goBack() ?? false,
              }
            : undefined
        }
        title={parent() ? t(parent()?.title ?? 'nav.news') : undefined}
        leading={
          <HydrateInTurn>
            <a href="/" class="brand">
              <img src="/icon.svg" alt="" width="28" height="28" />
              <span>
                {t('app.name')}
                {/* A boundary, so that a server render waits for the feed's city before writing the header. */}
                <Suspense>
                  <Show when={cityName(meta(), locale())}>
                    {(city) => <span class="brand-city"> · {city()}</span>}
                  </Show>
                </Suspense>
              </span>
            </a>
          </HydrateInTurn>
        }
        actions={
          <HydrateInTurn>
            <Show when={location.pathname !== '/search'}>
              <a href="/search" class="icon-button header-search" aria-label={t('search.open')}>
                <FrameIcon name="search" />
              </a>
            </Show>
          </HydrateInTurn>
        }
      />
      <UrgentNotices />
      <StatusBar />
      <RetractedNotice />
      <main id="main" tabIndex={-1} ref={(element) => (main = element)}>
        <HydrateInTurn>{props.children}</HydrateInTurn>
      </main>
      <UpdatePrompt />
      <nav class="tab-bar" aria-label={t('nav.label')}>
        <HydrateInTurn>
          <For each={TABS}>
            {(tab) => {
              const active = () => tab.matches(location.pathname);
              return (
                <a
                  href={tab.href}
                  classList={{ active: active() }}
                  aria-current={active() ? 'page' : undefined}
                >
                  <FrameIcon name={tab.icon} />
                  <span>{t(tab.label)}</span>
                </a>
              );
            }}
          </For>
        </HydrateInTurn>
      </nav>
    </>
  );
}

/**
 * For a screen below a tab (an item, search), the list its Back leads to when there is no
 * in-app history to return through, and the title its app bar shows; none for a tab.
 */
function parentOf(
  path: string,
): { href: string; title: 'nav.news' | 'nav.events' | 'nav.contacts' | 'search.title' } | undefined {
  if (path === '/search') return { href: '/', title: 'search.title' };
  const kind = /^\/(news|events|contacts)\/[^/]+\/?$/.exec(path)?.[1];
  if (kind === 'news') return { href: '/', title: 'nav.news' };
  if (kind === 'events' || kind === 'contacts') return { href: `/${kind}`, title: `nav.${kind}` };
  return undefined;
}

/** The five sections; a section stays lit on its items' pages too. */
const TABS = [
  {
    href: '/',
    label: 'nav.news',
    icon: 'news',
    matches: (path: string) => path === '/' || path.startsWith('/news'),
  },
  {
    href: '/events',
    label: 'nav.events',
    icon: 'events',
    matches: (path: string) => path.startsWith('/events'),
  },
  {
    href: '/contacts',
    label: 'nav.contacts',
    icon: 'contacts',
    matches: (path: string) => path.startsWith('/contacts'),
  },
  {
    href: '/saved',
    label: 'nav.saved',
    icon: 'saved',
    matches: (path: string) => path.startsWith('/saved'),
  },
  {
    href: '/more',
    label: 'nav.more',
    icon: 'more',
    matches: (path: string) => path.startsWith('/more'),
  },
] as const;
