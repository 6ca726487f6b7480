// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { inApp, matchRoute, type RouteDefinition } from './route-match';

const screen = () => null;
const routes = [
  { path: ['/', '/news'], component: screen },
  { path: '/news/:key', component: screen },
  { path: '/events', component: screen },
  { path: '*404', component: screen },
] satisfies RouteDefinition[];

describe('matchRoute', () => {
  it('finds the route of an address, with its parameter as written in the address', () => {
    expect(matchRoute(routes, '/')?.route).toBe(routes[0]);
    expect(matchRoute(routes, '/news')?.route).toBe(routes[0]);
    expect(matchRoute(routes, '/news/%E6%B1%9F%E9%97%A8')).toEqual({
      route: routes[1],
      params: { key: '%E6%B1%9F%E9%97%A8' },
    });
  });

  it('takes a trailing slash and any case of a fixed segment, as links are typed', () => {
    expect(matchRoute(routes, '/events/')?.route).toBe(routes[2]);
    expect(matchRoute(routes, '/Events')?.route).toBe(routes[2]);
    expect(matchRoute(routes, '/News/AbC')?.params).toEqual({ key: 'AbC' });
  });

  it('gives anything else to the catch-all, and nothing when there is none', () => {
    expect(matchRoute(routes, '/news/a/b')?.route).toBe(routes[3]);
    expect(matchRoute(routes, '/eventsx')?.route).toBe(routes[3]);
    expect(matchRoute(routes.slice(0, 3), '/nowhere')).toBeUndefined();
  });
});

describe('inApp', () => {
  const link = (href: string, attributes: Record<string, string> = {}) => {
    const a = document.createElement('a');
    a.href = href;
    for (const [name, value] of Object.entries(attributes)) a.setAttribute(name, value);
    return a;
  };
  const click = (init: MouseEventInit = {}) => new MouseEvent('click', { button: 0, ...init });

  it("takes a plain click on a link to one of the app's addresses on this site", () => {
    expect(inApp(link('/events?tag=health'), click())).toBe(true);
    expect(inApp(link('/news/release-v1.2'), click())).toBe(true);
    expect(inApp(link('#main'), click())).toBe(true);
  });

  it('leaves files, the API, other sites, new tabs, downloads and modified clicks to the browser', () => {
    expect(inApp(link('/feed.json'), click())).toBe(false);
    expect(inApp(link('/docs/guide.pdf'), click())).toBe(false);
    expect(inApp(link('/api/notices'), click())).toBe(false);
    expect(inApp(link('https://example.org/events'), click())).toBe(false);
    expect(inApp(link('/events', { target: '_blank' }), click())).toBe(false);
    expect(inApp(link('/events', { download: '' }), click())).toBe(false);
    expect(inApp(link('/events'), click({ ctrlKey: true }))).toBe(false);
    expect(inApp(link('/events'), click({ button: 1 }))).toBe(false);
  });
});
