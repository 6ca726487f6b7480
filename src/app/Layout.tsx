import { A, createAsync, useLocation, type RouteSectionProps } from '@solidjs/router';
import { createEffect, For, on, onCleanup, Show } from 'solid-js';
import { t } from '../i18n';
import { RetractedNotice } from '../features/saved/RetractedNotice';
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
            <Show when={meta()?.city}>{(city) => <span class="brand-city"> · {city()}</span>}</Show>
          </span>
        </A>
        <A href="/search" class="header-search" aria-label={t('search.open')}>
          <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
            <path
              d="M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM15.5 15.5 20 20"
              fill="none"
              stroke="currentColor"
              stroke-width="2"
              stroke-linecap="round"
            />
          </svg>
        </A>
      </header>
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
                <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
                  <path
                    d={tab.icon}
                    fill="none"
                    stroke="currentColor"
                    stroke-width="2"
                    stroke-linecap="round"
                    stroke-linejoin="round"
                  />
                </svg>
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
    icon: 'M4 5h16v14H4zM7 8h10M7 12h10M7 16h6',
    matches: (path: string) => path === '/' || path.startsWith('/news'),
  },
  {
    href: '/events',
    label: 'nav.events',
    icon: 'M5 6h14v14H5zM5 10h14M9 4v4M15 4v4',
    matches: (path: string) => path.startsWith('/events'),
  },
  {
    href: '/contacts',
    label: 'nav.contacts',
    icon: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 20c1-4 4-6 8-6s7 2 8 6',
    matches: (path: string) => path.startsWith('/contacts'),
  },
  {
    href: '/saved',
    label: 'nav.saved',
    icon: 'M6 3h12v18l-6-4.5L6 21z',
    matches: (path: string) => path.startsWith('/saved'),
  },
  {
    href: '/more',
    label: 'nav.more',
    icon: 'M5 12h.01M12 12h.01M19 12h.01',
    matches: (path: string) => path.startsWith('/more'),
  },
] as const;
