import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../bridge';
import { Dialog } from '../components/Dialog';
import { flushActiveSession } from '../editor/activeSession';
import type { ArticleListItem } from '../../../shared/contract/articles';
import { canCarryComments, suggestExportFileName } from '../../../shared/contract/transfer';
import { ExportFields, fieldErrors, rememberChoice, useExportSetup } from './exportSetup';
import { uniqueNames } from './files';
import { errorSentence } from '../errors/errorSentence';

interface Props {
  /** Ticked when the dialog opens (the article open in the editor). */
  preselected: string[];
  onClose(): void;
}

type Answer = 'overwrite' | 'skip' | 'overwrite-all' | 'cancel';

interface Run {
  total: number;
  done: number;
  current: string | null;
  failed: { fileName: string; message: string }[];
  finished: null | 'done' | 'cancelled';
  folder: string;
}

/**
 * Several articles into one folder, one file after another, with a progress bar. Cancel lets
 * the file being written finish and stops before the next. A name that exists already is
 * asked about (overwrite, skip, overwrite all); nothing is replaced silently.
 */
export function BatchExportDialog({ preselected, onClose }: Props) {
  const { t } = useTranslation('transfer');
  const { formats, choice, setChoice, loadError } = useExportSetup();
  const [articles, setArticles] = useState<ArticleListItem[] | null>(null);
  const [selected, setSelected] = useState<Set<string>>(() => new Set(preselected));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [run, setRun] = useState<Run | null>(null);
  const [question, setQuestion] = useState<string | null>(null);
  const answer = useRef<((a: Answer) => void) | null>(null);
  const cancelled = useRef(false);
  const [stopping, setStopping] = useState(false);

  useEffect(() => {
    let live = true;
    void flushActiveSession()
      .then(() => api.articles.list({}))
      .then((r) => {
        if (!live) return;
        if (r.ok) setArticles(r.value);
        else setGeneral(errorSentence(r.error));
      });
    return () => {
      live = false;
      cancelled.current = true;
      answer.current?.('cancel');
    };
  }, []);

  const ask = (fileName: string) =>
    new Promise<Answer>((resolve) => {
      setQuestion(fileName);
      answer.current = (a) => {
        answer.current = null;
        setQuestion(null);
        resolve(a);
      };
    });

  const start = async () => {
    if (!articles) return;
    const chosen = articles.filter((a) => selected.has(a.id));
    const names = uniqueNames(chosen.map((a) => suggestExportFileName(a, choice.format, choice.annotated)));
    const directory = choice.directory.trim();
    cancelled.current = false;
    setStopping(false);
    setErrors({});
    setGeneral(null);
    await flushActiveSession();
    let overwriteAll = false;
    const state: Run = {
      total: chosen.length,
      done: 0,
      current: null,
      failed: [],
      finished: null,
      folder: directory,
    };
    setRun({ ...state });
    for (let i = 0; i < chosen.length; i++) {
      if (cancelled.current) break;
      const fileName = names[i];
      state.current = chosen[i].headline || t('untitled');
      setRun({ ...state });
      const request = {
        articleId: chosen[i].id,
        format: choice.format,
        annotated: choice.annotated || undefined,
        comments: (choice.comments && canCarryComments(choice.format, choice.annotated)) || undefined,
        directory,
        fileName,
      };
      let r = await api.export.article({ ...request, overwrite: overwriteAll || undefined });
      if (!r.ok && r.error.code === 'conflict') {
        const a = await ask(fileName);
        if (a === 'cancel') {
          cancelled.current = true;
          break;
        }
        if (a === 'overwrite-all') overwriteAll = true;
        if (a !== 'skip') r = await api.export.article({ ...request, overwrite: true });
      }
      if (r.ok) state.done++;
      else if (r.error.code !== 'conflict') {
        // A folder that cannot be written fails every file alike: stop and say so at the field.
        const split = fieldErrors(r.error, ['directory']);
        if (split.fields.directory || r.error.code === 'unavailable') {
          setErrors(split.fields);
          setGeneral(split.general);
          setRun(null);
          return;
        }
        state.failed.push({ fileName, message: errorSentence(r.error) });
      }
      setRun({ ...state });
    }
    state.current = null;
    state.finished = cancelled.current ? 'cancelled' : 'done';
    setRun({ ...state });
    rememberChoice(choice);
  };

  const running = run !== null && run.finished === null;
  const stop = () => {
    cancelled.current = true;
    setStopping(true);
    answer.current?.('cancel');
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <Dialog
      title={t('batchTitle')}
      open
      onClose={() => (running ? stop() : onClose())}
      className="transfer-dialog"
    >
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
        aria-busy={running}
      >
        {articles && (
          <fieldset className="transfer-articles" disabled={running}>
            <legend>{t('articles')}</legend>
            <div className="transfer-articles-tools">
              <button type="button" onClick={() => setSelected(new Set(articles.map((a) => a.id)))}>
                {t('selectAll')}
              </button>
              <button type="button" onClick={() => setSelected(new Set())}>
                {t('selectNone')}
              </button>
              <span className="muted">{t('selectedCount', { count: selected.size })}</span>
            </div>
            <ul>
              {articles.map((a) => (
                <li key={a.id}>
                  <label className="transfer-check">
                    <input
                      type="checkbox"
                      checked={selected.has(a.id)}
                      onChange={(e) => toggle(a.id, e.target.checked)}
                    />
                    {a.headline || t('untitled')}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        {formats && (
          <ExportFields
            formats={formats}
            choice={choice}
            onChange={setChoice}
            errors={errors}
            disabled={running}
          />
        )}
        {(general ?? loadError) && (
          <p role="alert" className="error">
            {general ?? loadError}
          </p>
        )}

        {run && (
          <div className="transfer-progress">
            <div
              role="progressbar"
              aria-label={t('progress')}
              aria-valuemin={0}
              aria-valuemax={run.total}
              aria-valuenow={run.done}
              aria-valuetext={t('progressText', { done: run.done, total: run.total })}
              className="transfer-bar"
            >
              <span style={{ width: `${run.total ? (run.done / run.total) * 100 : 100}%` }} />
            </div>
            <p role="status" className="muted">
              {run.finished === 'done'
                ? t('batchDone', { count: run.done, folder: run.folder })
                : run.finished === 'cancelled'
                  ? t('batchCancelled', { done: run.done, total: run.total, folder: run.folder })
                  : run.current
                    ? t('current', { name: run.current })
                    : t('progressText', { done: run.done, total: run.total })}
            </p>
            {run.failed.length > 0 && (
              <div role="alert">
                <p>{t('batchFailed')}</p>
                <ul>
                  {run.failed.map((f) => (
                    <li key={f.fileName}>{f.message}</li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        )}

        {question && (
          <div role="alertdialog" aria-label={t('overwrite')} className="transfer-confirm">
            <p>{t('exists', { fileName: question })}</p>
            <div className="dialog-actions">
              <button type="button" onClick={() => answer.current?.('cancel')}>
                {t('cancel')}
              </button>
              <button type="button" onClick={() => answer.current?.('skip')} autoFocus>
                {t('skip')}
              </button>
              <button type="button" className="danger" onClick={() => answer.current?.('overwrite')}>
                {t('overwrite')}
              </button>
              <button type="button" className="danger" onClick={() => answer.current?.('overwrite-all')}>
                {t('overwriteAll')}
              </button>
            </div>
          </div>
        )}

        <div className="dialog-actions">
          {running ? (
            <button type="button" onClick={stop} disabled={stopping}>
              {t('cancel')}
            </button>
          ) : (
            <>
              <button type="button" onClick={onClose}>
                {run?.finished ? t('close') : t('cancel')}
              </button>
              <button
                type="submit"
                className="primary"
                disabled={!articles || !formats || selected.size === 0 || !choice.directory.trim()}
              >
                {t('export')}
              </button>
            </>
          )}
        </div>
      </form>
    </Dialog>
  );
}
