import { afterAll, beforeAll } from 'vitest';
import { pgliteFolders } from './testing/pglite';
import { sendingScenarios } from './testing/scenarios';

// PGlite, persisted to a folder as `npm run push` keeps it: a restart reopens the same folder.
const folders = pgliteFolders();
beforeAll(() => folders.prepare(), 120_000);
afterAll(() => folders.remove(), 120_000);

sendingScenarios('PGlite', { fresh: () => Promise.resolve({ dataDir: folders.fresh() }) });
