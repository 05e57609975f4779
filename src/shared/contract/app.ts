import { z } from 'zod';
import { channel } from './define';

export const UI_LANGUAGES = ['de', 'en'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export type Theme = (typeof THEMES)[number];

export const layoutSchema = z
  .object({
    leftWidth: z.number().int().min(160).max(800),
    rightWidth: z.number().int().min(200).max(900),
    leftCollapsed: z.boolean(),
    rightCollapsed: z.boolean(),
    focusMode: z.boolean(),
    rightTab: z.string().max(40),
  })
  .strict();
export type Layout = z.infer<typeof layoutSchema>;

export const DEFAULT_LAYOUT: Layout = {
  leftWidth: 280,
  rightWidth: 360,
  leftCollapsed: false,
  rightCollapsed: false,
  focusMode: false,
  rightTab: 'facts',
};

export interface Settings {
  userName: string;
  language: UiLanguage;
  theme: Theme;
  layout: Layout;
  /** Suggest mode (track changes) in the editor: this user's edits become suggestions. */
  suggestMode: boolean;
}

export const settingsPatchSchema = z
  .object({
    userName: z.string().trim().min(1, 'must not be empty').max(120).optional(),
    language: z.enum(UI_LANGUAGES).optional(),
    theme: z.enum(THEMES).optional(),
    layout: layoutSchema.partial().strict().optional(),
    suggestMode: z.boolean().optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export interface AppInfo {
  name: string;
  version: string;
  dataDir: string;
  schemaVersion: number;
  sqliteVersion: string;
  /** True where the shell draws a native menu, so the renderer need not draw its own. */
  nativeMenu: boolean;
  platform: string;
  /** True where the shell has native file dialogs (Electron), so the UI may offer "Browse…". */
  canChooseFiles: boolean;
}

const none = z.object({}).strict().optional();

export const appContract = {
  'app:info': channel<AppInfo>()(none),
  'settings:get': channel<Settings>()(none),
  'settings:update': channel<Settings>()(settingsPatchSchema),
  'shell:open-external': channel<{ opened: boolean }>()(z.object({ url: z.string().max(4000) }).strict()),
};
