#!/usr/bin/env node
// The `citylink-feed` command: its TypeScript (src/) compiled into one JavaScript file with the
// core inlined (dist/cli.js, `npm run build` here; the repository's `npm install` builds it), so
// plain Node runs it with no TypeScript runner.
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
