import { createUniqueId, Match, onMount, Show, Switch } from 'solid-js';
import { t } from '../i18n';
import { Icon } from '../ui/Icon';
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
            <Icon name="iosShare" size={28} class="install-step-icon" />
            <span>{t('install.iosShare')}</span>
          </li>
          <li>
            <Icon name="iosAdd" size={28} class="install-step-icon" />
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
