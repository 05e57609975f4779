// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { useLayoutEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { ArticleFields } from './ArticleFields';
import { ArticleSession } from '../../../shared/autosave/articleSession';
import { openedArticle } from './articleDocument.testing';

const FIELDS = ['kicker', 'headline', 'lead', 'byline', 'dateline'] as const;

/** A key typed as the browser delivers it: the field's text changes, then an input event. */
function typeKey(el: HTMLTextAreaElement | HTMLInputElement, ch: string): void {
  const proto =
    el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, el.value + ch);
  el.dispatchEvent(new InputEvent('input', { bubbles: true, data: ch, inputType: 'insertText' }));
}

/**
 * Types right after the commit that mounted the fields, before React runs the passive effects of
 * that commit — the moment a loaded machine gives the user's first keys to the autofocused headline.
 */
function TypeAfterCommit({ field, text }: { field: string; text: string }) {
  useLayoutEffect(() => {
    queueMicrotask(() => {
      const el = document.querySelector<HTMLTextAreaElement | HTMLInputElement>(`.field-${field}`)!;
      for (const ch of text) typeKey(el, ch);
    });
  }, [field, text]);
  return null;
}

let root: Root | null = null;
afterEach(() => {
  root?.unmount();
  root = null;
  document.body.innerHTML = '';
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('ArticleFields', () => {
  for (const field of FIELDS) {
    it(`keeps the ${field}'s first keys typed before the mount's effects ran`, async () => {
      const session = new ArticleSession(openedArticle(), () => new Promise(() => undefined));
      const container = document.createElement('div');
      document.body.append(container);
      root = createRoot(container);
      // Not in act() and not flushSync: a default-priority mount, as when an opened article arrives.
      root.render(
        <>
          <ArticleFields session={session} onDone={() => undefined} focusHeadline />
          <TypeAfterCommit field={field} text="Lokal" />
        </>,
      );
      await settle();
      await settle();
      expect(session.meta[field]).toBe('Lokal');
      expect(document.querySelector<HTMLTextAreaElement>(`.field-${field}`)!.value).toBe('Lokal');
    });
  }
});
