import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuoteView } from '../../../../shared/contract/facts';
import {
  QUOTE_OCCASIONS,
  QUOTE_STATUSES,
  isRealIsoDate,
  type QuoteOccasion,
  type QuoteStatus,
} from '../../../../shared/domain/facts';
import { api } from '../../bridge';
import { notifyFactsChanged } from '../events';
import { EntityPicker } from './EntityPicker';
import { Field, fieldProps } from './Field';
import { FormDialog } from './FormDialog';
import { RecordPicker, type PickerOption } from './RecordPicker';
import { useFormErrors } from './useFormErrors';
import { dateProblem, orNull } from './values';

const PATHS = { speakerId: 'speaker', translationOfId: 'translationOf' };

export interface QuoteDraft {
  speaker?: PickerOption | null;
  translationOf?: PickerOption | null;
  date?: string | null;
  occasion?: QuoteOccasion;
  wording?: string;
  language?: string;
}

export function QuoteForm({
  view,
  draft,
  onClose,
  onSaved,
}: {
  view?: QuoteView | null;
  draft?: QuoteDraft;
  onClose(): void;
  onSaved(id: string): void;
}) {
  const { t, i18n } = useTranslation('facts');
  const q = view?.quote;
  const [speaker, setSpeaker] = useState<PickerOption | null>(
    view ? { id: view.speaker.id, label: view.speaker.name } : (draft?.speaker ?? null),
  );
  const [wording, setWording] = useState(q?.wording ?? draft?.wording ?? '');
  const [language, setLanguage] = useState(
    q?.language ?? draft?.language ?? (i18n.language.startsWith('de') ? 'de' : 'en'),
  );
  const [date, setDate] = useState(q?.date ?? draft?.date ?? '');
  const [roleAtTime, setRoleAtTime] = useState(q?.roleAtTime ?? '');
  const [occasion, setOccasion] = useState<QuoteOccasion>(q?.occasion ?? draft?.occasion ?? 'interview');
  const [status, setStatus] = useState<QuoteStatus>(q?.status ?? 'unverified');
  const [translationOf, setTranslationOf] = useState<PickerOption | null>(
    view?.translationOf
      ? { id: view.translationOf.id, label: view.translationOf.wording }
      : (draft?.translationOf ?? null),
  );
  const [notes, setNotes] = useState(q?.notes ?? '');
  const [busy, setBusy] = useState(false);
  // The role is filled from the speaker's roles until the person types their own.
  const roleTouched = useRef(Boolean(q?.roleAtTime));

  useEffect(() => {
    if (roleTouched.current || !speaker) return;
    const d = date.trim();
    if (d && !isRealIsoDate(d)) return;
    let current = true;
    void api.facts.roleAt({ personId: speaker.id, date: d || null }).then((r) => {
      if (current && r.ok && !roleTouched.current) setRoleAtTime(r.value.roleAtTime ?? '');
    });
    return () => {
      current = false;
    };
  }, [speaker, date]);

  const labels = useMemo(
    () => ({
      speaker: t('quote.speaker'),
      wording: t('quote.wording'),
      language: t('quote.language'),
      date: t('quote.date'),
      roleAtTime: t('quote.roleAtTime'),
      occasion: t('quote.occasion'),
      status: t('quote.status'),
      translationOf: t('quote.translationOf'),
      notes: t('quote.notes'),
    }),
    [t],
  );
  const { errors, formError, showProblems, showError } = useFormErrors(labels, PATHS);

  const searchQuotes = useCallback(
    async (query: string): Promise<PickerOption[]> => {
      const r = await api.facts.search({ query, typing: true, kinds: ['quote'], limit: 8 });
      if (!r.ok) return [];
      return r.value.hits
        .filter((h) => h.id !== q?.id)
        .map((h) => ({
          id: h.id,
          label: h.title.map((s) => s.text).join(''),
          detail: h.meta.type === 'quote' ? `${h.meta.speaker}, ${h.meta.language}` : undefined,
        }));
    },
    [q?.id],
  );

  const submit = async () => {
    const problems: { path: string; message: string }[] = [];
    if (!speaker) problems.push({ path: 'speaker', message: 'must be chosen' });
    if (!wording.trim()) problems.push({ path: 'wording', message: 'must not be empty' });
    const dp = dateProblem(date);
    if (dp) problems.push({ path: 'date', message: dp });
    if (problems.length) return showProblems(problems);
    const input = {
      speakerId: speaker!.id,
      roleAtTime: orNull(roleAtTime),
      wording,
      language: language.trim(),
      date: orNull(date),
      occasion,
      translationOfId: translationOf?.id ?? null,
      status,
      notes: orNull(notes),
    };
    setBusy(true);
    const r = q ? await api.facts.quoteUpdate({ id: q.id, ...input }) : await api.facts.quoteCreate(input);
    setBusy(false);
    if (!r.ok) return showError(r.error);
    notifyFactsChanged();
    onSaved(r.value.id);
  };

  return (
    <FormDialog
      title={q ? t('quote.editTitle') : t('quote.newTitle')}
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      formError={formError}
    >
      <Field id="quote-speaker" label={labels.speaker} error={errors.speaker} wide>
        <EntityPicker
          id="quote-speaker"
          value={speaker}
          onChange={setSpeaker}
          createKind="person"
          error={errors.speaker}
        />
      </Field>
      <Field id="quote-wording" label={labels.wording} error={errors.wording} wide>
        <textarea
          {...fieldProps('quote-wording', errors.wording)}
          lang={language}
          rows={4}
          value={wording}
          onChange={(e) => setWording(e.target.value)}
        />
      </Field>
      <Field id="quote-language" label={labels.language} error={errors.language}>
        <input
          {...fieldProps('quote-language', errors.language)}
          list="fact-languages"
          value={language}
          onChange={(e) => setLanguage(e.target.value)}
        />
        <datalist id="fact-languages">
          {['de', 'en', 'fr', 'es', 'it', 'nl', 'pl', 'da', 'sv', 'tr'].map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
      </Field>
      <Field id="quote-date" label={labels.date} error={errors.date}>
        <input
          {...fieldProps('quote-date', errors.date)}
          placeholder={t('form.datePlaceholder')}
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
      </Field>
      <Field id="quote-role" label={labels.roleAtTime} error={errors.roleAtTime} wide>
        <input
          {...fieldProps('quote-role', errors.roleAtTime)}
          value={roleAtTime}
          onChange={(e) => {
            roleTouched.current = true;
            setRoleAtTime(e.target.value);
          }}
        />
      </Field>
      <Field id="quote-occasion" label={labels.occasion}>
        <select
          {...fieldProps('quote-occasion')}
          value={occasion}
          onChange={(e) => setOccasion(e.target.value as QuoteOccasion)}
        >
          {QUOTE_OCCASIONS.map((o) => (
            <option key={o} value={o}>
              {t(`occasion.${o}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="quote-status" label={labels.status}>
        <select
          {...fieldProps('quote-status')}
          value={status}
          onChange={(e) => setStatus(e.target.value as QuoteStatus)}
        >
          {QUOTE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`quoteStatus.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="quote-translation-of" label={labels.translationOf} error={errors.translationOf} wide>
        <RecordPicker
          id="quote-translation-of"
          value={translationOf}
          onChange={setTranslationOf}
          search={searchQuotes}
          invalid={Boolean(errors.translationOf)}
          describedBy={errors.translationOf ? 'quote-translation-of-error' : undefined}
        />
      </Field>
      <Field id="quote-notes" label={labels.notes} error={errors.notes} wide>
        <textarea
          {...fieldProps('quote-notes', errors.notes)}
          rows={2}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </Field>
    </FormDialog>
  );
}
