import { Match, onMount, Show, Switch } from 'solid-js';
import { t } from '../i18n';
import { BottomSheet } from '../ui/BottomSheet';
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
 * sheet, or WeChat's "open in your browser". Nothing when there is nothing to offer. `kind`:
 * the More tab's section makes it its screen's primary action; the banner on News, which is
 * not what that screen is for, a secondary one.
 */
function InstallAction(props: { kind: 'button-primary' | 'button-secondary' }) {
  return (
    <Switch>
      <Match when={currentWay() === 'browser' && canPrompt()}>
        <button type="button" class={props.kind} onClick={() => void promptInstall()}>
          {t('install.install')}
        </button>
      </Match>
      <Match when={currentWay() === 'ios'}>
        <IosSteps kind={props.kind} />
      </Match>
      <Match when={currentWay() === 'wechat'}>
        <p class="install-wechat">{t('install.wechat')}</p>
      </Match>
    </Switch>
  );
}

/** iOS has no install prompt: a button opens a bottom sheet with the real steps. */
function IosSteps(props: { kind: 'button-primary' | 'button-secondary' }) {
  return (
    <BottomSheet
      buttonClass={props.kind}
      sheetClass="install-sheet"
      button={t('install.howTo')}
      title={t('install.iosTitle')}
      closeLabel={t('install.close')}
    >
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
    </BottomSheet>
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
        <InstallAction kind="button-primary" />
      </Show>
      <p class="muted">{t('install.version', { version: BUILD })}</p>
    </section>
  );
}

/**
 * Once, from the second visit on: a dismissible offer to install, where there is one to make.
 * Shown on the News screen only (at the end of its list), never above an item's heading.
 */
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
    <aside class="install-banner" data-momentary aria-labelledby="install-banner-text">
      <img src="/icon.svg" alt="" width="40" height="40" />
      <div class="install-banner-body">
        <p id="install-banner-text">{t('install.bannerText')}</p>
        <div class="install-banner-actions">
          <InstallAction kind="button-secondary" />
          <button type="button" class="button-quiet" onClick={dismissBanner}>
            {t('install.notNow')}
          </button>
        </div>
      </div>
    </aside>
  );
}
