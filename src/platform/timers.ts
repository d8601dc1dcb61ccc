/**
 * Timers that work on every host. In Node a timer keeps the process alive
 * unless it is unref'd (a sandbox must not keep a test runner or a CLI
 * running); a browser's timer is a number, with nothing to unref.
 */
export type Timer = ReturnType<typeof setTimeout>;

/** Lets the process exit while `timer` is pending (Node); nothing elsewhere. */
export function unref<T>(timer: T): T {
  (timer as { unref?: () => void }).unref?.();
  return timer;
}

/** Runs `task` on a later turn of the event loop, after pending I/O (setImmediate in Node, a zero timeout elsewhere); keeps no process alive. */
export function laterTurn(task: () => void): void {
  const immediate = (globalThis as { setImmediate?: (task: () => void) => unknown }).setImmediate;
  unref(immediate ? immediate(task) : setTimeout(task, 0));
}
