#!/usr/bin/env node
// React's development build checks every element it creates; a CLI wants the production one.
process.env.NODE_ENV ??= 'production';
const { main } = await import('./cli/main.js');
process.exitCode = await main(process.argv.slice(2));
