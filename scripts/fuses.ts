// npm run fuses -- <path to the packaged Electron binary>: flips Factdesk's fuses in a packaged
// binary (before code signing) and prints them read back. Never run it on node_modules' Electron:
// with OnlyLoadAppFromAsar on, `npm start` could no longer load the unpacked app.
import { applyFuses } from '../src/main/electron/fuses';

const [binary] = process.argv.slice(2);
if (!binary) {
  console.error('usage: npm run fuses -- <path to the packaged Electron binary>');
  process.exit(2);
}
if (/node_modules[\\/]electron[\\/]/.test(binary)) {
  console.error(
    `refusing to flip the fuses of the development Electron (${binary}); pass the packaged app's binary`,
  );
  process.exit(2);
}
try {
  const report = await applyFuses(binary);
  for (const [name, state] of Object.entries(report.wire)) console.log(`${name.padEnd(40)} ${state}`);
  if (report.unknown.length)
    console.log(`\nLeft as Electron set them (newer than this app's list): ${report.unknown.join(', ')}`);
} catch (err) {
  console.error(`${binary}: ${(err as Error).message}`);
  process.exit(1);
}
