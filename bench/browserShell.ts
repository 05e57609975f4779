import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

/**
 * Starts a built browser shell on a data folder and resolves with the process and the launch URL
 * it prints (the line `FACTDESK_BROWSER_SHELL <url>`). Every bench that drives the app starts it
 * this way; what each does with the URL (a page, a cookie for direct calls) stays with the bench.
 */
export async function spawnBrowserShell(
  shell: string,
  dataDir: string,
  options: { args?: string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<{ child: ChildProcess; launchUrl: string }> {
  if (!fs.existsSync(shell)) throw new Error('The app is not built: run "npm run build" first.');
  const child = spawn(process.execPath, [shell, '--data-dir', dataDir, ...(options.args ?? [])], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: options.env ?? process.env,
  });
  const launchUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /FACTDESK_BROWSER_SHELL (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`Browser shell exited with ${code}`)));
  });
  return { child, launchUrl };
}
