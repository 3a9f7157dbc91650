#!/usr/bin/env node
// The one-line shim npm links as `prep-pack`; the launcher starts the bundle (launch.ts).
// A process the build pool forked (src/workers/) is told so by its environment and its
// IPC channel, never by an option, so nothing of it shows on the command line.
import { BUILD_WORKER_ENV } from './workers/build-protocol.js';

const { loadMain, startBuildWorker } = await import('./launch.js');
if (process.env[BUILD_WORKER_ENV] && process.send) {
  delete process.env[BUILD_WORKER_ENV];
  startBuildWorker();
} else {
  process.exitCode = await (await loadMain())(process.argv.slice(2));
}
