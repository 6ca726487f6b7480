/**
 * Feed HTML that runs no script but tries to take over the page (issue 22): claim the app's
 * elements during hydration, pass for the app's own UI, clobber its globals and ids, or tell
 * another host who reads what. The units (src/lib/sanitize.test.ts), the prerender's unit
 * test and the e2e specs (tests/e2e/takeover.spec.ts) use these same bodies.
 */

/** A host no city allows: its pictures must wait for a tap. */
export const TRACKER = 'evil.example';

export interface Takeover {
  name: string;
  html: string;
}

export const TAKEOVERS: Takeover[] = [
  {
    // Solid's hydration claims elements by data-hk: on a prerendered item page this nav was
    // taken for the app's own tab bar, whose links then led to another host.
    name: 'hydration hijack',
    html:
      '<nav data-hk="000009" class="tab-bar" aria-label="Sections">' +
      `<a data-hk="00000a1000" href="https://${TRACKER}/news">News</a>` +
      `<a data-hk="00000a1001" href="https://${TRACKER}/events">Events</a></nav>`,
  },
  {
    name: 'fake toast',
    html: '<div class="toast" role="status" style="position:fixed;bottom:80px">Call +86 000 0000 now</div>',
  },
  {
    name: 'fake offline banner',
    html: '<div class="banner offline" role="status"><p>You are offline. Call +86 000 0000.</p></div>',
  },
  {
    name: 'second tab bar',
    html: `<nav class="tab-bar" aria-label="Sections"><a class="tab" href="https://${TRACKER}/">News</a></nav>`,
  },
  {
    name: 'clobbered install prompt',
    html: '<p><img name="citylinkInstallPrompt" src="/favicon.svg" alt="">Install</p>',
  },
  { name: 'second root', html: '<div id="root"><p>Second root</p></div>' },
  { name: 'second h1', html: '<h1>Official: second headline</h1><h2>Section</h2><p>Text</p>' },
  {
    name: 'tracking pixel',
    html: `<p>Read on.<img src="http://${TRACKER}/pixel.png" width="1" height="1" alt=""></p>`,
  },
  {
    name: 'table background',
    html: `<table background="https://${TRACKER}/bg.png"><tr><td>Cell</td></tr></table>`,
  },
  {
    // A copy of the policy's own held picture, naming a tracker: held all the same.
    name: 'forged held picture',
    html: `<button type="button" class="held-image" data-held-src="https://${TRACKER}/forged.png">Show</button>`,
  },
];

/** All the bodies in one, as one hostile item would carry them. */
export const TAKEOVER_HTML = TAKEOVERS.map((takeover) => takeover.html).join('\n');
