// Puts prep-pack together: the CLI and every dependency it runs, with prep-pack's patches
// to them applied (dependency-patches.mjs), in one file (dist/prep-pack.cjs) that needs nothing installed beside it but
// the font package, and the small launcher that starts it
// (dist/bin.js). What the package ships is exactly these; types are checked by tsc
// beforehand (npm run build). `--scripts` also bundles the developer scripts (bench,
// previews) into dist/scripts/, which the package does not ship.
import { chmodSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { buildId } from './build-id.mjs';
import { DEPENDENCY_PATCHES, dependencyPatchesEsbuildPlugin } from './dependency-patches.mjs';
import { pdfkitStandardFontsEsbuildPlugin } from './pdfkit-standard-fonts.mjs';

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
  plugins: [dependencyPatchesEsbuildPlugin(patched), pdfkitStandardFontsEsbuildPlugin()],
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
    entryPoints: ['scripts/bench.ts', 'scripts/previews.ts'],
    outdir: 'dist/scripts',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    packages: 'external',
  });
}
console.log(`built dist/prep-pack.cjs and dist/bin.js (build ${id})`);
