import { memo, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { linkSearchSeed, type SeedKind } from '../../../shared/claims/searchSeed';
import type { ClaimView } from '../../../shared/contract/claims';
import type { FactRef } from '../../../shared/domain/facts';
import type { PassageRef, SearchHit, SearchInput } from '../../../shared/contract/facts';
import type { ArticleLanguage } from '../../../shared/domain/articles';
import { api } from '../bridge';
import { Dialog } from '../components/Dialog';
import { useFormat, type Formatters } from '../facts/format';
import { HitMetaWords } from '../facts/ResultList';
import { latestOnly } from '../facts/latestOnly';
import { linkFacts } from './claimsStore';
import { errorSentence } from '../errors/errorSentence';

const KINDS: SeedKind[] = ['quote', 'deal', 'entity', 'source'];

function hitLabel(hit: SearchHit): string {
  return hit.title.map((s) => s.text).join('');
}

/** A quote hit shows a snippet; the checker reads the whole wording before linking it. */
function FullWording({ hit, t }: { hit: SearchHit; t: TFunction<'claims'> }) {
  const [open, setOpen] = useState(false);
  const [wording, setWording] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const regionId = useId();
  const cut = hit.title[0]?.text === '…' || hit.title.at(-1)?.text === '…';
  if (hit.type !== 'quote' || !cut) return null;
  const toggle = async () => {
    setOpen(!open);
    if (wording !== null || open) return;
    const result = await api.facts.quoteGet({ id: hit.id });
    if (result.ok) setWording(result.value.quote.wording);
    else setError(errorSentence(result.error));
  };
  return (
    <>
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => void toggle()}
      >
        {open ? t('link.hideWording') : t('link.showWording')}
      </button>
      <div id={regionId} hidden={!open}>
        {open &&
          (wording !== null ? (
            <blockquote className="link-result-wording">{wording}</blockquote>
          ) : error ? (
            <p role="alert">{error}</p>
          ) : null)}
      </div>
    </>
  );
}

/**
 * The dialog's results, memoised: while a search is in flight the box re-renders on every key,
 * and fifty results need not; the words and formats come from the dialog, not a hook per row.
 */
const LinkResults = memo(function LinkResults({
  hits,
  links,
  onLink,
  t,
  ts,
  f,
}: {
  hits: SearchHit[];
  links: FactRef[];
  onLink(hit: SearchHit, passage?: PassageRef): Promise<void>;
  t: TFunction<'claims'>;
  ts: TFunction<'sources'>;
  f: Formatters;
}) {
  const { t: tf } = useTranslation('facts');
  const linked = new Set(links.map((l) => `${l.type}:${l.id}`));
  return (
    <>
      {hits.map((hit) => {
        const label = hitLabel(hit);
        const isLinked = linked.has(`${hit.type}:${hit.id}`);
        const passage = hit.meta.type === 'source' ? hit.meta.passage : null;
        const linkedPassage = passage
          ? links.some((l) => l.type === 'source' && l.id === hit.id && l.locator === passage.locator)
          : false;
        return (
          <li key={`${hit.type}:${hit.id}`} className="link-result">
            <div>
              <span className="link-result-type">{t(`link.${hit.type}`)}</span>{' '}
              <span className="link-result-title">
                {hit.title.map((s, i) =>
                  s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>,
                )}
              </span>
              <div className="muted link-result-detail">
                <HitMetaWords hit={hit} t={tf} f={f} />
              </div>
              <FullWording hit={hit} t={t} />
              {passage && (
                <div className="link-result-passage">
                  <span className="muted">{ts('link.found', { locator: passage.locator })}:</span>{' '}
                  {hit.detail?.map((s, i) =>
                    s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>,
                  )}
                </div>
              )}
            </div>
            <div className="link-result-actions">
              <button
                type="button"
                disabled={isLinked}
                aria-label={t('link.link', { label })}
                onClick={() => void onLink(hit)}
              >
                {isLinked ? t('link.linked') : t('link.linkButton')}
              </button>
              {passage && (
                <button
                  type="button"
                  disabled={linkedPassage}
                  aria-label={ts('link.passageLabel', { locator: passage.locator, title: label })}
                  onClick={() => void onLink(hit, passage)}
                >
                  {linkedPassage ? t('link.linked') : ts('link.passage')}
                </button>
              )}
            </div>
          </li>
        );
      })}
    </>
  );
});

/**
 * Links facts to a claim with the fact store's own search (the same call as the facts panel),
 * started from what the claim says: the quote's words, the deals for an amount, a role's person.
 */
export function LinkFactsDialog({
  claim,
  language,
  onClose,
}: {
  claim: ClaimView;
  language: ArticleLanguage;
  onClose(): void;
}) {
  const { t } = useTranslation('claims');
  const { t: ts } = useTranslation('sources');
  // Seeded once from the claim the dialog opened for; later edits to the claim do not reset the search.
  const [seed] = useState(() => linkSearchSeed(claim.kind, claim.context, language));
  const [query, setQuery] = useState(seed.query);
  const [kind, setKind] = useState<SeedKind | ''>(seed.kinds.length === 1 ? seed.kinds[0] : '');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const resultsId = useId();
  const f = useFormat();

  const [searching, setSearching] = useState(true);
  const searcher = useMemo(() => latestOnly((i: SearchInput) => api.facts.search(i)), []);
  useEffect(() => () => searcher.cancel(), [searcher]);
  // Each keystroke asks at once; latestOnly keeps one call in flight and drops stale ones.
  useEffect(() => {
    setSearching(true);
    searcher.request({ query, kinds: kind ? [kind] : undefined, typing: true, limit: 50 }, (result) => {
      setSearching(false);
      if (result.ok) {
        setHits(result.value.hits);
        setError(null);
      } else setError(errorSentence(result.error));
    });
  }, [query, kind, searcher]);

  const link = useCallback(
    async (hit: SearchHit, passage?: PassageRef) => {
      const ref = passage
        ? { type: hit.type, id: hit.id, locator: passage.locator, excerpt: passage.excerpt }
        : { type: hit.type, id: hit.id };
      const result = await linkFacts(claim.id, [ref]);
      if (!result.ok) setError(errorSentence(result.error));
    },
    [claim.id],
  );

  return (
    <Dialog title={t('link.title')} open onClose={onClose} className="link-facts-dialog">
      <p className="muted">{t('link.claim', { text: claim.text })}</p>
      <div className="link-search-row">
        <label>
          {t('link.search')}
          <input
            type="search"
            value={query}
            autoFocus
            onChange={(e) => setQuery(e.target.value)}
            aria-controls={resultsId}
          />
        </label>
        <label>
          {t('link.kinds')}
          <select value={kind} onChange={(e) => setKind(e.target.value as SeedKind | '')}>
            <option value="">{t('link.anyKind')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`link.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <ul id={resultsId} className="link-results" aria-label={t('link.results')} aria-busy={searching}>
        {hits === null && <li className="muted">{t('link.searching')}</li>}
        {hits?.length === 0 && <li className="muted">{t('link.none')}</li>}
        {hits && hits.length > 0 && (
          <LinkResults hits={hits} links={claim.links} onLink={link} t={t} ts={ts} f={f} />
        )}
      </ul>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose}>
          {t('link.close')}
        </button>
      </div>
    </Dialog>
  );
}
