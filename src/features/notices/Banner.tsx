import { createAsync } from '@solidjs/router';
import { useLocation } from '../../state/router';
import { createEffect, createMemo, For, on, Show, Suspense } from 'solid-js';
import { now } from '../../state/clock';
import type { Item } from '@citylink/core/model';
import { isCurrent, type Notice } from '../../data/notices';
import { itemPath } from '@citylink/core/paths';
import { invalidateSnapshots } from '../../data/snapshots';
import { displayTitle, excerpt } from '@citylink/core/text';
import { pickLanguage } from '@citylink/core/translations';
import { locale, t } from '../../i18n';
import { announced, dismiss, urgentNotices } from './data';
import './notices.css';

interface BannerProps {
  /** Puts text in the page's assertive live region. */
  announce: (text: string) => void;
  /** How many notices are on screen, once read. */
  shown: (count: number) => void;
}

/** A notice as shown: the reader's language of it. */
interface Shown {
  notice: Notice;
  item: Item;
}

/**
 * The banner: each current urgent notice in the reader's language, a link to it and a button
 * to dismiss it. A notice leaves when it expires (by the app's clock), when the reader opens
 * or dismisses it, and when a sync retracts it. New ones are announced to screen readers once.
 */
export function Banner(props: BannerProps) {
  const location = useLocation();
  // Read afresh on each address: an item opened elsewhere (a list, a notification) is settled.
  const at = createMemo(
    on(
      () => location.pathname,
      () => Date.now(),
    ),
  );
  const notices = createAsync(() => urgentNotices(at()));
  const shown = (): Shown[] =>
    (notices() ?? [])
      .map((notice) => ({ notice, item: pickLanguage(notice.items, locale())[0] }))
      .filter((entry): entry is Shown => entry.item !== undefined)
      .filter((entry) => isCurrent(entry.item, now()) && itemPath(entry.item) !== location.pathname);

  // Every kept screen shows the banner: a notice that leaves it (dismissed, opened, ended by the
  // clock, retracted) must not come back with the next visit's first paint, offline included.
  const current = createMemo(() =>
    (notices() ?? [])
      .filter((notice) => notice.items.some((item) => isCurrent(item, now())))
      .map((notice) => notice.ids.join(' ')),
  );
  createEffect(
    on(current, (list, before) => {
      if (before?.some((notice) => !list.includes(notice))) {
        void invalidateSnapshots(window.location.origin).catch(() => undefined);
      }
    }),
  );

  // Each notice is announced once: never again after this, on any screen or visit.
  const heard = new Set<string>();
  createEffect(
    on(shown, (list) => {
      if (notices() !== undefined) props.shown(list.length);
      const fresh = list.filter((entry) => !entry.notice.announced && !heard.has(entry.item.id));
      if (fresh.length === 0) return;
      for (const entry of fresh) for (const id of entry.notice.ids) heard.add(id);
      props.announce(
        t('notices.announce', { titles: fresh.map((entry) => displayTitle(entry.item)).join('; ') }),
      );
      void announced(fresh.map((entry) => entry.notice)).catch(() => undefined);
    }),
  );

  return (
    <Suspense>
      <Show when={shown().length}>
        <section class="urgent-notices" aria-label={t('notices.label')}>
          <For each={shown()}>
            {(entry) => (
              <div class="urgent-notice" lang={entry.item.language}>
                <a href={itemPath(entry.item)} class="urgent-link">
                  <span class="urgent-mark">{t('notices.urgent')}</span>
                  <strong>{displayTitle(entry.item)}</strong>
                  <Show when={excerpt(entry.item, 120)}>
                    {(text) => <span class="urgent-text">{text()}</span>}
                  </Show>
                </a>
                <button
                  type="button"
                  class="urgent-dismiss"
                  aria-label={t('notices.dismiss', { title: displayTitle(entry.item) })}
                  onClick={() => {
                    // Focus would fall to the page's start with the button: keep the reader in the content.
                    document.getElementById('main')?.focus();
                    void dismiss(entry.notice).catch(() => undefined);
                  }}
                >
                  ×
                </button>
              </div>
            )}
          </For>
        </section>
      </Show>
    </Suspense>
  );
}
