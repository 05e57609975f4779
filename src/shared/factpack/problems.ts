import type { z } from 'zod';

/** One thing wrong with a pack: where (a JSON path such as `$.deals[3].currency`) and what. */
export interface PackProblem {
  path: string;
  message: string;
}

export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) out += `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

const NOUNS: Record<string, string> = {
  entities: 'an entity',
  roles: 'a role',
  deals: 'a deal',
  quotes: 'a quote',
  sources: 'a source',
  citations: 'a citation',
  files: 'a file entry',
};

/**
 * Zod issues in words a desk editor understands. Our own schemas already say what a field
 * must be; this adds the cases zod words for programmers (missing fields, unknown fields,
 * a list where an object was expected).
 */
export function describeIssues(raw: unknown, issues: readonly z.core.$ZodIssue[]): PackProblem[] {
  const out: PackProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const noun = NOUNS[String(issue.path[0])];
      for (const key of issue.keys)
        out.push({
          path: jsonPath([...issue.path, key]),
          message:
            issue.path.length === 0
              ? 'is not part of a fact pack'
              : `is not a field of ${noun ?? 'this record'}`,
        });
      continue;
    }
    const value = valueAt(raw, issue.path);
    let message = issue.message;
    // A required field left out: zod words this by the type or values it expected.
    if (value === undefined && issue.code !== 'custom') message = 'is missing';
    else if (issue.code === 'invalid_type' && issue.expected === 'object')
      message =
        issue.path.length === 0 ? 'must be a JSON object' : 'must be an object with the record’s fields';
    else if (issue.code === 'invalid_type' && message.startsWith('Invalid input'))
      message = `must be ${issue.expected === 'array' ? 'a list' : `of type ${issue.expected}`}`;
    out.push({ path: jsonPath(issue.path), message });
  }
  return out;
}
