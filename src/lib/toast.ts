/**
 * Toasts (Material's snackbars): short confirmations ("Link copied", "Copied") shown over the
 * bottom of the screen, above the navigation. They go by themselves, are read out politely, and
 * a new screen clears them, so none outlives the screen it was about. What the reader must still
 * act on (a failure, the update prompt) is not a toast that goes.
 */
import { createSignal } from 'solid-js';

export interface Toast {
  id: number;
  /** A function, so the words follow the interface language while the toast is up. */
  text: () => string;
}

const [toasts, setToasts] = createSignal<readonly Toast[]>([]);
const timers = new Map<number, ReturnType<typeof setTimeout>>();
let nextId = 1;

/** The toasts up now, oldest first. */
export { toasts };

/** Time on screen: long enough to read the words twice, never less than 4 s (Material's minimum). */
export function toastDuration(text: string): number {
  return Math.min(10_000, Math.max(4000, text.length * 90));
}

/** Shows a toast; the same words already up are shown again rather than twice. */
export function showToast(text: () => string): void {
  const words = text();
  for (const toast of toasts()) if (toast.text() === words) dismissToast(toast.id);
  const id = nextId++;
  setToasts((list) => [...list, { id, text }].slice(-2));
  timers.set(
    id,
    setTimeout(() => dismissToast(id), toastDuration(words)),
  );
}

/** Takes one toast down. */
export function dismissToast(id: number): void {
  clearTimeout(timers.get(id));
  timers.delete(id);
  setToasts((list) => list.filter((toast) => toast.id !== id));
}

/**
 * Holds a toast while the reader points at it or has focus in it, so it does not go while
 * being read; `false` lets it go after its time again.
 */
export function holdToast(id: number, held: boolean): void {
  const toast = toasts().find((entry) => entry.id === id);
  if (!toast) return;
  clearTimeout(timers.get(id));
  if (!held)
    timers.set(
      id,
      setTimeout(() => dismissToast(id), toastDuration(toast.text())),
    );
}

/** Takes every toast down (a new screen). */
export function clearToasts(): void {
  for (const toast of toasts()) dismissToast(toast.id);
}
