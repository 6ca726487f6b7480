/**
 * The page's side of push notifications: whether this browser can have them (and why not),
 * this device's subscription, and the calls to the push service (server/push). The reader's
 * choices live on the service; a copy is kept in localStorage so that Settings can show them
 * offline. Nothing here asks for permission unless the reader pressed a button for it.
 */
import type { Language } from '@citylink/core/languages';
import { pushServiceUrl } from '../../data/config';
import type { InstallWay } from '../../pwa/install';
import { recall, remember } from '../../pwa/remember';

/** What a subscription receives. `topics` empty: new events of every topic. */
export interface PushChoices {
  language: Language;
  urgent: boolean;
  events: boolean;
  topics: string[];
}

/** Why push cannot be had here. */
export type PushBlock = 'insecure' | 'ios' | 'unsupported' | 'denied';

/** What `pushBlock` decides from: plain values, so it is tested without a browser. */
export interface PushEnv {
  secure: boolean;
  /** Service worker, PushManager and Notification all present. */
  hasPush: boolean;
  way: InstallWay;
  permission: NotificationPermission | undefined;
}

/**
 * Why this browser cannot receive push, if it cannot. iOS and iPadOS give web push only to apps
 * added to the Home Screen: in a Safari tab there is no PushManager at all.
 */
export function pushBlock(env: PushEnv): PushBlock | undefined {
  if (!env.secure) return 'insecure';
  if (!env.hasPush) return env.way === 'ios' ? 'ios' : 'unsupported';
  if (env.permission === 'denied') return 'denied';
  return undefined;
}

/** This page's `PushEnv`. */
export function pushEnv(way: InstallWay): PushEnv {
  return {
    secure: window.isSecureContext,
    hasPush: 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window,
    way,
    permission: 'Notification' in window ? Notification.permission : undefined,
  };
}

/** Why a change did not go through, for the reader. */
export class PushError extends Error {
  constructor(
    readonly reason: 'refused' | 'unreachable' | 'forgotten' | 'failed',
    detail: string = reason,
  ) {
    super(detail);
  }
}

const CHOICES = 'citylink.push';

/** The choices last confirmed by the service, as kept on this device. */
export function rememberedChoices(): PushChoices | undefined {
  try {
    return (JSON.parse(recall(CHOICES) ?? 'null') as PushChoices | null) ?? undefined;
  } catch {
    return undefined;
  }
}

function keep(choices: PushChoices | undefined): void {
  if (choices) remember(CHOICES, JSON.stringify(choices));
  else {
    try {
      localStorage.removeItem(CHOICES);
    } catch {
      // Blocked storage: nothing was kept.
    }
  }
}

async function call(path: string, method: string, body?: unknown): Promise<Response> {
  try {
    return await fetch(new URL(path, pushServiceUrl(window.location.href)), {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    throw new PushError('unreachable');
  }
}

/** This device's push subscription, if it has one. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!('serviceWorker' in navigator)) return null;
  const registration = await navigator.serviceWorker.getRegistration();
  return (await registration?.pushManager.getSubscription()) ?? null;
}

function owner(subscription: PushSubscription): { endpoint: string; auth: string } {
  const json = subscription.toJSON();
  return { endpoint: subscription.endpoint, auth: json.keys?.auth ?? '' };
}

/**
 * What this device receives, as the service has it: undefined when it has no subscription,
 * `forgotten` when the service no longer knows it (it was removed after its push service
 * answered that it is gone). Offline, the choices kept on the device.
 */
export async function readChoices(): Promise<PushChoices | 'forgotten' | undefined> {
  const subscription = await currentSubscription();
  if (!subscription) {
    keep(undefined);
    return undefined;
  }
  let response: Response;
  try {
    response = await call('subscription/read', 'POST', owner(subscription));
  } catch (error) {
    const kept = rememberedChoices();
    if (kept) return kept;
    throw error;
  }
  if (response.status === 404) return 'forgotten';
  if (!response.ok) throw new PushError('unreachable', `HTTP ${response.status}`);
  const choices = (await response.json()) as PushChoices;
  keep(choices);
  return choices;
}

/**
 * Turns notifications on, or changes what they bring: asks for permission (only ever from here,
 * after the reader pressed the button), subscribes with the service's key, and stores the
 * subscription with the reader's choices on the service.
 */
export async function subscribe(choices: PushChoices): Promise<PushChoices> {
  // Answered at once, without a prompt, when the reader allowed notifications before.
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') throw new PushError('refused');
  const registration = await navigator.serviceWorker.ready;
  const keyResponse = await call('key', 'GET');
  if (!keyResponse.ok) throw new PushError('unreachable', `HTTP ${keyResponse.status}`);
  const { publicKey } = (await keyResponse.json()) as { publicKey: string };
  const key = fromBase64Url(publicKey);

  let subscription = await registration.pushManager.getSubscription();
  const current = subscription?.options.applicationServerKey;
  // A subscription made with another key (the service's keys were replaced) cannot be reused.
  if (subscription && current && !sameBytes(new Uint8Array(current), key)) {
    await subscription.unsubscribe();
    subscription = null;
  }
  try {
    subscription ??= await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: key,
    });
  } catch (error) {
    throw new PushError('failed', error instanceof Error ? error.message : String(error));
  }
  const json = subscription.toJSON();
  const response = await call('subscription', 'PUT', {
    endpoint: subscription.endpoint,
    keys: json.keys,
    ...choices,
  });
  if (!response.ok)
    throw new PushError(response.status === 400 ? 'failed' : 'unreachable', `HTTP ${response.status}`);
  const stored = (await response.json()) as PushChoices;
  keep(stored);
  return stored;
}

/**
 * Turns notifications off: the service forgets the subscription first (so nothing more is
 * sent to it), then the browser drops it. Offline, nothing changes and the reader is told.
 */
export async function unsubscribe(): Promise<void> {
  const subscription = await currentSubscription();
  if (subscription) {
    const response = await call('subscription', 'DELETE', owner(subscription));
    if (!response.ok && response.status !== 404)
      throw new PushError('unreachable', `HTTP ${response.status}`);
    await subscription.unsubscribe();
  }
  keep(undefined);
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
