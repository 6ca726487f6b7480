import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';
import { prerenderPlugin } from './scripts/prerender';

export default defineConfig({
  plugins: [
    solid(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      // The page registers the worker itself through workbox-window (src/pwa/worker.ts).
      injectRegister: false,
      // The glob below already takes the icons; the plugin adds the web manifest by itself.
      includeManifestIcons: false,
      injectManifest: {
        // vite-plugin-pwa 2 + Vite 8 emits an ES module otherwise, which a classic worker
        // registration cannot evaluate: the app would silently have no offline support.
        rollupFormat: 'iife',
        globPatterns: ['**/*.{js,css,html,svg,png,webp,woff2}'],
        // The feed is synced into IndexedDB; it must never sit in the precache.
        // Prerendered item pages are for link previews and first visits; once the worker runs,
        // every address gets the app shell, so caching them would only cost storage.
        globIgnores: ['feed*.json', '**/feed*.json', 'news/**', 'events/**', 'contacts/**'],
      },
      manifest: {
        name: 'Citylink Jiangmen',
        short_name: 'Citylink',
        description: "Jiangmen's news, events and contacts, online or offline.",
        lang: 'en',
        theme_color: '#0b6e4f',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
    }),
    prerenderPlugin(),
  ],
  build: {
    target: 'es2022',
  },
});
