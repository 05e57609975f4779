import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LexicalEditor } from 'lexical';
import { addToDictionary, suggestSpelling } from './spellClient';
import { misspellingAt, replaceMisspelling, type MisspellingHit } from './spellMarks';

/** The shape of the editor context menu's entries. */
export interface SpellMenuItem {
  id: string;
  label: string;
  run(): void;
  separatorBefore?: boolean;
  disabled?: boolean;
}

interface Target {
  hit: MisspellingHit;
  suggestions: string[] | null;
}

/**
 * The spelling part of the editor's context menu. `locate` is called as the menu opens; the
 * suggestions come from the worker a moment later (nspell's search takes tens of milliseconds).
 */
export function useSpellMenuItems(editor: LexicalEditor): {
  locate(x: number, y: number): void;
  items: SpellMenuItem[];
} {
  const { t } = useTranslation('spell');
  const [target, setTarget] = useState<Target | null>(null);

  const locate = useCallback(
    (x: number, y: number) => {
      const hit = misspellingAt(editor, x, y);
      setTarget(hit ? { hit, suggestions: null } : null);
      if (!hit) return;
      const settle = (suggestions: string[]) =>
        setTarget((cur) => (cur?.hit === hit ? { hit, suggestions } : cur));
      suggestSpelling(hit.lang, hit.miss.word).then(settle, () => settle([]));
    },
    [editor],
  );

  if (!target) return { locate, items: [] };
  const { hit, suggestions } = target;
  const word = hit.miss.word;
  const items: SpellMenuItem[] = [];
  if (suggestions === null) {
    items.push({ id: 'spell-searching', label: t('searching'), run: () => undefined, disabled: true });
  } else if (suggestions.length === 0) {
    items.push({
      id: 'spell-none',
      label: t('noSuggestions', { word }),
      run: () => undefined,
      disabled: true,
    });
  } else {
    for (const suggestion of suggestions) {
      items.push({
        id: `spell-${suggestion}`,
        label: suggestion,
        run: () => replaceMisspelling(editor, hit.miss, suggestion),
      });
    }
  }
  items.push({
    id: 'spell-add',
    label: t('addToDictionary', { word }),
    run: () => void addToDictionary(word).catch((err: Error) => console.warn(`[spell] ${err.message}`)),
  });
  return { locate, items };
}
