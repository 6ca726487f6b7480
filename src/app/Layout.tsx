import { A, createAsync, useLocation, type RouteSectionProps } from '@solidjs/router';
import { createEffect, For, on, onCleanup, onMount, Show, Suspense } from 'solid-js';
import { locale, t } from '../i18n';
import { cityName } from '../data/translations';
import { Icon } from '../ui/Icon';
import { prefetchOpeningHours } from '../features/contacts/hours-prefetch';
import { RetractedNotice } from '../features/saved/RetractedNotice';
import { UrgentNotices } from '../features/notices/UrgentNotices';
import { makeHeadingFocus } from '../lib/focus-heading';
import { StatusBar } from '../features/status/StatusBar';
import { InstallBanner } from '../pwa/InstallPrompt';
import { UpdatePrompt } from '../pwa/UpdatePrompt';
import { feedMeta } from './data';

/** The shell around every screen: header with the city's name, status, content, tab bar. */
export function Layout(props: RouteSectionProps) {
  const meta = createAsync(() => feedMeta());
  const location = useLocation();
  let main: HTMLElement | undefined;

  // Once the first screen is there: fetch the hours parser if this device's feed needs it.
  onMount(prefetchOpeningHours);

  // After a navigation (not on first load: that focus belongs to the browser), focus goes to
  // the new screen's heading so a screen reader starts there, once the heading has rendered.
  createEffect(
    on(
      () => location.pathname,
      () => {
        if (main) onCleanup(makeHeadingFocus(main));
      },
      { defer: true },
    ),
  );

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
      <header class="app-header">
        <A href="/" class="brand">
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
        </A>
        <A href="/search" class="header-search" aria-label={t('search.open')}>
          <Icon name="search" />
        </A>
      </header>
      <UrgentNotices />
      <StatusBar />
      <InstallBanner />
      <RetractedNotice />
      <main id="main" tabIndex={-1} ref={(element) => (main = element)}>
        {props.children}
      </main>
      <UpdatePrompt />
      <nav class="tab-bar" aria-label={t('nav.label')}>
        <For each={TABS}>
          {(tab) => {
            const active = () => tab.matches(location.pathname);
            return (
              <A
                href={tab.href}
                activeClass=""
                inactiveClass=""
                classList={{ active: active() }}
                aria-current={active() ? 'page' : undefined}
              >
                <Icon name={tab.icon} />
                <span>{t(tab.label)}</span>
              </A>
            );
          }}
        </For>
      </nav>
    </>
  );
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
