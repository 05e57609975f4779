import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface XssPayload {
  id: number;
  kind: string;
  /** The payload with the probe call filled in: any execution calls `__xssHit(id)`, any beacon asks xss.invalid. */
  text: string;
}

const CORPUS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'xss-corpus.json');

export function loadXssCorpus(): XssPayload[] {
  const raw = JSON.parse(fs.readFileSync(CORPUS, 'utf8')) as {
    payloads: { id: number; kind: string; payload: string }[];
  };
  return raw.payloads.map(({ id, kind, payload }) => ({
    id,
    kind,
    text: payload.replaceAll('$X', `__xssHit(${id})`).replaceAll('$N', String(id)),
  }));
}

/** The payload id a probe call or beacon URL carries, or null. */
export function payloadIdIn(text: string): number | null {
  const m = /__xssHit\((\d+)\)|xss\.invalid\/(?:ping)?(\d+)/.exec(text);
  return m ? Number(m[1] ?? m[2]) : null;
}
