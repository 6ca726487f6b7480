import { For, Show } from 'solid-js';
import { sanitizeHtml } from '../lib/sanitize';

/** An item's body: sanitized HTML, or plain text as paragraphs, marked with its language. */
export function ItemBody(props: { html?: string; text?: string; lang?: string }) {
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
      {/* eslint-disable-next-line solid/no-innerhtml -- the HTML passes DOMPurify right here */}
      {(html) => <div class="prose" lang={props.lang} innerHTML={sanitizeHtml(html())} />}
    </Show>
  );
}
