import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
// @ts-expect-error: plain JavaScript build scripts, shared with scripts/build.mjs.
import { buildId } from './scripts/build-id.mjs';
// @ts-expect-error: as above.
import { dependencyPatchesVitePlugin } from './scripts/dependency-patches.mjs';

/**
 * The tests load src/ directly, so they get what the bundle gets (scripts/build.mjs) the
 * same way: prep-pack's patches to its dependencies applied as they are loaded, and a
 * build id for the caches. A patched package, and the packages through which src/ reaches
 * it, are loaded through vite (inlined), so that its transform sees them.
 */
export default defineConfig({
  plugins: [dependencyPatchesVitePlugin()],
  define: { __PREP_PACK_BUILD_ID__: JSON.stringify(`test-${buildId()}`) },
  test: {
    // Tests build real PDFs, several per test; this machine's speed drifts 2× in a day.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Caches of this run's own, not the user's.
    env: { PREP_PACK_CACHE_DIR: mkdtempSync(join(tmpdir(), 'prep-pack-test-cache-')) },
    server: { deps: { inline: ['@react-pdf/layout', '@react-pdf/render', '@react-pdf/hyphenate', 'mdast-util-from-markdown', /[\\/]micromark/] } },
  },
});
