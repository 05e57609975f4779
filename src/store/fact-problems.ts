import type { FieldProblem } from '../shared/domain/fact-inputs';
import { UserError } from '../shared/result';

/** Ends a write with every field problem found, each naming its field. */
export function refuse(what: string, problems: readonly FieldProblem[]): never {
  throw new UserError(
    'validation',
    `${what} was not saved: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}.`,
    [...problems],
  );
}
