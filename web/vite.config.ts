import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(webRoot, '..');

/**
 * Writes a Brotli and a gzip copy beside every script, style sheet and SVG of the build; the server
 * sends the one the browser accepts (@fastify/static `preCompressed`). Fonts are WOFF2, compressed already.
 */
function precompress(): Plugin {
  return {
    name: 'kompass-precompress',
    apply: 'build',
    writeBundle(options) {
      const dir = path.join(options.dir ?? path.join(webRoot, 'dist'), 'assets');
      for (const file of fs.readdirSync(dir)) {
        if (!/\.(js|css|svg)$/.test(file)) continue;
        const body = fs.readFileSync(path.join(dir, file));
        fs.writeFileSync(path.join(dir, `${file}.gz`), zlib.gzipSync(body, { level: 9 }));
        fs.writeFileSync(path.join(dir, `${file}.br`), zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
      }
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), precompress()],
  server: {
    port: 5173,
    fs: { allow: [repoRoot] },
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: path.join(webRoot, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // The server reads it to tell the browser early which chunks a page needs (src/http/preload.ts).
    manifest: true,
    chunkSizeWarningLimit: 700,
    assetsInlineLimit: 0,
  },
});
