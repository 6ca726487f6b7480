import { For, Show } from 'solid-js';
import { sanitizeHtml } from '../lib/sanitize';

/** An item's body: sanitized HTML, or plain text as paragraphs. */
export function ItemBody(props: { html?: string; text?: string }) {
  const paragraphs = () => (props.text ?? '').split(/\n\s*\n/).filter((p) => p.trim() !== '');
  return (
    <Show
      when={props.html}
      fallback={
        <div class="prose">
          <For each={paragraphs()}>{(p) => <p>{p}</p>}</For>
        </div>
      }
    >
      {/* eslint-disable-next-line solid/no-innerhtml -- the HTML passes DOMPurify right here */}
      {(html) => <div class="prose" innerHTML={sanitizeHtml(html())} />}
    </Show>
  );
}
