import { spawnSync } from 'node:child_process';

/**
 * What the CLI under test accepts, from its own `build --help`: the bench measures
 * features that other work adds (such as `--jobs`) only once they exist.
 */
export function buildAcceptsOption(bin: string, option: string): boolean {
  const help = spawnSync(process.execPath, [bin, 'build', '--help'], { encoding: 'utf8' });
  return new RegExp(`(^|\\s)${option.replace(/[-]/g, '\\-')}[\\s,=<]`, 'm').test(help.stdout);
}
