import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          // Scans run in a worker thread so the window never waits for one.
          'scan-worker': resolve('core/scan/scan-worker.ts'),
          // The code engine parses on every core, one worker thread each.
          'parse-worker': resolve('core/code/parse-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require nothing but Electron: it must be one self-contained CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    build: { outDir: 'out/renderer', minify: true, rollupOptions: { input: resolve('renderer/index.html') } },
    plugins: [react()],
  },
});
