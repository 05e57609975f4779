import type { FieldProblem } from '../shared/domain/fact-inputs';
import type { ErrorText } from '../shared/errorText';
import { UserError } from '../shared/result';

/** Ends a write with every field problem found, each naming its field. */
export function refuse(what: ErrorText, problems: readonly FieldProblem[]): never {
  // The problems stay as the fields name them (a form shows each beside its field, translated).
  const list = problems.map((p) => `${p.path} ${p.message}`).join('; ');
  throw new UserError('validation', { key: 'notSaved', params: { what, problems: list } }, [...problems]);
}
