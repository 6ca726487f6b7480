/**
 * The status bar (the frame's banners) and the lists' status line, as lazy components: one chunk
 * for both, off the code the home needs before it is interactive, with their text beyond the
 * core catalogue (`loadMore()`). Hydrating, Solid keeps their server HTML until it is here.
 */
import { lazy } from 'solid-js';
import { loadMore } from '../../i18n';

const load = () => Promise.all([import('./StatusBar'), loadMore()]).then(([module]) => module);

export const StatusBar = lazy(() => load().then((module) => ({ default: module.StatusBar })));
export const StatusLine = lazy(() => load().then((module) => ({ default: module.StatusLine })));
