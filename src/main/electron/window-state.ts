import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { readSettings, writeSettings } from '../../store/settings';
import type { Db } from '../../store/db';

const KEY = 'windowBounds';
const FALLBACK = { width: 1400, height: 900 };

/** Remembered bounds, dropped when they no longer fit on any attached display. */
export function restoredBounds(db: Db): Partial<Rectangle> & { maximized?: boolean } {
  const saved = readSettings(db)[KEY] as (Rectangle & { maximized?: boolean }) | undefined;
  if (!saved || typeof saved.width !== 'number') return FALLBACK;
  const visible = screen.getAllDisplays().some((d) => {
    const a = d.workArea;
    return (
      saved.x >= a.x - 50 &&
      saved.y >= a.y - 50 &&
      saved.x + 100 <= a.x + a.width &&
      saved.y + 100 <= a.y + a.height
    );
  });
  return visible ? saved : { width: saved.width, height: saved.height, maximized: saved.maximized };
}

export function trackBounds(win: BrowserWindow, db: Db): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (win.isDestroyed()) return;
    const bounds = win.getNormalBounds();
    writeSettings(db, { [KEY]: { ...bounds, maximized: win.isMaximized() } });
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', save);
}
