import type { ClaimStatus } from '../domain/articles';
import { CLAIM_STATUSES } from '../domain/articles';
import { STATUS_CSS, claimDetailsHtml, numberClaims, uiLanguageOf } from './claimDetails';
import type { ExportContext } from './context';
import { correctionsReportHtml } from './corrections';
import { escapeText } from './escape';
import { describeFactRef, formatInstant } from './factText';
import { htmlDocument } from './html';
import { labelsFor } from './labels';

/**
 * A standalone HTML report of the fact check: a status summary, the "ready" gate override if
 * there was one, and every claim (in reading order, then those no longer in the text) with
 * status, kind, linked facts, sources with locators, open and dismissed warnings, note, who
 * checked it when, and the status history. Prints to PDF through the same Chromium path.
 */
export interface ReportOptions {
  generatedAt?: string;
}

const REPORT_CSS = `
@page { size: A4; margin: 18mm 16mm; }
body { font-family: Helvetica, Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #111; margin: 1.5em auto; max-width: 48em; padding: 0 1em; }
h1 { font-size: 1.5em; margin: 0 0 0.2em; }
h2 { font-size: 1.15em; margin: 1.6em 0 0.5em; border-bottom: 1px solid #bbb; }
table.summary { border-collapse: collapse; margin: 0.5em 0; }
table.summary th, table.summary td { border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; }
.override { border: 2px solid #8a1c1c; padding: 0.5em 0.8em; background: #fdf0f0; }
.claim { border-top: 1px solid #ddd; padding: 0.6em 0; page-break-inside: avoid; }
.claim h3 { font-size: 1em; margin: 0 0 0.2em; }
.claim ul { margin: 0.2em 0 0.2em 1.2em; padding: 0; }
.claim p { margin: 0.2em 0; }
.claim-text { font-style: italic; }
.kind, .checked, .meta { color: #555; }
.missing, .warning-open { color: #8a1c1c; }
`.trim();

export function exportFactCheckReport(ctx: ExportContext, options: ReportOptions = {}): string {
  const language = uiLanguageOf(ctx);
  const l = labelsFor(language);
  const numbered = numberClaims(ctx);
  const generated = formatInstant(options.generatedAt ?? new Date().toISOString());

  const counts = new Map<ClaimStatus, number>(CLAIM_STATUSES.map((s) => [s, 0]));
  for (const claim of ctx.claims) counts.set(claim.status, (counts.get(claim.status) ?? 0) + 1);
  const summaryRows = CLAIM_STATUSES.map(
    (s) => `<tr><th>${escapeText(l.claimStatus[s])}</th><td>${counts.get(s)}</td></tr>`,
  ).join('');

  const header = [
    '<header>',
    `<h1>${escapeText(`${l.text.report}: ${ctx.meta.headline}`)}</h1>`,
    `<p class="meta">${escapeText(
      [
        `${l.text.article}: ${ctx.meta.id}`,
        `${l.text.statusOfArticle}: ${l.articleStatus[ctx.meta.status]}`,
        ctx.meta.byline,
        `${l.text.generated}: ${generated}`,
      ]
        .filter(Boolean)
        .join(' · '),
    )}</p>`,
    '</header>',
  ].join('\n');

  const sections: string[] = [];
  sections.push(
    `<section><h2>${escapeText(l.text.summary)}</h2><table class="summary"><tbody>${summaryRows}</tbody></table></section>`,
  );
  if (ctx.gateOverride) {
    const o = ctx.gateOverride;
    sections.push(
      `<section class="override"><h2>${escapeText(l.text.gateOverride)}</h2><p>${escapeText(o.reason)}</p><p class="meta">${escapeText(
        `${l.text.overrideBy} ${o.by}, ${formatInstant(o.at)}`,
      )}</p></section>`,
    );
  }
  const claimSection = (title: string, list: typeof numbered) =>
    `<section><h2>${escapeText(title)}</h2>\n${
      list.length
        ? list
            .map(
              (n) =>
                `<div class="claim" id="claim-${n.number}"><h3>${escapeText(`${l.text.claim} ${n.number}`)}</h3>\n${claimDetailsHtml(n.claim, ctx, { history: true })}\n</div>`,
            )
            .join('\n')
        : `<p>${escapeText(l.text.none)}</p>`
    }\n</section>`;
  sections.push(
    claimSection(
      l.text.claims,
      numbered.filter((n) => n.marked),
    ),
  );
  const gone = numbered.filter((n) => !n.marked);
  if (gone.length) sections.push(claimSection(l.text.notInText, gone));
  const numberOf = new Map(numbered.map((n) => [n.claim.id, n.number]));
  const corrections = correctionsReportHtml(ctx.corrections ?? [], language, {
    claim: (id) => (numberOf.has(id) ? `${l.text.claim} ${numberOf.get(id)}` : id),
    fact: (ref) => describeFactRef(ref, ctx.facts, language),
    instant: formatInstant,
  });
  if (corrections) sections.push(corrections);

  return htmlDocument({
    lang: language,
    title: `${l.text.report}: ${ctx.meta.headline}`,
    css: `${REPORT_CSS}\n${STATUS_CSS}`,
    headerHtml: header,
    mainHtml: sections.join('\n'),
  });
}
