import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContentFolder } from '../../src/content/load.js';
import type { ContentFile } from '../../src/content/validate.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const fixture = (name: string) => join(repoRoot, 'test', 'fixtures', name);

/** Fixture folders stacked as content layers, with paths shown relative to the repo root. */
export async function fixtureLayers(...names: string[]): Promise<ContentFile[]> {
  const layers = await Promise.all(names.map((name, layer) => loadContentFolder(fixture(name), layer, repoRoot)));
  return layers.flat();
}
