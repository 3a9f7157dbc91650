// pdfkit loads @noble/ciphers' AES when it loads, for encrypting a PDF, which prep-pack
// never asks of it; the module builds its lookup tables as it loads (~10-18 ms of every
// start, measured with --cpu-prof of `prep-pack --version`). pdfkit's require of it is
// resolved to a stand-in with the two functions pdfkit calls, each loading the real module
// when first called: a PDF that were encrypted would be encrypted the same.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const AES = /^@noble\/ciphers\/aes(\.js)?$/;
const PDFKIT_MODULE = /[\\/]pdfkit[\\/]js[\\/]pdfkit(\.node\.mjs|\.js)$/;
const NAMESPACE = 'prep-pack-lazy-cipher';

const CALLED = ['cbc', 'ecb'];
const STAND_IN = [
  'let aes;',
  "const load = () => aes ?? (aes = require('@noble/ciphers/aes'));",
  ...CALLED.map((name) => `exports.${name} = (...args) => load().${name}(...args);`),
].join('\n');

/** A pdfkit that calls more of the module than the stand-in has must stop the build. */
function checkCalls(pdfkitPath) {
  const source = readFileSync(pdfkitPath, 'utf8');
  // pdfkit's ES module imports the functions by name; its CommonJS build calls them on the module.
  const imported = source.match(/import \{([^}]*)\} from '@noble\/ciphers\/aes(?:\.js)?'/)?.[1].split(',').map((name) => name.trim().split(/\s+as\s+/)[0]) ?? [];
  const called = new Set([...imported, ...[...source.matchAll(/\baes\.(\w+)/g)].map((match) => match[1])].filter(Boolean));
  const missing = [...called].filter((name) => !CALLED.includes(name));
  if (called.size === 0 || missing.length > 0) throw new Error(`${pdfkitPath}: pdfkit no longer calls @noble/ciphers/aes as scripts/pdfkit-lazy-cipher.mjs expects (${[...called].join(', ') || 'nothing'}); update it`);
}

export function pdfkitLazyCipherEsbuildPlugin() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  return {
    name: 'prep-pack-pdfkit-lazy-cipher',
    setup(build) {
      build.onResolve({ filter: AES }, ({ importer }) => {
        if (!PDFKIT_MODULE.test(importer)) return undefined;
        checkCalls(importer);
        return { path: 'aes', namespace: NAMESPACE };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, () => ({ contents: STAND_IN, loader: 'js', resolveDir: root }));
    },
  };
}
