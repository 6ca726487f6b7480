/**
 * The constants a build defines from its city (build/city.ts `cityDefines`), as globals with
 * Jiangmen's values: for code that imports the app's catalogues outside a Vite build, such as
 * the Playwright specs and tools run by tsx. Import it before the catalogues.
 */
import jiangmen from '../citylink.config';
import { checkCity, cityDefines } from './city';

for (const [name, value] of Object.entries(cityDefines(checkCity(jiangmen, 'citylink.config.ts')))) {
  if (!name.startsWith('import.meta.')) Object.assign(globalThis, { [name]: JSON.parse(value) as unknown });
}
