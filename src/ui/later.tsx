import { createEffect, createSignal, Show, type Component } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { hydrated } from '../lib/hydration';
import { loadMore } from '../i18n';
import { turns } from '../lib/turns';

/**
 * A component whose code loads once the page has hydrated, for what only the device decides
 * (the install offer, the update prompt and toasts): the server renders nothing for it, so it
 * need not load before the first screen is interactive. Its chunk is precached like any other,
 * so it shows offline too. Not `lazy()`: that would hold hydration's transition until it loads.
 */
export function later<P extends object>(name: string, load: () => Promise<Component<P>>): Component<P> {
  return (props) => {
    const [component, setComponent] = createSignal<Component<P>>();
    createEffect(() => {
      if (!hydrated() || component()) return;
      // Loaded and shown in turns (src/lib/turns.ts): the components that wait for hydration
      // would otherwise all ask for their chunks and render in one task.
      // Their text is beyond the core catalogue (src/i18n/index.ts).
      void turns.run(() => {
        Promise.all([load(), loadMore()]).then(
          ([loaded]) => void turns.run(() => setComponent(() => loaded)),
          // Offline before the chunk was ever cached (no worker yet): the next start tries again.
          (error: unknown) => console.warn(`Citylink: ${name} could not load.`, error),
        );
      });
    });
    return <Show when={component()}>{(loaded) => <Dynamic component={loaded()} {...props} />}</Show>;
  };
}
