// MHTML (a web page saved as one file by Chrome, Edge or Word): a MIME message whose first
// text/html part is the page. Only the headers and that part are read; images, styles and
// scripts in the other parts are ignored, so nothing of the page ever runs.

export interface MhtmlPage {
  html: string;
  title: string | null;
  originalUrl: string | null;
  savedAt: string | null;
}

type Headers = Map<string, string>;

function parseHeaders(block: string): Headers {
  const headers: Headers = new Map();
  // Folded header lines continue with white space.
  for (const line of block
    .replace(/\r\n/g, '\n')
    .replace(/\n[ \t]+/g, ' ')
    .split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function param(value: string | undefined, name: string): string | null {
  const m = new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value ?? '');
  return m ? (m[1] ?? m[2]) : null;
}

function decodeQuotedPrintable(text: string): Uint8Array {
  const body = text.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(body.slice(i + 1, i + 3))) {
      out.push(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) out.push(c);
    else for (const b of new TextEncoder().encode(body[i])) out.push(b);
  }
  return new Uint8Array(out);
}

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text.replace(/[^A-Za-z0-9+/=]/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function decodeText(bytes: Uint8Array, charset: string | null): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** RFC 2047 encoded words in a header ("=?utf-8?Q?Pressemitteilung_FC_N=C3=B6rdhafen?="). */
export function decodeHeaderWords(value: string): string {
  return value.replace(
    /=\?([^?]+)\?([QqBb])\?([^?]*)\?=(\s+(?==\?))?/g,
    (_all, charset: string, enc: string, data: string) => {
      const bytes =
        enc.toUpperCase() === 'B' ? decodeBase64(data) : decodeQuotedPrintable(data.replace(/_/g, ' '));
      return decodeText(bytes, charset);
    },
  );
}

function decodeBody(body: string, headers: Headers): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const charset = param(headers.get('content-type'), 'charset');
  if (encoding === 'base64') return decodeText(decodeBase64(body), charset);
  if (encoding === 'quoted-printable') return decodeText(decodeQuotedPrintable(body), charset);
  return body;
}

function isoDate(value: string | undefined): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** Reads the page out of an MHTML file; throws an Error with a reason when it is not one. */
export function parseMhtml(text: string): MhtmlPage {
  const split = /\r?\n\r?\n/.exec(text);
  if (!split) throw new Error('The file has no MIME headers; it is not an MHTML page.');
  const headers = parseHeaders(text.slice(0, split.index));
  const type = headers.get('content-type') ?? '';
  const rest = text.slice(split.index + split[0].length);
  let html: string | null = null;
  let location: string | null = null;
  if (/^multipart\//i.test(type)) {
    const boundary = param(type, 'boundary');
    if (!boundary) throw new Error('The MHTML file names no MIME boundary.');
    for (const part of rest.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      const cut = /\r?\n\r?\n/.exec(part);
      if (!cut) continue;
      const partHeaders = parseHeaders(part.slice(0, cut.index).replace(/^\r?\n/, ''));
      if (!/^text\/html/i.test(partHeaders.get('content-type') ?? '')) continue;
      html = decodeBody(part.slice(cut.index + cut[0].length), partHeaders);
      location = partHeaders.get('content-location') ?? null;
      break;
    }
  } else if (/^text\/html/i.test(type)) html = decodeBody(rest, headers);
  if (html === null) throw new Error('The MHTML file contains no HTML page.');
  const url = headers.get('snapshot-content-location') ?? location;
  const subject = headers.get('subject');
  return {
    html,
    title: subject ? decodeHeaderWords(subject) : null,
    originalUrl: url && /^https?:\/\//i.test(url) ? url : null,
    savedAt: isoDate(headers.get('date')),
  };
}
