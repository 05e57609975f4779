import { addSpellWord, entityNameList, readSpellWords } from '../../store/spell-words';
import { readDictionary } from './spellDictionary';
import type { HandlerTable } from './table';

export const spellHandlers = {
  'spell:dictionary': async ({ lang }) => ({ lang, ...(await readDictionary(lang)) }),
  'spell:words': (_input, ctx) => ({ custom: readSpellWords(ctx.db), names: entityNameList(ctx.db) }),
  'spell:add-word': ({ word }, ctx) => ({
    custom: addSpellWord(ctx.db, word),
    names: entityNameList(ctx.db),
  }),
} satisfies HandlerTable<'spell:dictionary' | 'spell:words' | 'spell:add-word'>;
