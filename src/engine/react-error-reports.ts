/**
 * React reports an error thrown while rendering through the root's onUncaughtError, and
 * react-pdf's reconciler passes `console.error` for it, taken once when that module loads.
 * So React prints the error with its component stack to stderr, then carries on with an
 * empty document. A user must never see a stack unless they ask (PREP_PACK_DEBUG=1), and
 * the error belongs to the build that hit it, so it is kept here and rethrown by the
 * engine (see takeRenderError), for the CLI to report like any other.
 *
 * This module must be evaluated before @react-pdf/renderer: it is the first import of the
 * CLI's entry (src/cli/main.ts) and of the engine.
 */
const printError = console.error;
let reported: unknown;

console.error = (...args: unknown[]) => {
  if (isReactErrorReport(args)) {
    reported ??= args[0];
    if (!process.env.PREP_PACK_DEBUG) return;
  }
  printError(...args);
};

/** React calls its error handlers with (error, { componentStack }). */
function isReactErrorReport(args: unknown[]): boolean {
  const info = args[1];
  return args.length === 2 && typeof info === 'object' && info !== null && 'componentStack' in info;
}

/** The error React swallowed while rendering since the last call, if any. */
export function takeRenderError(): unknown {
  const error = reported;
  reported = undefined;
  return error;
}
