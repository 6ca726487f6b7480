import { createUniqueId, Match, onMount, Show, Switch } from 'solid-js';
import { t } from '../i18n';
import { BUILD } from './build-info';
import {
  bannerVisible,
  canPrompt,
  currentWay,
  dismissBanner,
  markBannerShown,
  promptInstall,
} from './install';

/**
 * The way to install that fits this browser: the browser's own dialog, iOS's steps in a
 * sheet, or WeChat's "open in your browser". Nothing when there is nothing to offer.
 */
function InstallAction() {
  return (
    <Switch>
      <Match when={currentWay() === 'browser' && canPrompt()}>
        <button type="button" class="action primary" onClick={() => void promptInstall()}>
          {t('install.install')}
        </button>
      </Match>
      <Match when={currentWay() === 'ios'}>
        <IosSteps />
      </Match>
      <Match when={currentWay() === 'wechat'}>
        <p class="install-wechat">{t('install.wechat')}</p>
      </Match>
    </Switch>
  );
}

/**
 * iOS has no install prompt: a button opens a sheet with the real steps. The native <dialog>
 * brings focus containment, Escape and the top layer.
 */
function IosSteps() {
  let dialog: HTMLDialogElement | undefined;
  // The banner and the More tab can both hold a sheet.
  const titleId = createUniqueId();
  return (
    <>
      <button type="button" class="action primary" onClick={() => dialog?.showModal()}>
        {t('install.howTo')}
      </button>
      <dialog class="install-sheet" ref={(element) => (dialog = element)} aria-labelledby={titleId}>
        <h2 id={titleId}>{t('install.iosTitle')}</h2>
        <ol class="install-steps">
          <li>
            <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" class="install-step-icon">
              {/* Safari's Share symbol: a box with an arrow out of its top. */}
              <path
                d="M12 3v12M8 7l4-4 4 4M7 10H5v11h14V10h-2"
                fill="none"
                stroke="currentColor"
                stroke-width="2"
                stroke-linecap="round"
                stroke-linejoin="round"
              />
            </svg>
            <span>{t('install.iosShare')}</span>
          </li>
          <li>
            <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" class="install-step-icon">
              {/* The "Add to Home Screen" symbol: a plus in a rounded square. */}
              <path
                d="M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zM12 8v8M8 12h8"
                fill="none"
                stroke="currentColor"
                stroke-width="2"
                stroke-linecap="round"
              />
            </svg>
            <span>{t('install.iosAdd')}</span>
          </li>
          <li>
            <img src="/icon.svg" alt="" width="28" height="28" class="install-step-icon" />
            <span>{t('install.iosConfirm')}</span>
          </li>
        </ol>
        <form method="dialog">
          <button type="submit" class="button">
            {t('install.close')}
          </button>
        </form>
      </dialog>
    </>
  );
}

/** The More tab's part: why and how to install (not once installed), and the app's version. */
export function InstallSection() {
  return (
    <section class="install-section">
      <Show when={currentWay() !== 'installed'}>
        <h2>{t('install.title')}</h2>
        <p>{t('install.why')}</p>
        <Show when={currentWay() === 'browser' && !canPrompt()}>
          <p class="muted">{t('install.browserMenu')}</p>
        </Show>
        <InstallAction />
      </Show>
      <p class="muted">{t('install.version', { version: BUILD })}</p>
    </section>
  );
}

/** Once, from the second visit on: a dismissible offer to install, where there is one to make. */
export function InstallBanner() {
  return (
    <Show when={bannerVisible()}>
      <BannerBody />
    </Show>
  );
}

function BannerBody() {
  onMount(markBannerShown);
  return (
    <aside class="install-banner" aria-labelledby="install-banner-text">
      <img src="/icon.svg" alt="" width="40" height="40" />
      <div class="install-banner-body">
        <p id="install-banner-text">{t('install.bannerText')}</p>
        <div class="install-banner-actions">
          <InstallAction />
          <button type="button" class="link-button" onClick={dismissBanner}>
            {t('install.notNow')}
          </button>
        </div>
      </div>
    </aside>
  );
}
