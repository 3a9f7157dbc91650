/**
 * Whether this process builds more than one PDF: a build worker (src/workers/, which
 * `--watch` and `--all` build in) or a pack file's several editions. What the pipeline
 * keeps in memory for the next build (each page's layout, engine/page-layouts.ts; the
 * validated content, content/read-content.ts) is only worth keeping then: a one-off
 * `prep-pack build` would pay for the copies and keys and never use them.
 *
 * It is said up front (`expectMoreBuilds`), or learnt: from a process's second build on.
 */
let moreBuildsExpected = false;
let buildsStarted = 0;

/** This process will build again: keep what its first build makes for the next. */
export function expectMoreBuilds(): void {
  moreBuildsExpected = true;
}

/** A build starts (build.ts, once per build). */
export function noteBuildStarted(): void {
  buildsStarted += 1;
}

/** Whether what this build makes is worth keeping for a next one. */
export function keepsForNextBuild(): boolean {
  return moreBuildsExpected || buildsStarted > 1;
}
