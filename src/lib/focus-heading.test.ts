// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { focusWhenThere, makeHeadingFocus } from './focus-heading';

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('makeHeadingFocus', () => {
  let main: HTMLElement;
  let cleanup: (() => void) | undefined;
  beforeEach(() => {
    document.body.innerHTML = '<button id="tab">Events</button><main id="main"></main>';
    main = document.getElementById('main') as HTMLElement;
  });
  afterEach(() => {
    cleanup?.();
    vi.useRealTimers();
  });

  it('focuses a heading that is already there, without making it a Tab stop', () => {
    main.innerHTML = '<section><h1>Events</h1></section>';
    cleanup = makeHeadingFocus(main);
    const heading = main.querySelector('h1');
    expect(document.activeElement).toBe(heading);
    expect(heading?.tabIndex).toBe(-1);
  });

  it('waits for a heading that renders with async data', async () => {
    main.innerHTML = '<p>Loading…</p>';
    cleanup = makeHeadingFocus(main);
    expect(document.activeElement).toBe(document.body);
    main.innerHTML = '<article><h1>Family Roots Clinic</h1></article>';
    await flush();
    expect(document.activeElement?.textContent).toBe('Family Roots Clinic');
  });

  it('leaves focus alone once the reader has moved it', async () => {
    cleanup = makeHeadingFocus(main);
    (document.getElementById('tab') as HTMLButtonElement).focus();
    main.innerHTML = '<h1>Events</h1>';
    await flush();
    expect(document.activeElement?.id).toBe('tab');
  });

  it('stops waiting after the time limit and after cleanup', async () => {
    vi.useFakeTimers();
    makeHeadingFocus(main, 1000);
    vi.advanceTimersByTime(1000);
    const stop = makeHeadingFocus(main);
    stop();
    vi.useRealTimers();
    main.innerHTML = '<h1>Too late</h1>';
    await flush();
    expect(document.activeElement).toBe(document.body);
  });
});

describe('focusWhenThere', () => {
  beforeEach(() => {
    document.body.innerHTML = '<button id="tab">Events</button><main id="main"></main>';
  });

  it('held, gives focus again when a re-render takes the element away and brings it back', async () => {
    const main = document.getElementById('main') as HTMLElement;
    main.innerHTML = '<nav class="chips"><a href="/events" aria-current="page">All</a></nav>';
    const find = () => main.querySelector<HTMLElement>('[aria-current="page"]');
    const stop = focusWhenThere(main, find, { hold: true });
    const chip = find();
    expect(document.activeElement).toBe(chip);
    // A Suspense boundary shows its fallback, then puts the same nodes back.
    const nav = main.firstElementChild as HTMLElement;
    nav.remove();
    main.innerHTML = '<p>Loading…</p>';
    await flush();
    expect(document.activeElement).toBe(document.body);
    main.replaceChildren(nav);
    await flush();
    expect(document.activeElement).toBe(chip);
    // Once the reader moves on, it lets go.
    (document.getElementById('tab') as HTMLButtonElement).focus();
    main.replaceChildren();
    main.append(nav);
    await flush();
    expect(document.activeElement?.id).toBe('tab');
    stop();
  });
});
