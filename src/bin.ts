#!/usr/bin/env node
// The one-line shim npm links as `prep-pack`; the launcher starts the bundle (launch.ts).
const { loadMain } = await import('./launch.js');
process.exitCode = await (await loadMain())(process.argv.slice(2));
