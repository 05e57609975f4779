import { DEFAULT_LAYOUT, type Layout, type Settings, type UiLanguage } from '../../shared/contract/app';
import { UserError } from '../../shared/result';
import { schemaVersion, sqliteInfo } from '../../store/db';
import { readSettings, writeSettings } from '../../store/settings';
import type { HandlerTable } from './table';
import type { HandlerContext } from './context';

export function defaultLanguage(locale: string): UiLanguage {
  return locale.toLowerCase().startsWith('de') ? 'de' : 'en';
}

export function loadSettings(ctx: HandlerContext): Settings {
  const raw = readSettings(ctx.db);
  const layout = { ...DEFAULT_LAYOUT, ...((raw.layout as Partial<Layout> | undefined) ?? {}) };
  return {
    userName: typeof raw.userName === 'string' && raw.userName ? raw.userName : ctx.os.userName || 'Factdesk',
    language: raw.language === 'de' || raw.language === 'en' ? raw.language : defaultLanguage(ctx.os.locale),
    theme: raw.theme === 'light' || raw.theme === 'dark' || raw.theme === 'system' ? raw.theme : 'system',
    layout,
    suggestMode: raw.suggestMode === true,
  };
}

/** Only these schemes ever leave the app; everything else is refused before the shell sees it. */
export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol);
  } catch {
    return false;
  }
}

export const appHandlers = {
  'app:info': (_input, ctx) => {
    const info = sqliteInfo(ctx.db);
    return {
      name: 'Factdesk',
      version: ctx.appVersion,
      dataDir: ctx.dataDir,
      schemaVersion: schemaVersion(ctx.db),
      sqliteVersion: info.version,
      nativeMenu: ctx.platform.nativeMenu,
      platform: ctx.os.platform,
      canChooseFiles: ctx.platform.chooseSavePath !== undefined,
    };
  },
  'settings:get': (_input, ctx) => loadSettings(ctx),
  'settings:update': (patch, ctx) => {
    const current = loadSettings(ctx);
    const next: Record<string, unknown> = {};
    if (patch.userName !== undefined) next.userName = patch.userName;
    if (patch.language !== undefined) next.language = patch.language;
    if (patch.theme !== undefined) next.theme = patch.theme;
    if (patch.suggestMode !== undefined) next.suggestMode = patch.suggestMode;
    if (patch.layout !== undefined) next.layout = { ...current.layout, ...patch.layout };
    writeSettings(ctx.db, next);
    return loadSettings(ctx);
  },
  'shell:open-external': async ({ url }, ctx) => {
    if (!isAllowedExternalUrl(url)) {
      throw new UserError('validation', { key: 'linkScheme' }, [
        { path: 'url', message: 'must start with http://, https:// or mailto:' },
      ]);
    }
    return { opened: await ctx.platform.openExternal(url) };
  },
} satisfies HandlerTable<'app:info' | 'settings:get' | 'settings:update' | 'shell:open-external'>;
