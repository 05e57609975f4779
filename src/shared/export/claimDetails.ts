import { claimRanges } from '../article/blocks';
import { allowedLinkUrl } from '../article/links';
import type { Claim } from '../domain/articles';
import type { ExportContext, UiLanguage } from './context';
import { escapeAttr, escapeText } from './escape';
import {
  claimMarking,
  claimSources,
  formatInstant,
  lastCheck,
  quoteMarks,
  resolveClaimFacts,
} from './factText';
import { labelsFor } from './labels';

/** Shared by the annotated article and the fact-check report so both describe a claim alike. */

export function uiLanguageOf(ctx: ExportContext): UiLanguage {
  return ctx.uiLanguage ?? ctx.meta.language;
}

/**
 * Claims in reading order: first those marked in the body by first appearance, then the rest
 * (deleted from the text, or never marked) by creation time. Numbers start at 1.
 */
export function numberClaims(ctx: ExportContext): { claim: Claim; number: number; marked: boolean }[] {
  const byId = new Map(ctx.claims.map((c) => [c.id, c]));
  const ordered: Claim[] = [];
  const seen = new Set<string>();
  for (const range of claimRanges(ctx.body)) {
    const claim = byId.get(range.claimId);
    if (claim && !seen.has(claim.id)) {
      seen.add(claim.id);
      ordered.push(claim);
    }
  }
  const markedCount = ordered.length;
  const rest = ctx.claims
    .filter((c) => !seen.has(c.id))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return [...ordered, ...rest].map((claim, i) => ({ claim, number: i + 1, marked: i < markedCount }));
}

export const STATUS_CSS = `
.status { display: inline-block; padding: 0 0.4em; border-radius: 3px; font-family: Helvetica, Arial, sans-serif; font-size: 0.8em; font-weight: bold; }
.status-verified { background: #d9f0dc; color: #1d5e27; }
.status-false { background: #f7d6d6; color: #8a1c1c; }
.status-disputed { background: #fbe5c8; color: #7a4500; }
.status-unsourced { background: #e4e4e4; color: #333; }
.status-unchecked { background: #fff3b0; color: #5c4d00; }
`.trim();

export function statusBadge(claim: Claim, language: UiLanguage): string {
  return `<span class="status status-${escapeAttr(claim.status)}">${escapeText(labelsFor(language).claimStatus[claim.status])}</span>`;
}

export interface ClaimDetailOptions {
  /** Also list the full status history (the report does, the footnotes keep to the latest check). */
  history?: boolean;
}

/** The description of one claim as HTML fragments: facts, sources, warnings, checker. */
export function claimDetailsHtml(claim: Claim, ctx: ExportContext, options: ClaimDetailOptions = {}): string {
  const language = uiLanguageOf(ctx);
  const l = labelsFor(language);
  const resolved = resolveClaimFacts(claim, ctx.facts, language);
  const sources = claimSources(resolved);
  const parts: string[] = [];

  parts.push(
    `<p class="claim-head"><span class="claim-text">${escapeText(claim.text)}</span> ${statusBadge(claim, language)} <span class="kind">${escapeText(
      `${l.text.kind}: ${l.claimKind[claim.kind]}`,
    )}</span></p>`,
  );

  const factItems = resolved.map((fact) =>
    fact.text === null
      ? `<li class="missing">${escapeText(`${l.deletedFact} (${fact.ref.type} ${fact.ref.id})`)}</li>`
      : `<li>${escapeText(fact.text)}</li>`,
  );
  parts.push(
    `<div class="facts"><strong>${escapeText(l.text.facts)}:</strong> ${
      factItems.length ? `<ul>${factItems.join('')}</ul>` : escapeText(l.text.noFacts)
    }</div>`,
  );

  const sourceItems = sources.map(({ source, locator, excerpt }) => {
    const url = source.url ? allowedLinkUrl(source.url) : null;
    const title = url
      ? `<a href="${escapeAttr(url)}">${escapeText(source.title)}</a>`
      : escapeText(source.title);
    const details = [source.publisher, l.sourceKind[source.kind], source.publishedAt]
      .filter(Boolean)
      .join(', ');
    const where = locator ? ` – ${escapeText(`${l.text.locator}: ${locator}`)}` : '';
    const quoted = excerpt ? ` ${escapeText(quoteMarks(excerpt, language))}` : '';
    const file = source.fileName ? ` [${escapeText(source.fileName)}]` : '';
    return `<li>${title} (${escapeText(details)})${file}${where}${quoted}</li>`;
  });
  parts.push(
    `<div class="sources"><strong>${escapeText(l.text.sources)}:</strong> ${
      sourceItems.length ? `<ul>${sourceItems.join('')}</ul>` : escapeText(l.text.noSources)
    }</div>`,
  );

  const warnings = (ctx.warnings ?? []).filter((w) => w.claimId === claim.id);
  if (warnings.length > 0 || claim.dismissedWarnings.length > 0) {
    const open = warnings.map(
      (w) => `<li class="warning-open">${escapeText(w.message)} <code>${escapeText(w.code)}</code></li>`,
    );
    const dismissed = claim.dismissedWarnings.map(
      (w) =>
        `<li class="warning-dismissed">${escapeText(`${l.text.dismissed}: `)}<code>${escapeText(w.code)}</code> – ${escapeText(
          `${w.reason} (${w.checker}, ${formatInstant(w.at)})`,
        )}</li>`,
    );
    parts.push(
      `<div class="warnings"><strong>${escapeText(l.text.warnings)}:</strong><ul>${[...open, ...dismissed].join('')}</ul></div>`,
    );
  }

  if (claim.note)
    parts.push(`<p class="note"><strong>${escapeText(l.text.note)}:</strong> ${escapeText(claim.note)}</p>`);

  parts.push(`<p class="checked">${escapeText(checkLine(claim, l.text))}</p>`);

  if (options.history && claim.history.length > 1) {
    const rows = [...claim.history]
      .sort((a, b) => a.at.localeCompare(b.at))
      .map(
        (h) => `<li>${escapeText(`${formatInstant(h.at)}: ${l.claimStatus[h.status]} (${h.checker})`)}</li>`,
      );
    parts.push(
      `<div class="history"><strong>${escapeText(l.text.history)}:</strong><ul>${rows.join('')}</ul></div>`,
    );
  }
  return parts.join('\n');
}

/** "Marked by …, … · Checked by …, …": the marker is never presented as the checker. */
export function checkLine(
  claim: Claim,
  text: { markedBy: string; checkedBy: string; notChecked: string },
): string {
  const marking = claimMarking(claim);
  const check = lastCheck(claim);
  const marked = marking ? `${text.markedBy} ${marking.by}, ${formatInstant(marking.at)}` : null;
  const checked = check ? `${text.checkedBy} ${check.checker}, ${formatInstant(check.at)}` : text.notChecked;
  return marked ? `${marked} · ${checked}` : checked;
}
