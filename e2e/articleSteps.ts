import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Steps the English-UI article specs share, by role and accessible name. */

export const library = (page: Page) => page.getByRole('navigation', { name: 'Articles' });
export const body = (page: Page) => page.getByRole('textbox', { name: 'Article body' });
export const statusBar = (page: Page) => page.getByRole('status', { name: 'Status' });

/**
 * Waits until the page's selection is `text`. Lexical reads the selection on an async
 * selectionchange, so a key sent before this acts on the old selection.
 */
export async function selectionIs(page: Page, text: string): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const shown = window.getSelection()?.toString() ?? '';
        // Lexical reads the page's selection on an async selectionchange: until its own selection has
        // the same extent, a key or command acts on the old one.
        type Point = { key: string; offset: number; type: string };
        const host = document.activeElement?.closest('[data-lexical-editor]') as
          (Element & { __lexicalEditor?: { getEditorState(): { _selection: unknown } } }) | null | undefined;
        const own = host?.__lexicalEditor?.getEditorState()._selection as
          { anchor?: Point; focus?: Point } | null | undefined;
        if (!host || !own?.anchor || !own.focus) return shown;
        const collapsed = own.anchor.key === own.focus.key && own.anchor.offset === own.focus.offset;
        if (collapsed !== (shown === '')) return `${shown} (not yet in the editor)`;
        if (
          own.anchor.type === 'text' &&
          own.anchor.key === own.focus.key &&
          Math.abs(own.focus.offset - own.anchor.offset) !== shown.length
        )
          return `${shown} (not yet in the editor)`;
        return shown;
      }),
    )
    .toBe(text);
}

export async function newArticle(page: Page, headline: string): Promise<void> {
  await library(page).getByRole('button', { name: 'New article' }).click();
  const field = page.getByRole('textbox', { name: 'Headline' });
  // The new article replaces the open one a moment later; typing before that would rename the old one.
  await expect(field).toHaveValue('');
  await expect(field).toBeFocused();
  await field.fill(headline);
  await expect(library(page).getByRole('option', { name: new RegExp(headline) })).toBeVisible();
}
