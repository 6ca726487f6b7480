/**
 * The page's side of installing the app: which way of installing this browser offers, the
 * captured `beforeinstallprompt`, the once-only install banner, and persistent storage.
 */
import { createSignal } from 'solid-js';
import { hydrated } from '../lib/hydration';
import { recall, remember } from './remember';

/**
 * How this browser installs a web app: it already runs installed; WeChat's in-app browser,
 * which cannot install; iOS, by hand from the Share menu; or a browser with its own prompt
 * or menu item (Chromium, Samsung Internet, Firefox on Android).
 */
export type InstallWay = 'installed' | 'wechat' | 'ios' | 'browser';

/** What `installWay` decides from; plain values so it can be tested without a browser. */
export interface InstallEnv {
  userAgent: string;
  /** iPadOS reports a Mac; touch points tell them apart. */
  maxTouchPoints: number;
  /** Running from the home screen or an app window, not in a browser tab. */
  standalone: boolean;
}

/** Decides how (and whether) this browser can install the app. */
export function installWay(env: InstallEnv): InstallWay {
  if (env.standalone) return 'installed';
  // WeChat's browser on both Android and iOS; it has no install or home-screen feature.
  if (/MicroMessenger/i.test(env.userAgent)) return 'wechat';
  const ios =
    /iPhone|iPad|iPod/.test(env.userAgent) || (/Macintosh/.test(env.userAgent) && env.maxTouchPoints > 1);
  return ios ? 'ios' : 'browser';
}

/** What the banner decision needs to know, as stored across visits. */
export interface BannerMemory {
  /** Visits so far, this one included. */
  visits: number;
  /** The visit on which the banner was first shown, if ever. */
  shownOnVisit: number | null;
  dismissed: boolean;
}

/**
 * Offer installing in a banner from the second visit on, during one visit only, until
 * dismissed; and only where there is something to offer: an install prompt, iOS's steps, or
 * WeChat's "open in the browser".
 */
export function offerBanner(memory: BannerMemory, way: InstallWay, canPrompt: boolean): boolean {
  if (way === 'installed' || memory.dismissed || memory.visits < 2) return false;
  if (memory.shownOnVisit !== null && memory.shownOnVisit !== memory.visits) return false;
  return way === 'browser' ? canPrompt : true;
}

/** Chromium's install prompt event (not in TypeScript's DOM library). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed'; platform: string }>;
}

const VISITS = 'citylink.visits';
const BANNER_SHOWN_ON = 'citylink.installBannerShownOn';
const BANNER_DISMISSED = 'citylink.installBannerDismissed';
// sessionStorage survives reloads of one tab but not a new tab or a relaunch: one visit.
const VISIT_COUNTED = 'citylink.visitCounted';

const [promptEvent, setPromptEvent] = createSignal<BeforeInstallPromptEvent>();
const [standalone, setStandalone] = createSignal(false);
const [memory, setMemory] = createSignal<BannerMemory>({ visits: 0, shownOnVisit: null, dismissed: false });

/** True when the browser's own install dialog can be opened (`promptInstall`). */
export const canPrompt = () => promptEvent() !== undefined;

/** How this browser installs the app, kept current as the display mode changes. */
export const currentWay = () =>
  installWay({
    userAgent: navigator.userAgent,
    maxTouchPoints: navigator.maxTouchPoints,
    standalone: standalone(),
  });

/** True while the install banner should show on this visit; never in a server render or its hydration. */
export const bannerVisible = () => hydrated() && offerBanner(memory(), currentWay(), canPrompt());

function isStandalone(): boolean {
  // iOS home-screen apps report `navigator.standalone`; others the display-mode media query.
  const legacy = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return legacy || STANDALONE_MODES.some((mode) => matchMedia(`(display-mode: ${mode})`).matches);
}
const STANDALONE_MODES = ['standalone', 'minimal-ui', 'fullscreen', 'window-controls-overlay'];

function readNumber(key: string): number | null {
  const value = Number(recall(key));
  return recall(key) !== null && Number.isInteger(value) ? value : null;
}

/** Where index.html's first script keeps an install offer made before this code loaded. */
const EARLY_PROMPT = 'citylinkInstallPrompt';

/**
 * The offer index.html's first script kept, if any. Read as the window's own property and
 * checked to be an event: while no offer was made, `window.citylinkInstallPrompt` is whatever
 * the document names so (an `<img name>` or `id` in feed markup; named access reaches them),
 * and reading that as an offer threw and left the install listeners unattached.
 */
function earlyPrompt(): Event | undefined {
  const kept = Object.getOwnPropertyDescriptor(window, EARLY_PROMPT)?.value as unknown;
  return kept instanceof Event ? kept : undefined;
}

/**
 * Counts this visit, then listens for the install prompt and for installation; returns the
 * cleanup. Called once from the entry point, early: Chromium fires `beforeinstallprompt` once.
 */
export function watchInstall(): () => void {
  let visits = readNumber(VISITS) ?? 0;
  let counted = false;
  try {
    counted = sessionStorage.getItem(VISIT_COUNTED) !== null;
    sessionStorage.setItem(VISIT_COUNTED, '1');
  } catch {
    // Without sessionStorage every load counts as a visit; the banner still shows only once.
  }
  if (!counted) remember(VISITS, String(++visits));
  setMemory({
    visits,
    shownOnVisit: readNumber(BANNER_SHOWN_ON),
    dismissed: recall(BANNER_DISMISSED) !== null,
  });
  setStandalone(isStandalone());

  const onPrompt = (event: Event) => {
    // Keep Chromium's own mini-infobar away: the app offers installing where it fits.
    event.preventDefault();
    setPromptEvent(event as BeforeInstallPromptEvent);
  };
  const onInstalled = () => {
    setPromptEvent(undefined);
    // Not `delete window.…`: on a name an element holds, that throws in a module's strict mode.
    Reflect.deleteProperty(window, EARLY_PROMPT);
    void askPersistentStorage();
  };
  const displayMode = matchMedia('(display-mode: standalone)');
  const onDisplayMode = () => setStandalone(isStandalone());
  // An offer made before this code loaded was kept by the page's first script (index.html).
  const early = earlyPrompt();
  if (early) onPrompt(early);
  window.addEventListener('beforeinstallprompt', onPrompt);
  window.addEventListener('appinstalled', onInstalled);
  displayMode.addEventListener('change', onDisplayMode);
  return () => {
    window.removeEventListener('beforeinstallprompt', onPrompt);
    window.removeEventListener('appinstalled', onInstalled);
    displayMode.removeEventListener('change', onDisplayMode);
  };
}

/** Records that the banner is on screen, so later visits do not show it again. */
export function markBannerShown(): void {
  const current = memory();
  if (current.shownOnVisit !== null) return;
  remember(BANNER_SHOWN_ON, String(current.visits));
  setMemory({ ...current, shownOnVisit: current.visits });
}

/** Hides the banner for good. */
export function dismissBanner(): void {
  remember(BANNER_DISMISSED, '1');
  setMemory({ ...memory(), dismissed: true });
}

/** Opens the browser's install dialog; true when the reader installed. */
export async function promptInstall(): Promise<boolean> {
  const event = promptEvent();
  if (!event) return false;
  // A prompt event can be used once; Chromium sends a new one if the reader declines.
  setPromptEvent(undefined);
  await event.prompt();
  const { outcome } = await event.userChoice;
  if (outcome === 'accepted') void askPersistentStorage();
  return outcome === 'accepted';
}

/**
 * Asks the browser to keep this site's storage under pressure (installed apps and saved items
 * are worth keeping). Call after installing and on the first saved item; asking again is cheap.
 */
export async function askPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return false;
  }
}
