import preact from '@preact/preset-vite';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const COMPRESSIBLE = /\.(?:html|js|css|svg|json|txt)$/;

/**
 * Pre-compressed copies of each text file of the build, `name.br` and `name.gz` beside it, so the
 * gateway serves the one the browser accepts without compressing per request. A copy no smaller
 * than the file is not written.
 */
function precompress(): Plugin {
  return {
    name: 'dti-precompress',
    apply: 'build',
    enforce: 'post',
    generateBundle(_, bundle) {
      for (const item of Object.values(bundle)) {
        if (!COMPRESSIBLE.test(item.fileName)) continue;
        const source = Buffer.from(item.type === 'chunk' ? item.code : item.source);
        const variants: Array<[string, Buffer]> = [
          ['.br', brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length } })],
          ['.gz', gzipSync(source, { level: 9 })],
        ];
        for (const [suffix, compressed] of variants) {
          if (compressed.length < source.length) this.emitFile({ type: 'asset', fileName: `${item.fileName}${suffix}`, source: compressed });
        }
      }
    },
  };
}

// The workspace is served by the gateway from web/dist: every asset local, hashed names under /assets.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [preact(), precompress()],
  build: { outDir: 'dist', emptyOutDir: true, assetsDir: 'assets', sourcemap: false, modulePreload: { polyfill: false } },
});
