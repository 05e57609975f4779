const UNITS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "30d", "12h", "90m" (and "0") → milliseconds; null for anything else. */
export function parseDuration(text: string): number | null {
  if (text === '0') return 0;
  const match = /^(\d{1,6})([mhd])$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * UNITS[match[2] as keyof typeof UNITS];
}

/** Milliseconds in the largest unit that divides them: 30 days, 6 hours, 90 minutes, 1500 ms. */
export function formatDuration(ms: number): string {
  for (const [unit, name] of [
    ['d', 'day'],
    ['h', 'hour'],
    ['m', 'minute'],
  ] as const) {
    const size = UNITS[unit];
    if (ms >= size && ms % size === 0) return `${ms / size} ${name}${ms / size === 1 ? '' : 's'}`;
  }
  return `${ms} ms`;
}
