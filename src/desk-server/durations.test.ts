import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './durations';

describe('durations of the desk server options', () => {
  it('reads days, hours and minutes, and 0', () => {
    expect(parseDuration('30d')).toBe(30 * 86_400_000);
    expect(parseDuration('12h')).toBe(12 * 3_600_000);
    expect(parseDuration('90m')).toBe(90 * 60_000);
    expect(parseDuration('0')).toBe(0);
  });

  it('refuses anything else', () => {
    for (const bad of ['', '30', '1.5d', '-1d', '3w', 'd', '30 d', '1234567d', 'off'])
      expect(parseDuration(bad)).toBeNull();
  });

  it('says a duration in its largest whole unit', () => {
    expect(formatDuration(30 * 86_400_000)).toBe('30 days');
    expect(formatDuration(3_600_000)).toBe('1 hour');
    expect(formatDuration(90 * 60_000)).toBe('90 minutes');
    expect(formatDuration(1500)).toBe('1500 ms');
    expect(formatDuration(0)).toBe('0 ms');
  });
});
