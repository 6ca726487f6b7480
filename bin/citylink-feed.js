#!/usr/bin/env node
// The `citylink-feed` command. Its code is TypeScript that shares the app's feed parser
// (packages/core/src/parse.ts); tsx, a dependency, compiles it as it loads, so a fresh clone needs
// `npm install` and no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../scripts/feed/cli.ts');
process.exitCode = await main(process.argv.slice(2));
