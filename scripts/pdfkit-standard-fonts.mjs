// pdfkit loads its 14 standard fonts' metrics with a require() made at run time
// (createRequire), which a bundler cannot follow, so the bundle would need pdfkit
// installed beside it. Rewritten as plain require()s of pdfkit's own exports, they are
// bundled like any module and stay lazy (each is loaded when first used). pdfkit sets
// Helvetica as a document's first font, so at least that one is always needed.
import { readFileSync } from 'node:fs';

const PDFKIT_MODULE = /[\\/]pdfkit[\\/]js[\\/]pdfkit(\.node\.mjs|\.js)$/;
const RUNTIME_REQUIRE = /require\$1\('#standard-fonts\/(\w+)'\)/g;

export function pdfkitStandardFontsEsbuildPlugin() {
  return {
    name: 'prep-pack-pdfkit-standard-fonts',
    setup(build) {
      build.onLoad({ filter: PDFKIT_MODULE }, ({ path }) => {
        const source = readFileSync(path, 'utf8');
        const rewritten = source.replace(RUNTIME_REQUIRE, (_, name) => `require('pdfkit/standard-fonts/${name}')`);
        if (rewritten === source) throw new Error(`${path}: pdfkit no longer loads its standard fonts as scripts/pdfkit-standard-fonts.mjs expects; update it`);
        return { contents: rewritten, loader: 'js' };
      });
    },
  };
}
