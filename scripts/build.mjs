// Puts prep-pack together: the CLI and every dependency it runs, with prep-pack's patches
// to them applied (dependency-patches.mjs), in one file (dist/prep-pack.cjs) that needs
// nothing installed beside it but the font package, the small launcher that starts it
// (dist/bin.js), and a V8 code cache for that bundle (ship-code-cache.mjs). What the
// package ships is exactly these; types are checked by tsc beforehand (npm run build).
// `--scripts` also bundles the developer scripts (bench, previews) into dist/scripts/,
// which the package does not ship.
import { chmodSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { buildId } from './build-id.mjs';
import { DEPENDENCY_PATCHES, dependencyPatchesEsbuildPlugin } from './dependency-patches.mjs';
import { pdfkitLazyCipherEsbuildPlugin } from './pdfkit-lazy-cipher.mjs';
import { pdfkitStandardFontsEsbuildPlugin } from './pdfkit-standard-fonts.mjs';
import { shipCodeCache } from './ship-code-cache.mjs';

/** `import('unpdf')` in src/ loads dist/pdf-reader.cjs, built below. */
function pdfReaderApartEsbuildPlugin() {
  return {
    name: 'pdf-reader-apart',
    setup(build) {
      build.onResolve({ filter: /^unpdf$/ }, () => ({ path: './pdf-reader.cjs', external: true }));
    },
  };
}

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const id = buildId();
const node = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', legalComments: 'none' };
const define = {
  __PREP_PACK_BUILD_ID__: JSON.stringify(id),
  // React's production build; the development one checks every element it creates.
  'process.env.NODE_ENV': '"production"',
};

rmSync('dist', { recursive: true, force: true });

const patched = [];
await esbuild.build({
  ...node,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/prep-pack.cjs',
  format: 'cjs',
  minify: true,
  // Only for PREP_PACK_DEBUG's stack traces: names and lines, not the sources.
  sourcemap: 'linked',
  sourcesContent: false,
  define: { ...define, 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [dependencyPatchesEsbuildPlugin(patched), pdfkitStandardFontsEsbuildPlugin(), pdfkitLazyCipherEsbuildPlugin(), pdfReaderApartEsbuildPlugin()],
  // The bundle runs in a vm.Script (src/launch.ts), which has no import(): the one module
  // loaded from outside it (pdf-reader.cjs) is required.
  supported: { 'dynamic-import': false },
});
// pdf.js (unpdf), for reading PDFs back (info, import, build --from), is 1.6 MB that a
// build never runs: a file of its own beside the bundle, loaded only when a PDF is read,
// so that every other command starts as fast as before (+0.2 s measured with it inside).
await esbuild.build({
  ...node,
  entryPoints: { 'pdf-reader': 'unpdf' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  minify: true,
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// The engine cannot work with react-pdf's own layout (nor the parser with the unpatched
// edit map): a bundle in which a patch found nothing to change is no build.
for (const entry of DEPENDENCY_PATCHES) {
  if (!patched.some((path) => entry.module.test(path))) throw new Error(`${entry.patch}: no ${entry.name} module was bundled to apply it to`);
}

await esbuild.build({
  ...node,
  entryPoints: ['src/bin.ts'],
  outfile: 'dist/bin.js',
  format: 'esm',
  define,
});
chmodSync('dist/bin.js', 0o755);

if (process.argv.includes('--scripts')) {
  await esbuild.build({
    ...node,
    entryPoints: ['scripts/bench.ts', 'scripts/previews.ts', 'scripts/read-structure.ts', 'scripts/measure-watch.ts'],
    outdir: 'dist/scripts',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    packages: 'external',
  });
}
// Made last: by running the launcher just built, on the bundle just built.
const shipped = shipCodeCache();
console.log(`built dist/prep-pack.cjs, dist/pdf-reader.cjs, dist/bin.js and ${shipped.map((name) => `dist/${name}`).join(', ')} (build ${id})`);
