import { useCallback, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GateStatus } from '../../../shared/claims/gate';
import { api } from '../bridge';
import { Dialog } from '../components/Dialog';
import type { ArticleStatus } from '../../../shared/domain/articles';
import { useStatusItem } from '../app/status';
import { overrideGate, useClaimsState } from './claimsStore';
import { errorSentence } from '../errors/errorSentence';

const shorten = (text: string, max = 70) =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

function GateDialog({
  articleId,
  gate,
  title,
  onDone,
}: {
  articleId: string;
  gate: GateStatus;
  title?: string;
  onDone(passed: boolean): void;
}) {
  const { t } = useTranslation('claims');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim() === '') {
      setError(t('gate.reasonMissing'));
      return;
    }
    const result = await overrideGate(articleId, reason);
    if (!result.ok)
      setError(result.error.fields?.find((f) => f.path === 'reason')?.message ?? errorSentence(result.error));
    else if (result.value.passes) onDone(true);
  };

  return (
    <Dialog title={title ?? t('gate.title')} open onClose={() => onDone(false)} className="gate-dialog">
      <p>{t('gate.blocked', { count: gate.open.length })}</p>
      <ul className="gate-open">
        {gate.open.map((c) => (
          <li key={c.id}>
            <span className={`claim-status claim-status-${c.status}`}>{t(`status.${c.status}`)}</span>{' '}
            {shorten(c.text)}
          </li>
        ))}
      </ul>
      <p className="muted">{t('gate.explain')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <label className="stacked">
          {t('gate.reason')}
          <textarea
            value={reason}
            rows={3}
            maxLength={1000}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'gate-reason-error' : undefined}
            onChange={(e) => (setReason(e.target.value), setError(null))}
          />
        </label>
        {error && (
          <p id="gate-reason-error" className="error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={() => onDone(false)}>
            {t('gate.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('gate.override')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * For the article's status control: `confirmReady()` resolves true when the article may become
 * "ready" — at once when every claim is verified, else after the user writes an override reason
 * in the dialog (which the caller renders). The server checks the gate again on the save.
 */
export function useReadyGate(articleId: string): { confirmReady(): Promise<boolean>; dialog: ReactNode } {
  const [pending, setPending] = useState<GateStatus | null>(null);
  const resolver = useRef<((passed: boolean) => void) | null>(null);

  const confirmReady = useCallback(async () => {
    const result = await api.claims.gate({ articleId });
    if (!result.ok) return false;
    if (result.value.passes) return true;
    setPending(result.value);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, [articleId]);

  const done = (passed: boolean) => {
    setPending(null);
    resolver.current?.(passed);
    resolver.current = null;
  };

  return {
    confirmReady,
    dialog: pending ? <GateDialog articleId={articleId} gate={pending} onDone={done} /> : null,
  };
}

/**
 * An article already "ready" or "published" whose gate shut again — a claim marked or reopened
 * since — says so in the status bar, and the gate can be confirmed again (verify, or give a new
 * reason) without leaving the status.
 */
export function GateRecheck({ articleId, status }: { articleId: string; status: ArticleStatus }) {
  const { t } = useTranslation('claims');
  const { articleId: claimsArticle, data } = useClaimsState();
  const [confirming, setConfirming] = useState(false);
  const gate = claimsArticle === articleId ? data?.gate : undefined;
  const shut = (status === 'ready' || status === 'published') && gate !== undefined && !gate.passes;
  const count = shut ? gate.open.length : 0;
  const node = useMemo(
    () =>
      count > 0 ? (
        <span className="status-item gate-recheck">
          {t('gate.recheck', { count, status: t(`library:status.${status}`) })}{' '}
          <button type="button" className="link-button" onClick={() => setConfirming(true)}>
            {t('gate.reconfirm')}
          </button>
        </span>
      ) : null,
    [count, status, t],
  );
  useStatusItem('claims.gate-recheck', node, 20);
  return confirming && shut ? (
    <GateDialog
      articleId={articleId}
      gate={gate}
      title={t('gate.reconfirmTitle')}
      onDone={() => setConfirming(false)}
    />
  ) : null;
}
