import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what its last full collection found alive, set by
 * the launcher for every process (launch.ts) and by the engine for each document. By
 * default it grows by up to 4 times that when a program allocates fast, and drawing a big
 * pack does (each sheet's glyph runs are made and dropped, engine.ts): a 1,000-question
 * pack kept ~115 MB alive while drawing, in a heap grown to ~470 MB. Doubling at most
 * collected sooner (1,000 questions peaked at 422-429 MB instead of 610 MB). Growing by
 * 70 % at most, measured on a 1,000-question pack in interleaved runs on a busy machine
 * (`/usr/bin/time`, the same PDF bytes): peak 326-331 MB against 352-386 MB doubling, for
 * no user CPU time beyond the runs' spread (10.0-11.7 s against 10.2-14.2 s); by half,
 * 304-326 MB for ~11 % more CPU time (11.6-12.9 s). The staff/google workbook peaks at
 * 174-178 MB either way (5 pairs). At 5,000 questions, growing by 70 % peaked at
 * 1,000-1,012 MB and 46-52 s of user CPU against 953-967 MB and 38-41 s doubling (two
 * pairs, and the same setting has varied by 50 MB under load): a live heap that big pays
 * for collecting more often. (The young generation's size, `--max-semi-space-size`, is
 * fixed when the heap is made: set at run time it changed nothing.)
 */
const HEAP_GROWING_PERCENT = 70;

/**
 * A big document grows the heap by half at most: its drawing is where a 1,000-question
 * pack peaks, close to the 350 MB it must stay within. Measured 2026-12-03 in a quiet hour
 * (interleaved, `/usr/bin/time`, caches emptied, the code cache made under each setting),
 * 50 % for the whole process against 70 %: 1,000 questions peaked at 312-314 MB against
 * 332-339 MB (3 runs each) in 6.42-6.72 s against 6.32-6.45 s; 5,000 questions 924
 * against 922 MB, 28.4 against 29.3 s (one run each). But `build --all --force` (21
 * workbooks) took 6.03-6.24 s against 5.74-5.90 s (4 pairs), so a workbook keeps 70 %.
 */
const BIG_DOCUMENT_HEAP_GROWING_PERCENT = 50;

/** Pages past which a document is big: far more than a workbook has (the 21 of `build --all` have 53-74). */
const BIG_DOCUMENT_PAGES = 250;

/**
 * Sets how far the heap may grow while this document is laid out and drawn, from its count
 * of pages before layout (it has at least that many sheets). Called for every document, so
 * a watch session or a build worker that built a big one grows as usual for the next.
 * V8 reads the flag each time it sets the next limit, so setting it now is in time.
 */
export function setHeapGrowthFor(pages: number): void {
  setHeapGrowingPercent(pages > BIG_DOCUMENT_PAGES ? BIG_DOCUMENT_HEAP_GROWING_PERCENT : HEAP_GROWING_PERCENT);
}

/** How every process starts (launch.ts), and a workbook is built. */
export const setUsualHeapGrowth = () => setHeapGrowingPercent(HEAP_GROWING_PERCENT);

const setHeapGrowingPercent = (percent: number) => setFlagsFromString(`--heap-growing-percent=${percent}`);
