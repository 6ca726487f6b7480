// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { createDefaultPolicy, scriptCapable } from './trusted-types';

/** A stand-in for the browser's factory (jsdom has no Trusted Types): it records the policies. */
function factory() {
  const policies = new Map<string, TrustedTypePolicyOptions>();
  const fake = {
    createPolicy: (name: string, options: TrustedTypePolicyOptions) => {
      if (policies.has(name)) throw new TypeError(`duplicate policy ${name}`);
      policies.set(name, options);
      return { name, createHTML: (input: string) => options.createHTML?.(input) };
    },
  } as unknown as TrustedTypePolicyFactory;
  return { fake, policies };
}

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('the default Trusted Types policy', () => {
  const { fake, policies } = factory();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const createHTML = createDefaultPolicy(fake);

  it('creates only the default policy and its private inspection policy, and no script sinks', () => {
    expect([...policies.keys()].sort()).toEqual(['citylink-inspect', 'default']);
    expect(Object.keys(policies.get('default') ?? {})).toEqual(['createHTML']);
  });

  it("passes Solid's compiled templates unchanged", () => {
    // As the compiler writes them (from the built bundle): plain elements, forms, SVG shapes.
    for (const template of [
      '<button type=button class=action aria-haspopup=dialog>',
      '<a class=action target=_blank rel="noopener noreferrer">',
      '<form role=search class=search-form><label><input type=search name=q>',
      '<svg viewBox="0 0 24 24"aria-hidden=true><path fill=none stroke=currentColor stroke-width=2>',
      '<svg class=qr-code role=img shape-rendering=crispEdges><rect fill=#fff></rect><path fill=#000>',
      '<img class=article-image alt="">',
      '<details><summary></summary><ol>',
      '<p class=muted> · <!>',
    ]) {
      expect(createHTML(template), template).toBe(template);
    }
  });

  it('refuses any markup that can run or load code', () => {
    for (const hostile of [
      '<img src=x onerror=alert(1)>',
      '<p><script>alert(1)</script></p>',
      '<svg><script>alert(1)</script></svg>',
      '<a href="javascript:alert(1)">x</a>',
      '<a href="&#106;avascript:alert(1)">entity-encoded</a>',
      '<a href=" java\tscript:alert(1)">whitespace</a>',
      '<form action="javascript:alert(1)"><button>go</button></form>',
      '<button formaction="JAVASCRIPT:alert(1)">go</button>',
      '<iframe srcdoc="<b>x</b>"></iframe>',
      '<object data="x.swf"></object>',
      '<embed src="x">',
      '<base href="https://evil.example.org/">',
      '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
      '<link rel=import href=x>',
      '<svg><animate attributeName=href to=javascript:alert(1) /></svg>',
      '<svg><use href="data:image/svg+xml,<svg id=x></svg>#x"/></svg>',
      '<svg><foreignObject><p>x</p></foreignObject></svg>',
      '<math><a href=vbscript:x>x</a></math>',
      '<img src="data:text/html,<script>alert(1)</script>">',
      '<template><img src=x onerror=alert(1)></template>',
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
      '<style>@import "x"</style>',
      // Attributes of the document's own elements, which a template would drop and a sink such
      // as document.write would keep.
      '<body onload=alert(1)>',
      '<html onclick=alert(1)><p>x</p>',
      '<HEAD><BODY ONPAGESHOW=alert(1)>',
      '<frameset onload=alert(1)>',
      // Kept by a template, where a document's body would drop it.
      '<table><td onclick=alert(1)>x</td></table>',
    ]) {
      expect(createHTML(hostile), hostile).toBeNull();
    }
  });
});

describe('scriptCapable', () => {
  it('names what it found', () => {
    expect(scriptCapable(parse('<p><b onclick="x()">a</b></p>'))).toBe('<b onclick>');
    expect(scriptCapable(parse('<iframe></iframe>'))).toBe('<iframe>');
    expect(scriptCapable(parse('<p>plain <i>text</i></p>'))).toBeUndefined();
  });
});
