/**
 * Script-injection payloads for feed HTML. Each calls `__xss('<id>')` if it ever runs; `{id}`
 * is replaced per copy, so the app's copy and the negative control's are told apart. `runs`
 * says whether the payload runs when put into a page unsanitized (the negative control,
 * through innerHTML, in Chromium): those prove the detector works; `click` ones need a click.
 */
export interface Payload {
  name: string;
  html: string;
  /** Runs without sanitizing: by itself, on a click, or not even then (innerHTML limits). */
  runs: 'itself' | 'click' | 'never';
}

export const PAYLOADS: Payload[] = [
  { name: 'img onerror', html: `<img src="/xss-{id}.png" onerror="__xss('{id}')">`, runs: 'itself' },
  { name: 'script element', html: `<script>__xss('{id}')</script>`, runs: 'never' },
  { name: 'svg script', html: `<svg><script>__xss('{id}')</script></svg>`, runs: 'never' },
  { name: 'svg onload', html: `<svg onload="__xss('{id}')"></svg>`, runs: 'never' },
  {
    name: 'svg animate onbegin',
    html: `<svg><animate onbegin="__xss('{id}')" attributeName="x" dur="1s"></animate></svg>`,
    runs: 'itself',
  },
  {
    name: 'iframe srcdoc',
    html: `<iframe srcdoc="<script>parent.__xss('{id}')</script>"></iframe>`,
    runs: 'itself',
  },
  {
    name: 'iframe javascript: src',
    html: `<iframe src="javascript:parent.__xss('{id}')"></iframe>`,
    runs: 'itself',
  },
  {
    name: 'details ontoggle',
    html: `<details open ontoggle="__xss('{id}')"><summary>s</summary></details>`,
    runs: 'itself',
  },
  {
    name: 'audio onerror',
    html: `<audio src="/xss-{id}.mp3" onerror="__xss('{id}')"></audio>`,
    runs: 'itself',
  },
  {
    name: 'video source onerror',
    html: `<video><source src="/xss-{id}.mp4" onerror="__xss('{id}')"></video>`,
    runs: 'itself',
  },
  { name: 'style onload', html: `<style onload="__xss('{id}')"></style>`, runs: 'itself' },
  {
    name: 'object data javascript:',
    html: `<object data="javascript:__xss('{id}')"></object>`,
    runs: 'never',
  },
  { name: 'embed src javascript:', html: `<embed src="javascript:__xss('{id}')">`, runs: 'never' },
  { name: 'a href javascript:', html: `<a href="javascript:__xss('{id}')">link {id}</a>`, runs: 'click' },
  {
    name: 'a href obfuscated javascript:',
    html: `<a href=" jAvAsCrIpT&colon;__xss('{id}')">link {id}</a>`,
    runs: 'click',
  },
  {
    name: 'a onclick',
    html: `<a href="#" onclick="__xss('{id}');return false">link {id}</a>`,
    runs: 'click',
  },
  {
    name: 'form action javascript:',
    html: `<form action="javascript:__xss('{id}')"><button>send {id}</button></form>`,
    runs: 'click',
  },
  {
    name: 'mXSS math/mglyph/style',
    html: `<math><mtext><table><mglyph><style><img src="/xss-{id}.png" onerror="__xss('{id}')"></style></mglyph></table></mtext></math>`,
    runs: 'never',
  },
  {
    name: 'mXSS noscript title',
    html: `<noscript><p title="</noscript><img src=/xss-{id}.png onerror=__xss('{id}')>"></p></noscript>`,
    runs: 'itself',
  },
  {
    name: 'svg foreignObject img',
    html: `<svg><foreignObject><img src="/xss-{id}.png" onerror="__xss('{id}')"></foreignObject></svg>`,
    runs: 'itself',
  },
  // Autofocus fires only if nothing else has focus yet; the click makes sure.
  { name: 'input autofocus onfocus', html: `<input autofocus onfocus="__xss('{id}')">`, runs: 'click' },
  { name: 'body onload', html: `<body onload="__xss('{id}')">`, runs: 'never' },
  {
    name: 'meta refresh javascript:',
    html: `<meta http-equiv="refresh" content="0;url=javascript:__xss('{id}')">`,
    runs: 'never',
  },
  {
    name: 'img srcset onerror',
    html: `<img srcset="/xss-{id}.png 1x" onerror="__xss('{id}')">`,
    runs: 'itself',
  },
];

/** The payloads as one HTML body, each copy tagged `prefix-<index>`. */
export function payloadHtml(prefix: string): string {
  return PAYLOADS.map((payload, i) => `<p>${i}</p>${payload.html.replaceAll('{id}', `${prefix}-${i}`)}`).join(
    '\n',
  );
}
