import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { staticHeaderPolicy, workerPolicy } from './csp';
import { netlifyHeaders, netlifyRedirects, nginxSite } from './deploy-config';

const docs = new URL('../docs/deployment.md', import.meta.url);
const GENERATED: Record<string, () => string> = {
  nginx: () => nginxSite({ policy: {} }),
  'netlify-headers': () => netlifyHeaders({ policy: {} }),
  'netlify-redirects': () => netlifyRedirects(),
};
// `<!-- generated: name -->`, a blank line, then the fenced block the generator wrote.
const BLOCK = /(<!-- generated: ([a-z-]+) -->\n\n```[a-z]*\n)([\s\S]*?)(```)/g;

describe('docs/deployment.md', () => {
  // The configurations in the documentation are the ones the tests run (tests/e2e/nginx.spec.ts):
  // this fails when the page and build/deploy-config.ts differ; UPDATE_DOCS=1 rewrites the page.
  it('holds the configurations build/deploy-config.ts generates, each once', () => {
    const text = readFileSync(docs, 'utf8');
    const seen: string[] = [];
    const updated = text.replace(BLOCK, (_all, open: string, name: string, _body: string, close: string) => {
      seen.push(name);
      const generate = GENERATED[name];
      if (!generate) throw new Error(`docs/deployment.md: no generator for "${name}"`);
      return `${open}${generate()}${close}`;
    });
    expect(seen.sort()).toEqual(Object.keys(GENERATED).sort());
    if (process.env.UPDATE_DOCS) writeFileSync(docs, updated);
    expect(text).toBe(updated);
  });
});

describe('nginxSite', () => {
  it("sends the build's shared page policy on HTML and the worker's own on /sw.js", () => {
    const site = nginxSite({ policy: {} });
    const page = `add_header Content-Security-Policy "${staticHeaderPolicy({})}" always;`;
    expect(site.split(page).length - 1).toBe(3);
    const worker = /location = \/sw\.js \{([^}]*)\}/.exec(site)?.[1] ?? '';
    expect(worker).toContain(`add_header Content-Security-Policy "${workerPolicy({})}" always;`);
  });

  it('puts a feed on another host in connect-src, for the pages and the worker', () => {
    const site = nginxSite({ policy: { feedOrigin: 'https://feeds.example.org' } });
    expect(site).toContain("connect-src 'self' https://feeds.example.org;");
    expect(site).toContain("connect-src 'self' https: https://feeds.example.org\"");
  });

  it('takes the root and the listen address it is given', () => {
    const site = nginxSite({ root: '/srv/site', listen: '127.0.0.1:8080' });
    expect(site).toMatch(/^ {4}listen 127\.0\.0\.1:8080;$/m);
    expect(site).toMatch(/^ {4}root \/srv\/site;$/m);
  });
});
