import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../bridge';
import { notifyFactsChanged } from '../events';
import { download, fromBase64, MAX_ATTACHMENT_MB, uploadSourceFile } from '../files';
import { useFormat } from '../format';
import { FileDrop } from '../forms/FileDrop';
import { SourceForm } from '../forms/SourceForm';
import type { FactTarget } from '../types';
import { SourceViewer } from '../../sources/SourceViewer';
import { errorSentence } from '../../errors/errorSentence';

type SourcePlaceInText = NonNullable<FactTarget['place']>;
import { AuditTrail, DeleteAction, DetailHeader, Facts, LinkButton, LinkedArticles } from './parts';
import { useRecord } from './useRecord';

const FACT_TARGET: Record<string, FactTarget['type'] | undefined> = {
  deal: 'deal',
  quote: 'quote',
  entity: 'entity',
};

function size(bytes: number, lang: string): string {
  const fmt = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${fmt.format(bytes / 1024)} KB`;
  return `${fmt.format(bytes / 1024 / 1024)} MB`;
}

export function SourceDetail({
  id,
  place,
  open,
  onDeleted,
}: {
  id: string;
  place: SourcePlaceInText | null;
  open(t: FactTarget): void;
  onDeleted(): void;
}) {
  const { t } = useTranslation('facts');
  const { t: ts } = useTranslation('sources');
  const [here, setHere] = useState<SourcePlaceInText | null>(place);
  const f = useFormat();
  const { value: view, error } = useRecord(() => api.facts.sourceGet({ id }), id);
  const [editing, setEditing] = useState(false);
  const [fileState, setFileState] = useState<{ busy?: 'upload' | 'fetch'; error?: string } | null>(null);
  if (error)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  if (!view) return <p className="muted">{t('loading')}</p>;
  const s = view.source;

  const attach = async (file: File) => {
    setFileState({ busy: 'upload' });
    const r = await uploadSourceFile(id, file);
    if (r.ok) {
      setFileState(null);
      notifyFactsChanged();
    } else
      setFileState({
        error: 'tooLarge' in r ? t('file.tooLarge', { mb: MAX_ATTACHMENT_MB }) : errorSentence(r.error),
      });
  };
  // A file not stored here came with a colleague's record: the shell fetches it from the desk
  // (verified against its SHA-256) and keeps it, so the view shows it as stored afterwards.
  const save = async () => {
    const fromDesk = !view.file?.stored;
    if (fromDesk) setFileState({ busy: 'fetch' });
    const r = await api.facts.sourceFile({ sourceId: id });
    if (r.ok) {
      setFileState(null);
      download(r.value.fileName, fromBase64(r.value.base64), 'application/octet-stream');
      if (fromDesk) notifyFactsChanged();
    } else setFileState({ error: errorSentence(r.error) });
  };
  const detach = async () => {
    const r = await api.facts.sourceDetachFile({ sourceId: id });
    if (r.ok) notifyFactsChanged();
    else setFileState({ error: errorSentence(r.error) });
  };

  return (
    <article className="fact-detail" aria-label={t('source.detailLabel', { title: s.title })}>
      <DetailHeader
        type={t(`sourceKind.${s.kind}`)}
        title={s.title}
        actions={
          <>
            <button type="button" onClick={() => setEditing(true)}>
              {t('edit')}
            </button>
            <DeleteAction
              what={s.title}
              onDelete={() => api.facts.sourceDelete({ id })}
              onDeleted={onDeleted}
            />
          </>
        }
      />
      <Facts
        rows={[
          [t('source.publisher'), s.publisher],
          [
            t('source.url'),
            s.url ? (
              <LinkButton onClick={() => void api.shell.openExternal({ url: s.url! })}>
                <span className="url">{s.url}</span>
              </LinkButton>
            ) : null,
          ],
          [t('source.publishedAt'), f.date(s.publishedAt)],
          [t('source.accessedAt'), f.date(s.accessedAt)],
          [t('source.notes'), s.notes],
        ]}
      />
      <section className="fact-section" aria-label={t('source.file')}>
        <h3>{t('source.file')}</h3>
        {s.fileHash ? (
          <div className="source-file">
            <span>{s.fileName}</span>
            {view.file?.stored ? (
              <span className="muted"> · {size(view.file.size ?? 0, f.lang)}</span>
            ) : (
              <span className="muted"> · {t('file.notStored')}</span>
            )}
            <div className="muted hash" title={s.fileHash}>
              SHA-256 {s.fileHash.slice(0, 16)}…
            </div>
            <div className="row-actions">
              <button type="button" onClick={() => void save()} disabled={fileState?.busy !== undefined}>
                {view.file?.stored ? t('file.download') : t('file.fetchFromDesk')}
              </button>
              <button type="button" className="danger" onClick={() => void detach()}>
                {t('file.remove')}
              </button>
            </div>
          </div>
        ) : (
          <p className="muted">{t('file.none')}</p>
        )}
        <FileDrop
          label={s.fileHash ? t('file.replace') : t('file.attach')}
          onFile={(file) => void attach(file)}
          current={
            fileState?.busy ? t(fileState.busy === 'fetch' ? 'file.fetching' : 'file.uploading') : null
          }
        />
        {fileState?.error && (
          <p role="alert" className="error">
            {fileState.error}
          </p>
        )}
        {s.fileHash && view.file?.stored && (
          <SourceViewer key={s.fileHash} sourceId={id} title={s.title} place={here} />
        )}
      </section>
      <section className="fact-section" aria-label={t('source.citedBy')}>
        <h3>{t('source.citedBy')}</h3>
        {view.citedBy.length === 0 ? (
          <p className="muted">{t('source.citedByNone')}</p>
        ) : (
          <ul className="citation-list">
            {view.citedBy.map((c) => {
              const type = FACT_TARGET[c.factType];
              return (
                <li key={c.citationId}>
                  <span className="fact-type">{t(`type.${c.factType}`)}</span>{' '}
                  {type ? (
                    <LinkButton onClick={() => open({ type, id: c.factId })}>{c.label}</LinkButton>
                  ) : (
                    c.label
                  )}
                  {c.locator && (
                    <>
                      {' · '}
                      {s.fileHash ? (
                        <button
                          type="button"
                          className="link-button citation-locator"
                          aria-label={ts('open.at', { title: s.title, locator: c.locator })}
                          onClick={() => setHere({ locator: c.locator, excerpt: c.excerpt })}
                        >
                          {c.locator}
                        </button>
                      ) : (
                        <span className="citation-locator">{c.locator}</span>
                      )}
                    </>
                  )}
                  {c.excerpt && <blockquote className="citation-excerpt">{c.excerpt}</blockquote>}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <LinkedArticles articles={view.linkedArticles} />
      <AuditTrail recordType="source" recordId={id} />
      {editing && (
        <SourceForm source={s} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      )}
    </article>
  );
}
