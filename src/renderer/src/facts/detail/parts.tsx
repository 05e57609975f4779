import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AuditEntry,
  AuditRecordType,
  CitationView,
  LinkedArticle,
} from '../../../../shared/contract/facts';
import type { CitedFactType } from '../../../../shared/domain/fact-inputs';
import type { Result } from '../../../../shared/result';
import { api } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { notifyFactsChanged } from '../events';
import { useFormat } from '../format';
import { CitationForm } from '../forms/CitationForm';
import type { FactTarget } from '../types';
import { errorSentence } from '../../errors/errorSentence';

export function DetailHeader({
  type,
  title,
  badges,
  actions,
}: {
  type: string;
  title: ReactNode;
  badges?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header className="fact-detail-header">
      <span className="fact-type">{type}</span>
      <h2 className="fact-detail-title">{title}</h2>
      {badges && <div className="fact-badges">{badges}</div>}
      {actions && <div className="fact-actions">{actions}</div>}
    </header>
  );
}

export function Badge({ kind, children }: { kind: string; children: ReactNode }) {
  return <span className={`fact-badge badge-${kind}`}>{children}</span>;
}

export function UnsourcedBadge() {
  const { t } = useTranslation('facts');
  return <Badge kind="unsourced">{t('unsourced')}</Badge>;
}

/** Label/value pairs; empty values are left out. */
export function Facts({ rows }: { rows: [string, ReactNode][] }) {
  const shown = rows.filter(([, v]) => v !== null && v !== undefined && v !== '' && v !== false);
  return (
    <dl className="fact-dl">
      {shown.map(([k, v]) => (
        <div key={k} className="fact-dl-row">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function LinkButton({ onClick, children }: { onClick(): void; children: ReactNode }) {
  return (
    <button type="button" className="link-button" onClick={onClick}>
      {children}
    </button>
  );
}

export function Citations({
  factType,
  factId,
  citations,
  open,
}: {
  factType: CitedFactType;
  factId: string;
  citations: CitationView[];
  open(target: FactTarget): void;
}) {
  const { t } = useTranslation('facts');
  const { t: ts } = useTranslation('sources');
  const [editing, setEditing] = useState<CitationView | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const remove = async (c: CitationView) => {
    const r = await api.facts.citationDelete({ id: c.id });
    if (!r.ok) setError(errorSentence(r.error));
    else notifyFactsChanged();
  };
  return (
    <section className="fact-section" aria-label={t('citation.sectionLabel')}>
      <div className="fact-section-head">
        <h3>{t('citation.section')}</h3>
        <button type="button" onClick={() => setEditing('new')}>
          {t('citation.add')}
        </button>
      </div>
      {citations.length === 0 ? (
        <p className="muted">{t('citation.none')}</p>
      ) : (
        <ul className="citation-list">
          {citations.map((c) => (
            <li key={c.id}>
              <LinkButton onClick={() => open({ type: 'source', id: c.source.id })}>
                {c.source.title}
              </LinkButton>
              {c.source.publisher && <span className="muted"> · {c.source.publisher}</span>}
              {c.locator && (
                <>
                  {' · '}
                  {c.source.fileHash ? (
                    <button
                      type="button"
                      className="link-button citation-locator"
                      aria-label={ts('open.at', { title: c.source.title, locator: c.locator })}
                      onClick={() =>
                        open({
                          type: 'source',
                          id: c.source.id,
                          place: { locator: c.locator, excerpt: c.excerpt },
                        })
                      }
                    >
                      {c.locator}
                    </button>
                  ) : (
                    <span className="citation-locator">{c.locator}</span>
                  )}
                </>
              )}
              {c.excerpt && <blockquote className="citation-excerpt">{c.excerpt}</blockquote>}
              <div className="row-actions">
                <button
                  type="button"
                  onClick={() => setEditing(c)}
                  aria-label={t('citation.editNamed', { title: c.source.title })}
                >
                  {t('edit')}
                </button>
                <button
                  type="button"
                  className="danger"
                  onClick={() => void remove(c)}
                  aria-label={t('citation.removeNamed', { title: c.source.title })}
                >
                  {t('citation.remove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {editing && (
        <CitationForm
          factType={factType}
          factId={factId}
          citation={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}

export function LinkedArticles({ articles }: { articles: LinkedArticle[] }) {
  const { t } = useTranslation('facts');
  if (articles.length === 0) return null;
  return (
    <section className="fact-section" aria-label={t('linked.section')}>
      <h3>{t('linked.section')}</h3>
      <ul>
        {articles.map((a) => (
          <li key={a.articleId}>
            {a.headline || t('linked.untitled', { id: a.articleId })}{' '}
            <span className="muted">({t('linked.claims', { count: a.claims })})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function changes(entry: AuditEntry): { field: string; before: string; after: string }[] {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const show = (v: unknown) =>
    v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => k !== 'id' && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => ({ field: k, before: show(before[k]), after: show(after[k]) }));
}

/** Who changed the record when, and what each change did. Loaded when opened. */
export function AuditTrail({ recordType, recordId }: { recordType: AuditRecordType; recordId: string }) {
  const { t } = useTranslation('facts');
  const { instant } = useFormat();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const load = () => void api.facts.audit({ recordType, recordId }).then((r) => r.ok && setEntries(r.value));
  return (
    <details
      className="fact-section audit-trail"
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open) load();
      }}
    >
      <summary>{t('audit.title')}</summary>
      {entries === null ? null : entries.length === 0 ? (
        <p className="muted">{t('audit.none')}</p>
      ) : (
        <ol className="audit-list">
          {entries.map((e) => (
            <li key={e.seq}>
              <div>
                <strong>{t(`audit.${e.action}`)}</strong> · {e.user} · {instant(e.at)}
                {e.via && <span className="muted"> · {e.via}</span>}
              </div>
              {e.action === 'update' && (
                <ul className="audit-changes">
                  {changes(e).map((c) => (
                    <li key={c.field}>
                      <code>{c.field}</code>: {c.before} → {c.after}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}

/** Delete with a confirmation; a refusal (e.g. articles rely on the fact) is shown as it came. */
export function DeleteAction({
  what,
  onDelete,
  onDeleted,
}: {
  what: string;
  onDelete(): Promise<Result<unknown>>;
  onDeleted(): void;
}) {
  const { t } = useTranslation('facts');
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    const r = await onDelete();
    setAsking(false);
    if (!r.ok) return setError(errorSentence(r.error));
    setError(null);
    notifyFactsChanged();
    onDeleted();
  };
  return (
    <>
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        {t('delete')}
      </button>
      {error && (
        <p role="alert" className="error delete-error">
          {error}
        </p>
      )}
      <Dialog title={t('deleteConfirmTitle')} open={asking} onClose={() => setAsking(false)}>
        <p>{t('deleteConfirm', { what })}</p>
        <div className="dialog-actions">
          <button type="button" onClick={() => setAsking(false)}>
            {t('form.cancel')}
          </button>
          <button type="button" className="primary danger-fill" onClick={() => void confirm()}>
            {t('delete')}
          </button>
        </div>
      </Dialog>
    </>
  );
}
