export interface EditPause {
  /** An edit made here: the pass runs `localMs` after the last one. */
  local(): void;
  /** An edit that came from the desk: the pass runs within `remoteMs`, never later because of it. */
  remote(): void;
  cancel(): void;
  readonly pending: boolean;
}

/**
 * Schedules a whole-document pass (claims sync, detection, counts) for when edits pause. Edits
 * made here restart the short delay, as before. Edits from colleagues only make sure a pass comes
 * within `remoteMs` and never postpone one: a desk of people typing steadily would otherwise keep
 * the pass from ever running, and running it per remote keystroke would redo the whole article
 * several times a second while this user types.
 */
export function editPause(run: () => void, { localMs, remoteMs }: { localMs: number; remoteMs: number }): EditPause {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dueAt = Infinity;
  const fire = () => {
    timer = undefined;
    dueAt = Infinity;
    run();
  };
  const at = (delay: number) => {
    clearTimeout(timer);
    dueAt = Date.now() + delay;
    timer = setTimeout(fire, delay);
  };
  return {
    local: () => at(localMs),
    remote: () => {
      if (timer === undefined) at(remoteMs);
      else if (dueAt - Date.now() > remoteMs) at(remoteMs);
    },
    cancel: () => {
      clearTimeout(timer);
      timer = undefined;
      dueAt = Infinity;
    },
    get pending() {
      return timer !== undefined;
    },
  };
}
