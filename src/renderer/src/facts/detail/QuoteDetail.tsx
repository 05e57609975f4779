import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../bridge';
import { useFormat } from '../format';
import { QuoteForm, type QuoteDraft } from '../forms/QuoteForm';
import type { FactTarget } from '../types';
import {
  AuditTrail,
  Badge,
  Citations,
  DeleteAction,
  DetailHeader,
  Facts,
  LinkButton,
  LinkedArticles,
  UnsourcedBadge,
} from './parts';
import { KeepLocal } from './KeepLocal';
import { useRecord } from './useRecord';

export function QuoteDetail({
  id,
  open,
  onDeleted,
}: {
  id: string;
  open(t: FactTarget): void;
  onDeleted(): void;
}) {
  const { t } = useTranslation('facts');
  const f = useFormat();
  const { value: view, error } = useRecord(() => api.facts.quoteGet({ id }), id);
  const [form, setForm] = useState<{ draft?: QuoteDraft; edit: boolean } | null>(null);
  if (error)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  if (!view) return <p className="muted">{t('loading')}</p>;
  const q = view.quote;
  const quoteLink = (r: { id: string; wording: string; language: string }) => (
    <LinkButton onClick={() => open({ type: 'quote', id: r.id })}>
      <span lang={r.language}>{r.wording}</span> <span className="muted">({r.language})</span>
    </LinkButton>
  );
  return (
    <article className="fact-detail" aria-label={t('quote.detailLabel', { speaker: view.speaker.name })}>
      <DetailHeader
        type={t('type.quote')}
        title={
          <LinkButton onClick={() => open({ type: 'entity', id: view.speaker.id })}>
            {view.speaker.name}
          </LinkButton>
        }
        badges={
          <>
            <Badge kind={`status-${q.status}`}>{t(`quoteStatus.${q.status}`)}</Badge>
            {view.citations.length === 0 && <UnsourcedBadge />}
          </>
        }
        actions={
          <>
            <button type="button" onClick={() => setForm({ edit: true })}>
              {t('edit')}
            </button>
            <button
              type="button"
              onClick={() =>
                setForm({
                  edit: false,
                  draft: {
                    speaker: { id: view.speaker.id, label: view.speaker.name },
                    translationOf: { id: q.id, label: q.wording },
                    date: q.date,
                    occasion: q.occasion,
                  },
                })
              }
            >
              {t('quote.addTranslation')}
            </button>
            <DeleteAction
              what={t('quote.deleteWhat', { speaker: view.speaker.name })}
              onDelete={() => api.facts.quoteDelete({ id })}
              onDeleted={onDeleted}
            />
          </>
        }
      />
      <blockquote className="quote-wording" lang={q.language}>
        {q.wording}
      </blockquote>
      <Facts
        rows={[
          [t('quote.roleAtTime'), q.roleAtTime],
          [t('quote.date'), f.date(q.date)],
          [t('quote.occasion'), t(`occasion.${q.occasion}`)],
          [t('quote.language'), q.language],
          [t('quote.translationOf'), view.translationOf ? quoteLink(view.translationOf) : null],
          [
            t('quote.translations'),
            view.translations.length ? (
              <ul className="plain-list">
                {view.translations.map((r) => (
                  <li key={r.id}>{quoteLink(r)}</li>
                ))}
              </ul>
            ) : null,
          ],
          [t('quote.notes'), q.notes],
        ]}
      />
      <KeepLocal type="quote" id={id} />
      <Citations factType="quote" factId={id} citations={view.citations} open={open} />
      <LinkedArticles articles={view.linkedArticles} />
      <AuditTrail recordType="quote" recordId={id} />
      {form && (
        <QuoteForm
          view={form.edit ? view : null}
          draft={form.draft}
          onClose={() => setForm(null)}
          onSaved={(saved) => {
            setForm(null);
            if (saved !== id) open({ type: 'quote', id: saved });
          }}
        />
      )}
    </article>
  );
}
