// Every icon of the app (manifest icons, maskable icon, apple-touch-icon, favicon.ico) comes
// from the one source drawing, public/icon.svg, generated at build time by vite-plugin-pwa.
import { defineConfig, minimal2023Preset } from '@vite-pwa/assets-generator/config';

// The icon's own green: a maskable or Apple icon is cut to the platform's shape, so its
// padding must be the same colour as the drawing rather than white.
const brand = { background: '#0b6e4f', fit: 'contain' as const };

export default defineConfig({
  headLinkOptions: { preset: '2023' },
  preset: {
    ...minimal2023Preset,
    // The platform's mask keeps only the central 80% circle (the maskable "safe zone").
    maskable: { ...minimal2023Preset.maskable, padding: 0.3, resizeOptions: brand },
    // iOS fills transparency with black and rounds the corners itself.
    apple: { ...minimal2023Preset.apple, padding: 0.1, resizeOptions: brand },
  },
  images: ['public/icon.svg'],
});
