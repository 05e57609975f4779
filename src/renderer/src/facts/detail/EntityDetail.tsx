import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleView } from '../../../../shared/contract/facts';
import { api } from '../../bridge';
import { notifyFactsChanged } from '../events';
import { useFormat } from '../format';
import { CitationForm } from '../forms/CitationForm';
import { EntityForm } from '../forms/EntityForm';
import { RoleForm } from '../forms/RoleForm';
import type { FactTarget } from '../types';
import {
  AuditTrail,
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
import { errorSentence } from '../../errors/errorSentence';

export function EntityDetail({
  id,
  open,
  onDeleted,
  onShowFacts,
}: {
  id: string;
  open(t: FactTarget): void;
  onDeleted(): void;
  /** Lists the deals or quotes of this entity in the search results. */
  onShowFacts(entity: { id: string; name: string }, kind: 'deal' | 'quote'): void;
}) {
  const { t } = useTranslation('facts');
  const f = useFormat();
  const { value: view, error } = useRecord(() => api.facts.entityGet({ id }), id);
  const [editing, setEditing] = useState(false);
  const [role, setRole] = useState<RoleView | 'new' | null>(null);
  const [roleError, setRoleError] = useState<string | null>(null);
  const [citing, setCiting] = useState<RoleView | null>(null);
  if (error)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  if (!view) return <p className="muted">{t('loading')}</p>;
  const e = view.entity;
  const removeRole = async (r: RoleView) => {
    const res = await api.facts.roleDelete({ id: r.id });
    if (!res.ok) setRoleError(errorSentence(res.error));
    else notifyFactsChanged();
  };
  const roleLine = (r: RoleView, who: 'person' | 'organisation') => (
    <>
      {r.title}
      {who === 'organisation' && r.organisation && (
        <>
          {', '}
          <LinkButton onClick={() => open({ type: 'entity', id: r.organisation!.id })}>
            {r.organisation.name}
          </LinkButton>
        </>
      )}
      {who === 'person' && (
        <>
          {': '}
          <LinkButton onClick={() => open({ type: 'entity', id: r.person.id })}>{r.person.name}</LinkButton>
        </>
      )}
      <span className="muted"> · {f.period(r.from, r.to) || t('role.noPeriod')}</span>
      {r.citations.length === 0 ? (
        <UnsourcedBadge />
      ) : (
        <span className="muted">
          {' '}
          · {r.citations.map((c) => [c.source.title, c.locator].filter(Boolean).join(', ')).join('; ')}
        </span>
      )}
    </>
  );
  return (
    <article className="fact-detail" aria-label={t('entity.detailLabel', { name: e.name })}>
      <DetailHeader
        type={t(`entityKind.${e.kind}`)}
        title={e.name}
        actions={
          <>
            <button type="button" onClick={() => setEditing(true)}>
              {t('edit')}
            </button>
            <DeleteAction
              what={e.name}
              onDelete={() => api.facts.entityDelete({ id })}
              onDeleted={onDeleted}
            />
          </>
        }
      />
      <Facts
        rows={[
          [t('entity.aliases'), e.aliases.join(', ')],
          [t('entity.note'), e.note],
        ]}
      />
      <div className="fact-counts">
        <button
          type="button"
          onClick={() => onShowFacts({ id, name: e.name }, 'deal')}
          disabled={view.dealCount === 0}
        >
          {t('entity.deals', { count: view.dealCount })}
        </button>
        <button
          type="button"
          onClick={() => onShowFacts({ id, name: e.name }, 'quote')}
          disabled={view.quoteCount === 0}
        >
          {t('entity.quotes', { count: view.quoteCount })}
        </button>
      </div>
      {e.kind === 'person' && (
        <section className="fact-section" aria-label={t('role.section')}>
          <div className="fact-section-head">
            <h3>{t('role.section')}</h3>
            <button type="button" onClick={() => setRole('new')}>
              {t('role.add')}
            </button>
          </div>
          {view.roles.length === 0 ? (
            <p className="muted">{t('role.none')}</p>
          ) : (
            <ul className="role-list">
              {view.roles.map((r) => (
                <li key={r.id}>
                  {roleLine(r, 'organisation')}
                  <div className="row-actions">
                    <button
                      type="button"
                      onClick={() => setCiting(r)}
                      aria-label={t('role.citeNamed', { title: r.title })}
                    >
                      {t('citation.add')}
                    </button>
                    <button
                      type="button"
                      onClick={() => setRole(r)}
                      aria-label={t('role.editNamed', { title: r.title })}
                    >
                      {t('edit')}
                    </button>
                    <button
                      type="button"
                      className="danger"
                      onClick={() => void removeRole(r)}
                      aria-label={t('role.removeNamed', { title: r.title })}
                    >
                      {t('delete')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
          {roleError && (
            <p role="alert" className="error">
              {roleError}
            </p>
          )}
        </section>
      )}
      {view.members.length > 0 && (
        <section className="fact-section" aria-label={t('role.members')}>
          <h3>{t('role.members')}</h3>
          <ul className="role-list">
            {view.members.map((r) => (
              <li key={r.id}>{roleLine(r, 'person')}</li>
            ))}
          </ul>
        </section>
      )}
      <KeepLocal type="entity" id={id} />
      <Citations factType="entity" factId={id} citations={view.citations} open={open} />
      <LinkedArticles articles={view.linkedArticles} />
      <AuditTrail recordType="entity" recordId={id} />
      {editing && (
        <EntityForm entity={e} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      )}
      {citing && <CitationForm factType="role" factId={citing.id} onClose={() => setCiting(null)} />}
      {role && <RoleForm personId={id} role={role === 'new' ? null : role} onClose={() => setRole(null)} />}
    </article>
  );
}
