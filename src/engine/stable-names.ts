import { createHash } from 'node:crypto';

/**
 * Names for functions and objects that are the same in every process of one build of
 * prep-pack, so that a page layout key made in one process means the same in another (the
 * layout files, page-layout-files.ts). Inside one process, a function is told apart by
 * identity (page-layouts.ts); across processes identity means nothing.
 *
 * Only what is fixed by prep-pack's code gets a name:
 * - a component given to `layoutInputs`/`madeFrom`: a module's top-level function, whose
 *   behaviour is its code and its props. Its name is its function name and a hash of its
 *   source text; the layout files' keys hold the build id (a hash of prep-pack's sources
 *   and dependencies), so the same name in another process is the same code;
 * - a module's constant named here by hand (`nameFixedObject`: keeps.ts's `keepRules`).
 * Two different objects that would get one name (two closures of one factory: same code,
 * other captured values) make that name unusable for the rest of the process: both are
 * then hashed by identity again, and their pages are not kept on disk.
 */

const names = new WeakMap<object, string>();
const owners = new Map<string, WeakRef<object>>();
const ambiguous = new Set<string>();

/** The name of a component that `layoutInputs` stands for (see above). */
export function nameComponent(component: Function): void {
  if (names.has(component)) return;
  const source = createHash('sha256').update(Function.prototype.toString.call(component)).digest('base64url').slice(0, 16);
  claim(component, `component:${component.name}:${source}`);
}

/** A module's constant (an object whose methods are fixed code): named by hand. */
export function nameFixedObject<T extends object>(value: T, name: string): T {
  claim(value, `fixed:${name}`);
  return value;
}

function claim(value: object, name: string): void {
  const owner = owners.get(name)?.deref();
  if (owner !== undefined && owner !== value) ambiguous.add(name);
  owners.set(name, new WeakRef(value));
  names.set(value, name);
}

/** The name `value` has in every process of this build, if it has one. */
export function stableNameOf(value: object): string | undefined {
  const name = names.get(value);
  return name === undefined || ambiguous.has(name) ? undefined : name;
}
