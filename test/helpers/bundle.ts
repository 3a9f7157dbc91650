import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
// @ts-expect-error: plain JavaScript build scripts, shared with scripts/build.mjs.
import { dependencyPatchesEsbuildPlugin } from '../../scripts/dependency-patches.mjs';
// @ts-expect-error: as above.
import { pdfkitStandardFontsEsbuildPlugin } from '../../scripts/pdfkit-standard-fonts.mjs';
// @ts-expect-error: as above.
import { pdfkitLazyCipherEsbuildPlugin } from '../../scripts/pdfkit-lazy-cipher.mjs';
import { repoRoot } from './fixtures.js';

/**
 * A script of a test's own, run as a process of its own against prep-pack's modules, put
 * together the way the CLI's bundle is (scripts/build.mjs): the dependency patches applied, the
 * production build of React. Returns the command line that runs it.
 */
export async function bundleScript(dir: string, name: string, source: string): Promise<string[]> {
  const entry = join(dir, `${name}.tsx`);
  const outfile = join(dir, `${name}.cjs`);
  writeFileSync(entry, `(async () => {\n${source}\n})();\n`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    jsx: 'automatic',
    logLevel: 'error',
    nodePaths: [join(repoRoot, 'node_modules')],
    define: { __PREP_PACK_BUILD_ID__: '"test"', 'process.env.NODE_ENV': '"production"', 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [dependencyPatchesEsbuildPlugin([]), pdfkitStandardFontsEsbuildPlugin(), pdfkitLazyCipherEsbuildPlugin()],
  });
  return [outfile];
}
