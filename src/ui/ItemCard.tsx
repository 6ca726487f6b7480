import { Show, type JSX } from 'solid-js';
import { Dynamic } from 'solid-js/web';

/** One row of a list: a linked title, a meta line, a short text and an optional thumbnail. */
export function ItemCard(props: {
  href: string;
  title: string;
  /** The meta line: a date, a time, a place's hours; after the badges. */
  meta: JSX.Element;
  text?: string;
  image?: string;
  badge?: JSX.Element;
  /** Language of the title and text (not of the meta line, which is interface text). */
  lang?: string;
  /** Heading level of the title, under the list's own headings. */
  level?: 2 | 3 | 4;
}) {
  return (
    <article class="card">
      <div class="card-body">
        <Dynamic component={`h${props.level ?? 2}`} class="card-title" lang={props.lang}>
          <a href={props.href}>{props.title}</a>
        </Dynamic>
        {/* Not behind a Show of `meta || badge`: that read would render the meta a second time. */}
        <p class="card-meta">
          {props.badge}
          {props.meta}
        </p>
        <Show when={props.text}>
          <p class="card-text" lang={props.lang}>
            {props.text}
          </p>
        </Show>
      </div>
      <Show when={props.image}>
        {(src) => (
          // A feed image may live on any host: it is not told which screen asked for it.
          <img
            class="card-thumb"
            src={src()}
            alt=""
            loading="lazy"
            decoding="async"
            referrerpolicy="no-referrer"
            width="96"
            height="96"
          />
        )}
      </Show>
    </article>
  );
}
