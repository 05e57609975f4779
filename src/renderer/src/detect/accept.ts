import { $getRoot, $isElementNode, $setSelection, type LexicalEditor, type LexicalNode } from 'lexical';
import { $isMarkNode } from '@lexical/mark';
import type { Suggestion, SuggestionKind } from '../../../shared/detect';
import type { ClaimKind } from '../../../shared/domain/articles';
import type { FactRef } from '../../../shared/domain/facts';
import { claimById, linkFacts, subscribeClaims, updateClaim } from '../claims/claimsStore';
import { MARK_CLAIM_COMMAND } from '../claims/commands';
import { $editorTextMap, $selectionOf, pointsOf } from './editorText';
import { markLinked, proposeFacts, setAcceptedError } from './detectStore';
import { errorSentence } from '../errors/errorSentence';

/** Detection has finer kinds than claims; the claim keeps the closest one. */
export const CLAIM_KIND_OF: Record<SuggestionKind, ClaimKind> = {
  quote: 'quote',
  amount: 'amount',
  date: 'date',
  role: 'role',
  count: 'other',
  ranking: 'other',
  other: 'other',
};

function $markIds(): Set<string> {
  const ids = new Set<string>();
  const visit = (node: LexicalNode) => {
    if ($isMarkNode(node)) node.getIDs().forEach((id) => ids.add(id));
    if ($isElementNode(node)) node.getChildren().forEach(visit);
  };
  visit($getRoot());
  return ids;
}

/** Resolves once the claims list holds the claim, or after `ms` with undefined. */
function whenClaimListed(claimId: string, ms = 5000) {
  return new Promise<ReturnType<typeof claimById>>((resolve) => {
    const found = claimById(claimId);
    if (found) return resolve(found);
    const stop = subscribeClaims(() => {
      const claim = claimById(claimId);
      if (claim) {
        stop();
        clearTimeout(timer);
        resolve(claim);
      }
    });
    const timer = setTimeout(() => {
      stop();
      resolve(undefined);
    }, ms);
  });
}

export type AcceptOutcome = { ok: true; claimId: string } | { ok: false; reason: 'stale' | 'not-marked' };

/**
 * Turns a suggestion into a claim exactly as a person would: select its text in the editor and
 * run the claims feature's "Mark as claim" command, which wraps the mark and stores the record.
 * Refuses when the text there is no longer the suggestion's (an edit since the last pass).
 */
export function acceptSuggestion(editor: LexicalEditor, suggestion: Suggestion): AcceptOutcome {
  const kind = CLAIM_KIND_OF[suggestion.kind];
  let outcome: AcceptOutcome = { ok: false, reason: 'stale' };
  editor.update(
    () => {
      const selection = $selectionOf($editorTextMap(), suggestion.start, suggestion.end, suggestion.text);
      if (!selection) return;
      const before = $markIds();
      $setSelection(selection);
      editor.dispatchCommand(MARK_CLAIM_COMMAND, kind);
      const created = [...$markIds()].find((id) => !before.has(id));
      outcome = created ? { ok: true, claimId: created } : { ok: false, reason: 'not-marked' };
    },
    { discrete: true },
  );
  if (outcome.ok) {
    const { claimId } = outcome;
    void proposeFacts(claimId, suggestion);
    // The command may guess the kind from the text; the detector already knows it.
    void whenClaimListed(claimId).then((claim) => {
      if (claim && claim.kind !== kind) void updateClaim(claimId, { kind });
    });
  }
  return outcome;
}

/** Links a proposed fact through the claims store, as the claim's own link dialog does. */
export async function linkProposedFact(claimId: string, ref: FactRef): Promise<boolean> {
  const result = await linkFacts(claimId, [ref]);
  if (result.ok) markLinked(claimId, ref);
  else setAcceptedError(claimId, errorSentence(result.error));
  return result.ok;
}

/** Scrolls the suggestion's text into view without moving the caret or the focus. */
export function revealSuggestion(editor: LexicalEditor, suggestion: Suggestion): void {
  const points = editor
    .getEditorState()
    .read(() => pointsOf($editorTextMap(), suggestion.start, suggestion.end));
  if (points)
    editor.getElementByKey(points.anchor.key)?.scrollIntoView({ block: 'center', behavior: 'auto' });
}
