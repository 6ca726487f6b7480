import { A } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';

/** One row of a list: a linked title, a meta line, a short text and an optional thumbnail. */
export function ItemCard(props: {
  href: string;
  title: string;
  meta?: JSX.Element;
  text?: string;
  image?: string;
  badge?: JSX.Element;
  lang?: string;
}) {
  return (
    <article class="card" lang={props.lang}>
      <div class="card-body">
        <h2 class="card-title">
          <A href={props.href}>{props.title}</A>
        </h2>
        <Show when={props.meta || props.badge}>
          <p class="card-meta">
            {props.badge}
            {props.meta}
          </p>
        </Show>
        <Show when={props.text}>
          <p class="card-text">{props.text}</p>
        </Show>
      </div>
      <Show when={props.image}>
        {(src) => (
          <img class="card-thumb" src={src()} alt="" loading="lazy" decoding="async" width="96" height="96" />
        )}
      </Show>
    </article>
  );
}
