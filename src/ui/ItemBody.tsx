import { For, Show } from 'solid-js';
import { sanitizeHtml } from '../lib/sanitize';

/**
 * An item's body: sanitized HTML, or plain text as paragraphs, marked with its language.
 * `noImages` (data saver) drops images before they reach the DOM, so none is requested.
 */
export function ItemBody(props: { html?: string; text?: string; lang?: string; noImages?: boolean }) {
  const paragraphs = () => (props.text ?? '').split(/\n\s*\n/).filter((p) => p.trim() !== '');
  return (
    <Show
      when={props.html}
      fallback={
        <div class="prose" lang={props.lang}>
          <For each={paragraphs()}>{(p) => <p>{p}</p>}</For>
        </div>
      }
    >
      {(html) => {
        // TrustedHTML where the browser has Trusted Types; Solid's typings only name strings,
        // and the browser takes either at innerHTML.
        const safe = () => sanitizeHtml(html(), { noImages: props.noImages }) as string;
        // eslint-disable-next-line solid/no-innerhtml -- the HTML passed DOMPurify just above
        return <div class="prose" lang={props.lang} innerHTML={safe()} />;
      }}
    </Show>
  );
}
