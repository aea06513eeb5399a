import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// The workspace is served by the gateway from web/dist: every asset local, hashed names under /assets.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true, assetsDir: 'assets', sourcemap: false, modulePreload: { polyfill: false } },
});
