/**
 * The loader's entry, built by Vite beside the app (vite.config.ts) and put into every rendered
 * page (build/loader.ts), with its settings as a JSON block.
 */
import { SETTINGS_ID, startApp, type LoaderSettings } from './start';

const block = document.getElementById(SETTINGS_ID);
if (block?.textContent) startApp(JSON.parse(block.textContent) as LoaderSettings);
