import { inflateRawSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import {
  inlineText,
  lineUnits,
  type Block,
  type Inline,
  type InlineFormat,
} from '../../shared/article/blocks';
import {
  SUGGESTION_AUTHOR_MAX,
  type SuggestionInfo,
  type SuggestionKind,
} from '../../shared/article/suggestedChanges';

/**
 * Word's tracked changes (w:ins / w:del) read back as suggested changes. mammoth keeps inserted
 * text and drops deleted text without saying who did what, so word/document.xml is read here
 * as well: for each paragraph with revisions, its runs in order with their change, author and
 * date. The imported body's matching paragraph (the one whose text is mammoth's: insertions
 * in, deletions out) is then split into plain, inserted and deleted runs.
 */

/** What one part of the package may inflate to; document.xml of the longest article is a few MB. */
const MAX_PART_BYTES = 64 * 1024 * 1024;

/** One ZIP entry's bytes, found through the central directory; null when the package has no such entry. */
export function readZipEntry(bytes: Uint8Array, name: string, maxBytes = MAX_PART_BYTES): Buffer | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const entryName = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (entryName !== name) continue;
    if (size > maxBytes || local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50)
      return null;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + compressed);
    if (method === 0) return Buffer.from(data);
    if (method !== 8) return null;
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  }
  return null;
}

export interface RevisionSegment {
  text: string;
  change: SuggestionInfo | null;
  /** Bold and italic of deleted text, which mammoth never sees; other text keeps the imported runs' format. */
  format: InlineFormat;
}

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const nameOf = (node: XmlNode) => Object.keys(node).find((k) => k !== ':@') ?? '';
const childrenOf = (node: XmlNode): XmlNode[] => {
  const value = node[nameOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
};

/** Bold and italic of a w:r from its w:rPr (w:b / w:i, unless switched off with w:val). */
function runFormat(run: XmlNode): InlineFormat {
  const props = childrenOf(run).find((c) => nameOf(c) === 'w:rPr');
  const on = (tag: string) => {
    const el = props ? childrenOf(props).find((c) => nameOf(c) === tag) : undefined;
    if (!el) return false;
    const val = el[':@']?.['w:val'];
    return val === undefined || !['0', 'false', 'off'].includes(String(val));
  };
  const format: InlineFormat = {};
  if (on('w:b')) format.bold = true;
  if (on('w:i')) format.italic = true;
  return format;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Paragraphs (w:p, in document order) that hold tracked changes, as segments. */
export function trackedParagraphs(documentXml: string, importedAt: string): RevisionSegment[][] {
  // Word never writes a DTD; one here could only be an entity trick.
  if (/<!DOCTYPE/i.test(documentXml)) return [];
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    processEntities: true,
  });
  const tree = parser.parse(documentXml) as XmlNode[];
  const out: RevisionSegment[][] = [];
  let counter = 0;

  const changeOf = (node: XmlNode, kind: SuggestionKind): SuggestionInfo => {
    const attrs = node[':@'] ?? {};
    const author =
      String(attrs['w:author'] ?? '')
        .trim()
        .slice(0, SUGGESTION_AUTHOR_MAX) || 'Word';
    const date = String(attrs['w:date'] ?? '');
    return {
      id: `s-w${++counter}`,
      kind,
      author,
      date: ISO.test(date) && !Number.isNaN(Date.parse(date)) ? date : importedAt,
    };
  };

  const paragraph = (p: XmlNode): RevisionSegment[] => {
    const segments: RevisionSegment[] = [];
    const add = (text: string, change: SuggestionInfo | null, format: InlineFormat) => {
      if (text === '') return;
      const last = segments[segments.length - 1];
      if (
        last &&
        last.change?.id === change?.id &&
        !!last.format.bold === !!format.bold &&
        !!last.format.italic === !!format.italic
      )
        last.text += text;
      else segments.push({ text, change, format });
    };
    const visit = (node: XmlNode, change: SuggestionInfo | null, format: InlineFormat) => {
      const name = nameOf(node);
      if (name === 'w:ins')
        return childrenOf(node).forEach((c) => visit(c, changeOf(node, 'insert'), format));
      if (name === 'w:del')
        return childrenOf(node).forEach((c) => visit(c, changeOf(node, 'delete'), format));
      if (name === 'w:r') return childrenOf(node).forEach((c) => visit(c, change, runFormat(node)));
      if (name === 'w:t' || name === 'w:delText')
        return add(
          childrenOf(node)
            .map((t) => String(t['#text'] ?? ''))
            .join(''),
          change,
          format,
        );
      if (name === 'w:tab') return add('\t', change, format);
      if (name === 'w:br' || name === 'w:cr') return add('\n', change, format);
      // Properties (w:rPr, w:pPr and their own revision marks) hold no text.
      if (name === 'w:rPr' || name === 'w:pPr' || name === 'w:instrText') return;
      childrenOf(node).forEach((c) => visit(c, change, format));
    };
    childrenOf(p).forEach((c) => visit(c, null, {}));
    return segments;
  };

  const walk = (nodes: XmlNode[]) => {
    for (const node of nodes) {
      if (nameOf(node) === 'w:p') {
        const segments = paragraph(node);
        if (segments.some((s) => s.change)) out.push(segments);
      } else walk(childrenOf(node));
    }
  };
  walk(tree);
  return out;
}

/** A paragraph's runs re-cut along the segments: inserted text stamped, deleted text put back in place. */
export function applySegments(inlines: Inline[], segments: RevisionSegment[]): Inline[] {
  const visible: { start: number; end: number; change: SuggestionInfo | null }[] = [];
  const deletedAt = new Map<number, SuggestionInfo[]>();
  const deletedText = new Map<SuggestionInfo, RevisionSegment>();
  let offset = 0;
  for (const segment of segments) {
    if (segment.change?.kind === 'delete') {
      const list = deletedAt.get(offset) ?? [];
      list.push(segment.change);
      deletedAt.set(offset, list);
      deletedText.set(segment.change, segment);
    } else {
      visible.push({ start: offset, end: offset + segment.text.length, change: segment.change });
      offset += segment.text.length;
    }
  }
  let pos = 0;
  const emitDeleted = (out: Inline[]) => {
    for (const change of deletedAt.get(pos) ?? []) {
      const segment = deletedText.get(change)!;
      out.push({ type: 'text', text: segment.text, format: segment.format, suggestion: change });
    }
    deletedAt.delete(pos);
  };
  const cut = (runs: Inline[]): Inline[] => {
    const out: Inline[] = [];
    for (const run of runs) {
      if (run.type === 'text') {
        let i = 0;
        while (i < run.text.length) {
          emitDeleted(out);
          const segment = visible.find((v) => pos >= v.start && pos < v.end);
          const take = segment ? Math.min(run.text.length - i, segment.end - pos) : run.text.length - i;
          const piece: Inline = { type: 'text', text: run.text.slice(i, i + take), format: run.format };
          if (segment?.change) piece.suggestion = segment.change;
          out.push(piece);
          i += take;
          pos += take;
        }
      } else if (run.type === 'break') {
        emitDeleted(out);
        const segment = visible.find((v) => pos >= v.start && pos < v.end);
        out.push(segment?.change ? { ...run, suggestion: segment.change } : run);
        pos += 1;
      } else out.push({ ...run, children: cut(run.children) });
    }
    return out;
  };
  const result = cut(inlines);
  emitDeleted(result);
  return result;
}

/**
 * Puts the tracked changes of `documentXml` into the imported blocks, in place. Returns a
 * warning for each paragraph whose text did not match (it keeps mammoth's reading: insertions
 * accepted, deletions gone), so nothing is placed on the wrong words.
 */
export function applyTrackedChanges(blocks: Block[], documentXml: string, importedAt: string): string[] {
  const paragraphs = trackedParagraphs(documentXml, importedAt);
  if (paragraphs.length === 0) return [];
  const units = lineUnits(blocks);
  const warnings: string[] = [];
  let from = 0;
  for (const segments of paragraphs) {
    const text = segments
      .filter((s) => s.change?.kind !== 'delete')
      .map((s) => s.text)
      .join('');
    const index = units.findIndex((unit, i) => i >= from && inlineText(unit) === text);
    if (index < 0) {
      // A paragraph that became the headline or a meta field has no body line to hold its changes.
      if (text.trim() !== '')
        warnings.push(
          `Tracked changes in the paragraph “${text.slice(0, 60)}” could not be kept as suggestions; its insertions were accepted and its deletions left out.`,
        );
      continue;
    }
    const unit = units[index];
    unit.splice(0, unit.length, ...applySegments(unit, segments));
    from = index + 1;
  }
  return warnings;
}
