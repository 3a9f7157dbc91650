// The build id: a hash of everything that makes up a build of prep-pack, so that caches
// made by one build are never read by another (see src/build-id.d.ts). File contents
// only, never file times.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

export function buildId() {
  const hash = createHash('sha256');
  // The sources, the scripts that put them together (patches included), the dependencies.
  const scripts = readdirSync(join(root, 'scripts')).filter((name) => name.endsWith('.mjs')).map((name) => join(root, 'scripts', name));
  const inputs = [...filesUnder(join(root, 'src')), ...scripts, join(root, 'package.json'), join(root, 'package-lock.json')];
  for (const file of inputs.sort()) {
    const text = readFileSync(file);
    hash.update(`${relative(root, file)}\0${text.length}\0`).update(text);
  }
  return hash.digest('hex').slice(0, 16);
}
