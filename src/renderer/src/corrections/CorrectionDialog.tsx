import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClaimView } from '../../../shared/contract/claims';
import type { FactRef } from '../../../shared/domain/facts';
import type { ExportFacts } from '../../../shared/export/context';
import { Dialog } from '../components/Dialog';
import { saveCorrection, type CorrectionDraft } from './correctionsStore';
import { errorSentence } from '../errors/errorSentence';

const shorten = (raw: string, max = 70) => {
  const text = raw.trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
};
const refKey = (r: FactRef) => `${r.type}:${r.id}`;

/** The words that name a fact in the form: a deal's subject, a quote's wording, a name or title. */
export function factName(ref: FactRef, facts: ExportFacts | undefined): string {
  const found =
    ref.type === 'deal'
      ? facts?.deals.find((d) => d.id === ref.id)?.subject
      : ref.type === 'quote'
        ? facts?.quotes.find((q) => q.id === ref.id)?.wording
        : ref.type === 'source'
          ? facts?.sources.find((s) => s.id === ref.id)?.title
          : ref.type === 'entity'
            ? facts?.entities.find((e) => e.id === ref.id)?.name
            : facts?.roles.find((r) => r.id === ref.id)?.title;
  return shorten(found ?? ref.id, 60);
}

interface Props {
  articleId: string;
  initial: CorrectionDraft;
  /** Set when an existing, not yet exported correction is edited. */
  editId?: string;
  claims: readonly ClaimView[];
  facts: ExportFacts | undefined;
  onClose(): void;
}

/** What was wrong, what is right, and the claims and facts it concerns. */
export function CorrectionDialog({ articleId, initial, editId, claims, facts, onClose }: Props) {
  const { t } = useTranslation('corrections');
  const id = useId();
  const [wrong, setWrong] = useState(initial.wrong);
  const [right, setRight] = useState(initial.right);
  const [claimIds, setClaimIds] = useState<string[]>(initial.claimIds);
  // Facts offered: those the draft names and those the ticked claims link.
  const offered = [
    ...new Map(
      [...initial.facts, ...claims.filter((c) => claimIds.includes(c.id)).flatMap((c) => c.links)].map(
        (r) => [refKey(r), r],
      ),
    ).values(),
  ];
  const [factKeys, setFactKeys] = useState<string[]>(initial.facts.map(refKey));
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const toggle = (list: string[], value: string, on: boolean) =>
    on ? [...list, value] : list.filter((v) => v !== value);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const draft: CorrectionDraft = {
      wrong,
      right,
      claimIds,
      facts: offered.filter((r) => factKeys.includes(refKey(r))),
    };
    const r = await saveCorrection(articleId, draft, editId);
    setBusy(false);
    if (r.ok) return onClose();
    setError(errorSentence(r.error));
    setFieldErrors(Object.fromEntries((r.error.fields ?? []).map((f) => [f.path.split('.')[0], f.message])));
  };

  const fieldError = (name: string) =>
    fieldErrors[name] ? (
      <span id={`${id}-${name}-error`} className="error">
        {t(`field.${name}`)}: {fieldErrors[name]}
      </span>
    ) : null;

  return (
    <Dialog
      title={editId ? t('dialog.editTitle') : t('dialog.title')}
      open
      onClose={onClose}
      className="correction-dialog"
    >
      <form onSubmit={(e) => void submit(e)}>
        <p className="muted">{t('dialog.hint')}</p>
        <label className="correction-field">
          <span>{t('field.wrong')}</span>
          <textarea
            value={wrong}
            rows={3}
            maxLength={2000}
            required
            aria-invalid={fieldErrors.wrong ? true : undefined}
            aria-describedby={fieldErrors.wrong ? `${id}-wrong-error` : undefined}
            onChange={(e) => setWrong(e.target.value)}
          />
          {fieldError('wrong')}
        </label>
        <label className="correction-field">
          <span>{t('field.right')}</span>
          <textarea
            value={right}
            rows={3}
            maxLength={2000}
            required
            aria-invalid={fieldErrors.right ? true : undefined}
            aria-describedby={fieldErrors.right ? `${id}-right-error` : undefined}
            onChange={(e) => setRight(e.target.value)}
          />
          {fieldError('right')}
        </label>
        {claims.length > 0 && (
          <fieldset className="correction-links">
            <legend>{t('field.claimIds')}</legend>
            {claims.map((c) => (
              <label key={c.id}>
                <input
                  type="checkbox"
                  checked={claimIds.includes(c.id)}
                  onChange={(e) => setClaimIds((l) => toggle(l, c.id, e.target.checked))}
                />
                {shorten(c.text)}
              </label>
            ))}
            {fieldError('claimIds')}
          </fieldset>
        )}
        {offered.length > 0 && (
          <fieldset className="correction-links">
            <legend>{t('field.facts')}</legend>
            {offered.map((r) => (
              <label key={refKey(r)}>
                <input
                  type="checkbox"
                  checked={factKeys.includes(refKey(r))}
                  onChange={(e) => setFactKeys((l) => toggle(l, refKey(r), e.target.checked))}
                />
                {t(`factType.${r.type}`)}: {factName(r, facts)}
              </label>
            ))}
            {fieldError('facts')}
          </fieldset>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {editId ? t('dialog.saveEdit') : t('dialog.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
