import { createInstance } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import deErrors from '../../../shared/i18n/locales/de/errors.json';
import deFacts from '../../../shared/i18n/locales/de/facts.json';
import enErrors from '../../../shared/i18n/locales/en/errors.json';
import enFacts from '../../../shared/i18n/locales/en/facts.json';
import type { AppError } from '../../../shared/result';
import { errorSentence, type Translate } from './errorSentence';

const i18n = createInstance();
let german: Translate;

beforeAll(async () => {
  // As the app sets i18next up: German shown, English the fallback, no escaping (React escapes).
  await i18n.init({
    resources: { de: { errors: deErrors, facts: deFacts }, en: { errors: enErrors, facts: enFacts } },
    lng: 'de',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  german = (key, options) => String(i18n.t(key, options));
});

const error = (e: Partial<AppError>): AppError => ({ code: 'validation', message: 'English.', ...e });

describe('errorSentence', () => {
  it('says a keyed error in the UI language with its values', () => {
    const e = error({
      message: 'There is no deal with the id "deal-7".',
      key: 'noSuchDeal',
      params: { id: 'deal-7' },
    });
    expect(errorSentence(e, german)).toBe('Es gibt keinen Deal mit der ID „deal-7“.');
  });

  it('says a nested cause and a plural in German too', () => {
    const nested = error({
      key: 'cannotImport',
      params: { name: 'notiz.rtf', reason: { key: 'importRtf' } },
    });
    expect(errorSentence(nested, german)).toBe(
      '„notiz.rtf“ kann nicht importiert werden: RTF wird nicht unterstützt; speichern Sie die Datei als .docx und importieren Sie diese',
    );
    expect(errorSentence(error({ key: 'sourceCited', params: { title: 'Kicker', count: 2 } }), german)).toBe(
      'Die Quelle „Kicker“ kann nicht gelöscht werden: Sie belegt 2 Fakten. Entfernen Sie zuerst diese Belege.',
    );
  });

  it('translates a known validation message without a key, and shows any other message as it came', () => {
    expect(errorSentence(error({ message: 'must not be empty' }), german)).toBe(deFacts.messages.notEmpty);
    expect(errorSentence(error({ message: 'The desk said no.' }), german)).toBe('The desk said no.');
  });

  it('falls back to the message when the key is unknown or the values are odd', () => {
    const unknownKey = error({ message: 'Fallback.', key: 'noSuchThing' as never });
    expect(errorSentence(unknownKey, german)).toBe('Fallback.');
    const oddValue = error({
      message: 'Fallback.',
      key: 'noSuchDeal',
      params: { id: { evil: true } } as never,
    });
    expect(errorSentence(oddValue, german)).toBe('Fallback.');
  });

  it('does not let a value steer the lookup: a parameter named lng, ns or context is only a value', () => {
    const e = error({ key: 'noSuchComment', params: { id: 'c-1', lng: 'en', ns: 'facts', context: 'x' } });
    expect(errorSentence(e, german)).toBe('Es gibt keinen Kommentar mit der ID c-1.');
  });

  it('puts values in as text: nesting or interpolation syntax in a value is not resolved', () => {
    const e = error({ key: 'noSuchComment', params: { id: '$t(facts:messages.notEmpty) {{id}}' } });
    expect(errorSentence(e, german)).toBe(
      'Es gibt keinen Kommentar mit der ID $t(facts:messages.notEmpty) {{id}}.',
    );
  });
});
