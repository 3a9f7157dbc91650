// prep-pack's change to @react-pdf/layout (src/engine/react-pdf-layout.patch), applied to
// the module's source wherever prep-pack's code is put together: by esbuild when the CLI
// is bundled (what every user runs), and by vite when the tests load src/ directly.
// Nothing is patched on disk, so no install step can leave it unapplied.
import { readFileSync } from 'node:fs';
import { applyPatch } from 'diff';

const patchFile = new URL('../src/engine/react-pdf-layout.patch', import.meta.url);

/** The module the patch changes, as a path ending; it is the package's only entry file. */
export const LAYOUT_MODULE = /[\\/]@react-pdf[\\/]layout[\\/]lib[\\/]index\.js$/;

/** The patched source, or an exception: a layout the patch no longer fits must stop the build. */
export function patchLayoutSource(source, path) {
  const patched = applyPatch(source, readFileSync(patchFile, 'utf8'));
  if (patched === false) {
    throw new Error(`src/engine/react-pdf-layout.patch no longer applies to ${path}: @react-pdf/layout changed; update the patch (see src/engine/README.md)`);
  }
  return patched;
}

/** For esbuild: counts what it patched, so the build can insist the layout went through it. */
export function layoutPatchEsbuildPlugin(patchedPaths) {
  return {
    name: 'prep-pack-layout-patch',
    setup(build) {
      build.onLoad({ filter: LAYOUT_MODULE }, ({ path }) => {
        patchedPaths.push(path);
        return { contents: patchLayoutSource(readFileSync(path, 'utf8'), path), loader: 'js' };
      });
    },
  };
}

/** For vite (vitest): @react-pdf/layout must be inlined (server.deps.inline) for this to see it. */
export function layoutPatchVitePlugin() {
  return {
    name: 'prep-pack-layout-patch',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0];
      return LAYOUT_MODULE.test(path) ? { code: patchLayoutSource(code, path), map: null } : undefined;
    },
  };
}
