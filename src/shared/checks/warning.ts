export type WarningSeverity = 'info' | 'warning' | 'error';

/**
 * One finding of a check. `code` is stable (the UI keys dismissals on it);
 * `message` carries one self-explaining sentence per UI language.
 */
export interface Warning {
  code: string;
  severity: WarningSeverity;
  params: Record<string, string | number>;
  message: { de: string; en: string };
}

export function makeWarning(
  code: string,
  severity: WarningSeverity,
  params: Record<string, string | number>,
  de: string,
  en: string,
): Warning {
  return { code, severity, params, message: { de, en } };
}

/** German typographic quotes around a fragment, for messages. */
export const deQ = (s: string | number) => `„${s}“`;
/** English typographic quotes around a fragment, for messages. */
export const enQ = (s: string | number) => `“${s}”`;
