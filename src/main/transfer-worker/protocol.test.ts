import { describe, expect, it } from 'vitest';
import { UserError } from '../../shared/result';
import { ImportError } from '../import/errors';
import { decodeError, encodeError, parseReply } from './protocol';

/** An error as it arrives from the worker: through the reply check, as the pool reads it. */
function arrived(wire: unknown): Error {
  const reply = parseReply({ id: 1, ok: false, error: wire });
  if (!reply || reply.ok) throw new Error(`not a failed reply: ${JSON.stringify(wire).slice(0, 120)}`);
  return decodeError(reply.error);
}

describe('errors from the transfer worker', () => {
  it('keep a UserError’s key and values across the thread boundary', () => {
    const sent = new UserError('validation', { key: 'noRatedClaims' }, [{ path: 'format', message: 'x' }]);
    const got = arrived(encodeError(sent)) as UserError;
    expect(got).toBeInstanceOf(UserError);
    expect(got.toAppError()).toEqual(sent.toAppError());
  });

  it('keep an ImportError’s reason, so the import handler can name it in the writer’s language', () => {
    const sent = new ImportError('UNSUPPORTED', 'notiz.rtf', { key: 'importRtf' });
    const got = arrived(encodeError(sent)) as ImportError;
    expect(got).toBeInstanceOf(ImportError);
    expect(got.reason).toEqual({ key: 'importRtf' });
    expect(got.message).toBe(sent.message);
  });

  it('drop a key the catalogue does not know, or odd values, and keep the English message', () => {
    const hostile = [
      { key: 'facts:messages.notEmpty' },
      { key: 'noSuchDeal', params: { id: { nested: 'object' } } },
      { key: 'noSuchDeal', params: { id: 'x'.repeat(20_000) } },
    ];
    for (const text of hostile) {
      const got = arrived({ name: 'UserError', code: 'internal', message: 'It stopped.', text }) as UserError;
      expect(got.toAppError(), JSON.stringify(text).slice(0, 80)).toEqual({
        code: 'internal',
        message: 'It stopped.',
      });
      const imp = arrived({
        name: 'ImportError',
        message: 'Cannot import "a.md": empty',
        code: 'EMPTY',
        fileName: 'a.md',
        problem: 'empty',
        text,
      });
      expect((imp as ImportError).reason).toBeUndefined();
      expect(imp.message).toBe('Cannot import "a.md": empty');
    }
  });
});
