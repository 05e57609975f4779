#!/usr/bin/env node
// Thin launcher: the CLI is built with the app (npm run build) into out/main/cli.js.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'out', 'main', 'cli.js');
if (!existsSync(entry)) {
  console.error('Factdesk is not built yet. Run "npm run build" in ' + root + ' first.');
  process.exit(2);
}
process.env.FACTDESK_CLI_MAIN = '1';
await import(pathToFileURL(entry).href);
