#!/usr/bin/env node
// React's development build checks every element it creates; a CLI wants the production one.
process.env.NODE_ENV ??= 'production';
const { loadMain } = await import('./launch.js');
process.exitCode = await (await loadMain())(process.argv.slice(2));
