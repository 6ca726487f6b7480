import { Show, type JSX } from 'solid-js';

/** A screen or section whose content is on its way: a spinner and what is loading, told politely. */
export function LoadingState(props: { label: string }) {
  return (
    <p class="state" data-state="loading" role="status">
      {props.label}
    </p>
  );
}

/** Nothing to show yet: what is missing, why, and what to do about it when something can be done. */
export function EmptyState(props: { title?: string; children: JSX.Element; action?: JSX.Element }) {
  return (
    <div class="state" data-state="empty">
      <Show when={props.title}>{(title) => <p class="state-title">{title()}</p>}</Show>
      <p>{props.children}</p>
      {props.action}
    </div>
  );
}
