/**
 * Type-ahead calls where only the newest input matters (the facts search box, the Link facts
 * dialog). At most one call is in flight; inputs that arrive meanwhile replace each other and
 * only the last of them is sent when the call returns, so a stale query is never sent and a
 * stale answer is never shown — answers cannot arrive out of order. Without a debounce the
 * first keystroke is answered at once, and a fast typist costs one call per round trip, not
 * one per key.
 */
export interface LatestOnly<I, R> {
  /** Asks for `input`; `show` gets the answer only if no newer input was asked for by then. */
  request(input: I, show: (answer: R) => void): void;
  /** Drops whatever is pending or in flight (the component went away). */
  cancel(): void;
}

export function latestOnly<I, R>(call: (input: I) => Promise<R>): LatestOnly<I, R> {
  let generation = 0;
  let inFlight = false;
  let pending: { input: I; show: (answer: R) => void; generation: number } | null = null;

  const send = (input: I, show: (answer: R) => void, mine: number) => {
    inFlight = true;
    void call(input).then(
      (answer) => finish(() => mine === generation && show(answer)),
      () => finish(() => undefined),
    );
  };
  const finish = (deliver: () => void) => {
    inFlight = false;
    if (pending) {
      const next = pending;
      pending = null;
      send(next.input, next.show, next.generation);
    } else deliver();
  };

  return {
    request(input, show) {
      const mine = ++generation;
      if (inFlight) pending = { input, show, generation: mine };
      else send(input, show, mine);
    },
    cancel() {
      generation++;
      pending = null;
    },
  };
}
