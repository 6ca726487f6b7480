import type { JSX } from 'solid-js';

/**
 * A screen that cannot show what was asked for (an item not on this device, an unknown
 * address): its heading says so, a sentence says why, an action leads on.
 */
export function ErrorState(props: { title: string; children: JSX.Element; action?: JSX.Element }) {
  return (
    <section class="page" data-state="error">
      <h1 data-screen-title>{props.title}</h1>
      <p>{props.children}</p>
      {props.action}
    </section>
  );
}
