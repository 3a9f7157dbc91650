// prep-pack's changes to the internals of its dependencies, each a unified diff kept beside
// the code that needs it, applied to the module's source wherever prep-pack's code is put
// together: by esbuild when the CLI is bundled (what every user runs), and by vite when the
// tests load src/ directly. Nothing is patched on disk, so no install step can leave a
// change unapplied.
import { readFileSync } from 'node:fs';
import { applyPatch, parsePatch } from 'diff';

/** Which module each patch changes (a path ending), and why, in a word. */
export const DEPENDENCY_PATCHES = [
  {
    // The typesetting engine's layout changes (see src/engine/README.md).
    name: '@react-pdf/layout',
    module: /[\\/]@react-pdf[\\/]layout[\\/]lib[\\/]index\.js$/,
    patch: 'src/engine/react-pdf-layout.patch',
  },
  {
    // Hooks for the structure tree of a tagged PDF around the drawing of each node (src/engine/tagging.ts).
    name: '@react-pdf/render',
    module: /[\\/]@react-pdf[\\/]render[\\/]lib[\\/]index\.js$/,
    patch: 'src/engine/react-pdf-render.patch',
  },
  {
    // The English hyphenation patterns' trie built when first used, not at every start.
    name: '@react-pdf/hyphenate',
    module: /[\\/]@react-pdf[\\/]hyphenate[\\/]lib[\\/]en-us\.js$/,
    patch: 'src/engine/react-pdf-hyphenate.patch',
  },
  {
    // Unicode tries (linebreak's, fontkit's) inflated by Node's zlib, not in JavaScript, at every start.
    name: 'unicode-trie',
    module: /[\\/]unicode-trie[\\/]index\.js$/,
    patch: 'src/engine/unicode-trie.patch',
  },
  {
    // Markdown parsing that costs the square of a file's events (see the patch).
    name: 'micromark-util-edit-map',
    module: /[\\/]micromark-util-edit-map[\\/](dev[\\/])?index\.js$/,
    patch: 'src/content/micromark-util-edit-map.patch',
  },
];

/** The patch for a module path, if any. */
const patchFor = (path) => DEPENDENCY_PATCHES.find((entry) => entry.module.test(path));

/** The patched source, or an exception: a dependency the patch no longer fits must stop the build. */
export function patchSource(source, path) {
  const entry = patchFor(path);
  if (!entry) return source;
  const diff = readFileSync(new URL(`../${entry.patch}`, import.meta.url), 'utf8');
  // A patch may hold one file or several (a package's production and development builds).
  const file = path.replace(/\\/g, '/').split('/node_modules/').pop();
  const parts = parsePatch(diff);
  const part = parts.length === 1 ? parts[0] : parts.find((candidate) => candidate.newFileName?.endsWith(file));
  const patched = part === undefined ? false : applyPatch(source, part);
  if (patched === false) {
    throw new Error(`${entry.patch} no longer applies to ${path}: ${entry.name} changed; update the patch`);
  }
  return patched;
}

/** For esbuild: records what it patched, so the build can insist that every patch was used. */
export function dependencyPatchesEsbuildPlugin(patchedPaths) {
  return {
    name: 'prep-pack-dependency-patches',
    setup(build) {
      for (const entry of DEPENDENCY_PATCHES) {
        build.onLoad({ filter: entry.module }, ({ path }) => {
          patchedPaths.push(path);
          return { contents: patchSource(readFileSync(path, 'utf8'), path), loader: 'js' };
        });
      }
    },
  };
}

/** The packages vitest must load through vite (server.deps.inline) for the transform below to see them. */
export const INLINED_FOR_PATCHES = DEPENDENCY_PATCHES.map((entry) => entry.name);

/** For vite (vitest). */
export function dependencyPatchesVitePlugin() {
  return {
    name: 'prep-pack-dependency-patches',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0];
      return patchFor(path) ? { code: patchSource(code, path), map: null } : undefined;
    },
  };
}
