import envPaths from 'env-paths';

/**
 * Where prep-pack keeps what it can make again (parsed content, compiled code): the user's
 * cache folder ($XDG_CACHE_HOME/prep-pack, else ~/.cache/prep-pack on Linux; the platform's
 * own place elsewhere), never its install folder, which may be read-only or shared.
 * PREP_PACK_CACHE_DIR overrides it.
 */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PREP_PACK_CACHE_DIR || envPaths('prep-pack', { suffix: '' }).cache;
}
