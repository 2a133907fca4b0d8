// The renderer bundle: one build served by `safe-edge serve` (browser mode) and loaded by the desktop
// app through its custom protocol. Relative base so both hosts can serve it from any path.
// Each page is its own chunk (React.lazy in App.tsx), so the first page loads only its own code; no source
// maps are built: they would be served and packed with the app (docs/app.md, "Lean delivery").
import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';

/** The route's page of each page chunk (src/pageModules.ts, logic/routes.ts). */
const PAGE_OF_CHUNK: Readonly<Record<string, string>> = {
  IncidentsPage: 'incidents', EditIncidentPage: 'edit', AnalysisPage: 'analysis', BriefingPage: 'briefing',
  SettingsPage: 'settings', DeviceHealthPage: 'device', ModelsPage: 'models',
};

/**
 * Writes into index.html, as a JSON data block (not a script: the CSP is unchanged), the files each page's
 * chunk needs beyond the entry's own. public/boot-requests.js preloads the address's page from it, so the
 * page's code downloads beside the entry instead of after the entry has run (docs/performance.md, bench:ui).
 */
function pageChunksInHtml(): Plugin {
  return {
    name: 'safe-edge-page-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).flatMap((item) => (item.type === 'chunk' ? [item] : []));
        const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
        const closure = (file: string, seen = new Set<string>()): Set<string> => {
          if (seen.has(file)) return seen;
          seen.add(file);
          for (const imported of byFile.get(file)?.imports ?? []) closure(imported, seen);
          return seen;
        };
        const entryFiles = new Set(chunks.filter((chunk) => chunk.isEntry).flatMap((chunk) => [...closure(chunk.fileName)]));
        const pages: Record<string, string[]> = {};
        for (const chunk of chunks) {
          const page = chunk.isDynamicEntry ? PAGE_OF_CHUNK[chunk.name] : undefined;
          if (page) pages[page] = [...closure(chunk.fileName)].filter((file) => !entryFiles.has(file)).map((file) => `./${file}`);
        }
        if (Object.keys(pages).length !== Object.keys(PAGE_OF_CHUNK).length) throw new Error(`page chunks not all found: ${Object.keys(pages).join(', ')}`);
        // Just before the boot script that reads it (and after <meta charset>, which must come early).
        const boot = /<script src="\.?\/boot-requests\.js"><\/script>/;
        if (!boot.test(html)) throw new Error('index.html has no boot-requests.js script to put the page chunks before');
        return html.replace(boot, (tag) => `<script type="application/json" id="page-chunks">${JSON.stringify(pages)}</script>\n    ${tag}`);
      },
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  esbuild: { jsx: 'automatic' },
  plugins: [pageChunksInHtml()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer-app', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    // React (with react-dom and its scheduler) in a chunk of its own: the largest piece of the first page,
    // kept apart from the app's code so neither grows the other past the bench's 120 KB gzip per chunk.
    // uPlot's script is named for what it is; only the charting pages import it (its small stylesheet
    // stays with the app's, main.tsx). The small modules several pages share (the taxonomy, dates, the level
    // path...) in one file of their own rather than five: each was a request on the workspace's path, and a
    // browser asks at most six at a time from this origin (docs/performance.md, bench:ui); only they, not
    // what they import.
    rolldownOptions: {
      output: { codeSplitting: { groups: [
        { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
        { name: 'uplot', test: /node_modules[\\/]uplot[\\/].*\.js$/ },
        { name: 'common', test: /engine[\\/]contract[\\/](taxonomy|releaseTemperature)\.ts$|renderer[\\/]src[\\/](logic[\\/](dateTime|timeAxis|historyFilter|incidentGroups)\.ts|appearance[\\/]chartColours\.ts|components[\\/]LevelPath\.tsx)$/, includeDependenciesRecursively: false },
      ] } },
    },
  },
});
