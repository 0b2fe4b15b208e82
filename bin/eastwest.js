#!/usr/bin/env node
// Launcher for the eastwest command line: plain Node on the compiled JavaScript in dist/
// (written by `npm run build`, which `npm install` and `npm ci` run as `prepare`), so the
// worker threads `eastwest run` starts load compiled files too (src/experiment/run/start-worker.ts).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write(`eastwest: the compiled command line is missing (${cli});\nrun npm install (or npm run build) first\n`);
  process.exit(1);
}
await import(pathToFileURL(cli).href);
