/**
 * A hash of everything that makes up this build of prep-pack (its sources, the layout
 * patch, the locked dependencies), set by whatever puts the code together: esbuild for the
 * bundle (scripts/build.mjs), vite for the tests (vitest.config.ts). Caches are keyed by it.
 */
declare const __PREP_PACK_BUILD_ID__: string;
