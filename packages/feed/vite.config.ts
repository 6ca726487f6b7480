import { defineConfig } from 'vite';

// The command as one ES module for plain Node (bin/citylink-feed.js imports it). A server-side
// build keeps the npm packages it imports external, so they stay this package's dependencies,
// and inlines what it imports by path: its own modules and the core's TypeScript, which Node
// could not load from node_modules.
export default defineConfig({
  build: {
    ssr: 'src/cli.ts',
    outDir: 'dist',
    target: 'node20',
    minify: false,
    rollupOptions: { output: { entryFileNames: 'cli.js' } },
  },
});
