// Bundles the preload into one CommonJS file: a sandboxed preload cannot load project modules, and
// bundling lets it import the operations table instead of repeating the list of channels.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  build: {
    outDir: fileURLToPath(new URL('../dist/electron', import.meta.url)),
    emptyOutDir: false,
    sourcemap: false,
    minify: false,
    target: 'node22',
    lib: { entry: fileURLToPath(new URL('./preload.ts', import.meta.url)), formats: ['cjs'], fileName: () => 'preload.cjs' },
    rollupOptions: { external: ['electron'] },
  },
});
