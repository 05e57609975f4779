export interface EditPause {
  /** An edit made here: the pass runs `localMs` after the last one. */
  local(): void;
  /**
   * An edit that came from the desk: the pass runs within `remoteMs` of the first change waiting
   * for it — or of the last edit made here, while this user is typing — never later because of it.
   */
  remote(): void;
  cancel(): void;
  readonly pending: boolean;
}

/**
 * Schedules a whole-document pass (claims sync, detection, counts) for when edits pause. Edits
 * made here restart the short delay, as before. Edits from colleagues make sure a pass comes
 * within `remoteMs` of the first change waiting for it and never later: a desk of people typing
 * steadily would otherwise keep the pass from ever running, and running it per remote keystroke
 * would redo the whole article several times a second. A remote edit just before a pass still
 * moves it `localMs` on (within that bound): what belongs to the edit may arrive a moment after
 * it — a claim's record after its mark.
 *
 * While this user types, colleagues' edits do not bring the pass forward: it waits for this
 * user's pause, as in an article nobody shares, and comes at most `remoteMs` after their last
 * key. A pass forced into a typing burst every `remoteMs` is what made keys typed in a shared
 * article wait longer for the screen than in an unshared one (bench:desk, paint ratio).
 */
export function editPause(
  run: () => void,
  { localMs, remoteMs }: { localMs: number; remoteMs: number },
): EditPause {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dueAt = Infinity;
  let waitingSince = Infinity;
  let lastLocalAt = -Infinity;
  const fire = () => {
    timer = undefined;
    dueAt = Infinity;
    waitingSince = Infinity;
    run();
  };
  const at = (delay: number) => {
    clearTimeout(timer);
    dueAt = Date.now() + delay;
    timer = setTimeout(fire, delay);
  };
  return {
    local: () => {
      lastLocalAt = Date.now();
      if (timer === undefined) waitingSince = lastLocalAt;
      at(localMs);
    },
    remote: () => {
      const now = Date.now();
      if (timer === undefined) {
        waitingSince = now;
        return at(remoteMs);
      }
      const due = Math.min(Math.max(dueAt, now + localMs), Math.max(waitingSince, lastLocalAt) + remoteMs);
      if (due !== dueAt) at(Math.max(0, due - now));
    },
    cancel: () => {
      clearTimeout(timer);
      timer = undefined;
      dueAt = Infinity;
      waitingSince = Infinity;
    },
    get pending() {
      return timer !== undefined;
    },
  };
}
