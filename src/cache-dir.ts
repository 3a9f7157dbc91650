import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The user's cache folder for prep-pack: what it remembers between runs goes here, never
 * into the user's own folders (out/ holds the PDFs asked for and nothing else).
 * PREP_PACK_CACHE_DIR overrides it; otherwise $XDG_CACHE_HOME/prep-pack or ~/.cache/prep-pack.
 * The one place that decides: swap in a platform cache-path library here.
 */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PREP_PACK_CACHE_DIR) return env.PREP_PACK_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'), 'prep-pack');
}
