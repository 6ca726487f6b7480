import { describe, expect, it } from 'vitest';
import { matchRoute, type RouteDefinition } from './route-match';

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
