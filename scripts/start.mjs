#!/usr/bin/env node
// npm start: build, then run the desktop app; where the Electron binary cannot be had
// (no access to its download host), explain that once and run the browser shell instead.
//   npm start -- --browser          force the browser shell
//   npm start -- --data-dir <dir>   use another data folder
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser');
const passThrough = args.filter((a) => a !== '--browser');

function say(text) {
  console.log(text.replace(/\n\s+/g, ' ').trim());
}

function build() {
  const r = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(1);
  }
}

function electronDir() {
  return dirname(require.resolve('electron/package.json'));
}

function electronExecutable() {
  const dir = electronDir();
  const pathFile = join(dir, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const exe = join(override, existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron');
    if (existsSync(exe)) return exe;
  }
  if (!existsSync(pathFile)) return null;
  const exe = join(dir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(exe) ? exe : null;
}

/** Runs Electron's own installer (it downloads the binary), which npm install was told to skip. */
function obtainElectron() {
  const existing = electronExecutable();
  if (existing) return { exe: existing };
  console.log('Fetching the Electron binary (once)…');
  const r = spawnSync(process.execPath, [join(electronDir(), 'install.js')], {
    cwd: electronDir(),
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
  const exe = electronExecutable();
  if (exe) return { exe };
  const reason =
    (r.stderr || r.stdout || r.error?.message || 'no answer').split('\n').find((l) => l.trim()) ?? 'unknown';
  return { exe: null, reason: reason.trim() };
}

/**
 * better-sqlite3 in node_modules is built for Node (tests, CLI). The desktop app needs one
 * built for Electron's ABI: build a private copy once per Electron version and hand its path over.
 */
async function electronNativeBinding() {
  const version = JSON.parse(readFileSync(join(electronDir(), 'package.json'), 'utf8')).version;
  const cacheRoot = join(root, 'node_modules', '.cache', 'electron-native', version);
  const moduleDir = join(cacheRoot, 'node_modules', 'better-sqlite3');
  const binding = join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  console.log(`Building better-sqlite3 for Electron ${version} (once)…`);
  mkdirSync(join(cacheRoot, 'node_modules'), { recursive: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), moduleDir, { recursive: true });
  const bsPkg = JSON.parse(readFileSync(join(moduleDir, 'package.json'), 'utf8'));
  writeFileSync(
    join(cacheRoot, 'package.json'),
    JSON.stringify({
      name: 'factdesk-electron-native',
      private: true,
      dependencies: { 'better-sqlite3': bsPkg.version },
    }),
  );
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({
    buildPath: cacheRoot,
    electronVersion: version,
    onlyModules: ['better-sqlite3'],
    force: true,
  });
  if (!existsSync(binding)) throw new Error('the rebuild finished without producing better_sqlite3.node');
  return binding;
}

function findChrome() {
  const candidates =
    process.platform === 'darwin'
      ? [
          '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
          '/Applications/Chromium.app/Contents/MacOS/Chromium',
        ]
      : process.platform === 'win32'
        ? [
            join(
              process.env.PROGRAMFILES ?? 'C:\\Program Files',
              'Google',
              'Chrome',
              'Application',
              'chrome.exe',
            ),
            join(process.env.LOCALAPPDATA ?? '', 'Google', 'Chrome', 'Application', 'chrome.exe'),
          ]
        : [
            '/usr/bin/chromium',
            '/usr/bin/chromium-browser',
            '/usr/bin/google-chrome',
            '/usr/bin/google-chrome-stable',
          ];
  return candidates.find((p) => p && existsSync(p)) ?? null;
}

function hasDisplay() {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function startBrowserShell() {
  const child = spawn(process.execPath, [join(root, 'out', 'main', 'browser-shell.js'), ...passThrough], {
    cwd: root,
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  let buffer = '';
  let opened = false;
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    buffer += chunk.toString();
    const m = /FACTDESK_BROWSER_SHELL (\S+)/.exec(buffer);
    if (m && !opened) {
      opened = true;
      const url = m[1];
      console.log(`\nOpen Factdesk at: ${url}\n(Keep this terminal open; Ctrl+C stops Factdesk.)`);
      const chrome = findChrome();
      if (chrome && hasDisplay()) {
        const profile = join(os.tmpdir(), `factdesk-browser-profile-${process.pid}`);
        spawn(
          chrome,
          [
            `--app=${url}`,
            `--user-data-dir=${profile}`,
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
          { stdio: 'ignore', detached: true },
        ).unref();
      } else if (!hasDisplay()) {
        console.log(
          'No display found, so no window was opened; open the URL above in a browser on this machine.',
        );
      } else {
        console.log('No Chromium or Chrome found to open an app window; open the URL above in your browser.');
      }
    }
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

async function main() {
  build();
  if (forceBrowser) return startBrowserShell();

  const { exe, reason } = obtainElectron();
  if (!exe) {
    say(`
      Factdesk could not get the Electron binary, so the desktop window cannot open on this machine
      (${reason}). Electron downloads its binary on first start and that download is not reachable
      from here. Nothing is lost: Factdesk now starts its browser shell instead — the same app and the
      same data, served only to this computer at 127.0.0.1 with a one-time token. To use the desktop app,
      run "npm start" again on a machine that can reach Electron's download host, or place the binary
      with ELECTRON_OVERRIDE_DIST_PATH.
    `);
    return startBrowserShell();
  }

  let binding;
  try {
    binding = await electronNativeBinding();
  } catch (err) {
    say(`
      Factdesk could not build its database module for Electron (${err instanceof Error ? err.message : err}).
      Starting the browser shell instead; it uses the Node build, which works.
    `);
    return startBrowserShell();
  }
  const child = spawn(exe, [join(root, 'out', 'main', 'index.js'), ...passThrough], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FACTDESK_NATIVE_BINDING: binding },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((err) => {
  console.error(`Factdesk could not start: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
