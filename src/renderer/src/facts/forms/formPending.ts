import { createContext, useContext } from 'react';

/**
 * Lets a field tell the form around it that something the form will save depends on is still
 * under way — an entry being created on the spot from a picker. The form's Save waits for it:
 * saved at that moment, the field would still be empty.
 */
export type TrackPending = <T>(work: Promise<T>) => Promise<T>;

/** Outside a form (a search filter) nothing waits: the work simply runs. */
export const FormPendingContext = createContext<TrackPending>((work) => work);

export function useFormPending(): TrackPending {
  return useContext(FormPendingContext);
}
