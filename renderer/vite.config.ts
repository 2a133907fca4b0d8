// The renderer bundle: one build served by `safe-edge serve` (browser mode) and loaded by the desktop
// app through its custom protocol. Relative base so both hosts can serve it from any path.
// Each page is its own chunk (React.lazy in App.tsx), so the first page loads only its own code; no source
// maps are built: they would be served and packed with the app (docs/app.md, "Lean delivery").
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer-app', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    // React (with react-dom and its scheduler) in a chunk of its own: the largest piece of the first page,
    // kept apart from the app's code so neither grows the other past the bench's 120 KB gzip per chunk.
    // uPlot's script is named for what it is; only the charting pages import it (its small stylesheet
    // stays with the app's, main.tsx).
    rolldownOptions: {
      output: { codeSplitting: { groups: [
        { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
        { name: 'uplot', test: /node_modules[\\/]uplot[\\/].*\.js$/ },
      ] } },
    },
  },
});
