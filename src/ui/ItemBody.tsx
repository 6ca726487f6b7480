import { createEffect, createMemo, For, Show } from 'solid-js';
import { convertedTarget } from '@citylink/core/traditional';
import { hydrating } from '../lib/hydration';
import { httpsImage } from '../lib/image-url';
import { HELD_ALT, HELD_SRC, sanitizeHtml } from '../lib/sanitize';

/**
 * An item's body: sanitized HTML, or plain text as paragraphs, marked with its language.
 * `noImages` (data saver) drops images before they reach the DOM, so none is requested.
 * A picture the policy held (src/lib/sanitize.ts) is shown when its button is pressed.
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
        // What the body is made from: it is sanitized, and set, again only when that changes,
        // not when the item is read again or the page turns to the device's settings (setting
        // the same markup again would fetch its images anew and lose the reader's selection).
        const source = createMemo(() => ({ html: html(), noImages: props.noImages }), undefined, {
          equals: (a, b) => a.html === b.html && a.noImages === b.noImages,
        });
        // Not while the page hydrates: Solid keeps the server's markup, sanitized at build time
        // by the same rules, and drops the value; DOMPurify on a long article costs tens of ms
        // on a slow phone. TrustedHTML where the browser has Trusted Types; Solid's typings only
        // name strings, and the browser takes either at innerHTML.
        const safe = createMemo(() => {
          const { html, noImages } = source();
          return hydrating() ? '' : (sanitizeHtml(html, { noImages }) as string);
        });
        // A body shown converted (its language says so, packages/core/src/traditional.ts) has
        // its text nodes converted once set (or, once hydrated, the server's); when the reader
        // asks for the original, the same markup is set again.
        let prose: HTMLDivElement | undefined;
        let converted = false;
        createEffect(() => {
          const markup = safe();
          const target = convertedTarget(props.lang);
          if (!prose || hydrating()) return;
          const body = prose;
          if (target) {
            converted = true;
            void import('../lib/convert-dom').then(({ convertTextNodes }) => convertTextNodes(body, target));
          } else if (converted) {
            converted = false;
            body.innerHTML = markup;
          }
        });
        return (
          <div
            ref={(element) => (prose = element)}
            class="prose"
            data-feed-html
            lang={props.lang}
            onClick={showHeld}
            // eslint-disable-next-line solid/no-innerhtml -- the HTML passed DOMPurify just above
            innerHTML={safe()}
          />
        );
      }}
    </Show>
  );
}

/**
 * Shows the held picture whose button was pressed, in the button's place. The picture is built
 * here from the button's two attributes, never parsed from markup, and focused (it takes focus
 * from the script only), so that a screen reader reads its text alternative where the button
 * was rather than losing its place.
 */
function showHeld(event: MouseEvent): void {
  const button = (event.target as Element | null)?.closest(`button[${HELD_SRC}]`);
  const src = button?.getAttribute(HELD_SRC);
  if (!button || !src) return;
  const image = document.createElement('img');
  image.alt = button.getAttribute(HELD_ALT) ?? '';
  image.referrerPolicy = 'no-referrer';
  image.src = httpsImage(src, location.origin);
  image.tabIndex = -1;
  button.replaceWith(image);
  image.focus();
}
