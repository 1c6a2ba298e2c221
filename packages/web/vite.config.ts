import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * V8's explicit compile hint on the app's own chunks (decision 015): every function is compiled
 * while the chunk streams in, on a background thread, and the code cache then holds them all.
 * Without it, the functions first called when the person opens a file or unlocks were compiled
 * then, on the main thread (the first file opened after a start: 170–210 ms, 124–133 ms with the
 * hint). libsodium's chunk is left lazy: few of its functions ever run. The comment must be the
 * file's first line: added last, with the source map moved down one line. File names were hashed
 * before it is added: they do not tell a chunk with the hint from one without (the same code).
 */
function eagerCompile(): Plugin {
  return {
    name: 'relais-eager-compile',
    enforce: 'post',
    generateBundle: {
      // After Vite's own rewriting of the chunks (its preload map goes first in the entry chunk).
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || chunk.fileName.includes('libsodium')) continue;
          chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
          // The map is already an asset of its own here, which is written; a worker's chunk map is
          // what Vite copies into the main build. Both move down one line.
          const map = bundle[`${chunk.fileName}.map`];
          if (map?.type === 'asset') {
            const raw = JSON.parse(String(map.source)) as { mappings: string };
            raw.mappings = `;${raw.mappings}`;
            map.source = JSON.stringify(raw);
          }
          if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
        }
      },
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    eagerCompile(),
    VitePWA({
      // Registered by src/app/service-worker.ts with workbox-window.
      injectRegister: false,
      registerType: 'autoUpdate',
      filename: 'sw.js',
      manifest: {
        name: 'Relais',
        short_name: 'Relais',
        description: "L'outil des équipes mobiles : hors ligne et chiffré de bout en bout.",
        lang: 'fr',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#ffffff',
        theme_color: '#0b5563',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,wasm}'],
        // libsodium's sumo build is one large chunk; it must be precached for offline unlock.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  worker: { format: 'es', plugins: () => [eagerCompile()] },
  build: { target: 'es2022', sourcemap: true },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
  preview: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
