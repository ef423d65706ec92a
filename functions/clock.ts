/**
 * The time every handler and workflow task uses. On AWS it is the system clock. The local runtime may move
 * it forward (a demo shows months passing: the omklap, a review) by setting an offset; nothing else does.
 */
let offsetMs = 0;

export const clock = {
  now: (): Date => new Date(Date.now() + offsetMs),
};

export function setClockOffset(ms: number): void {
  offsetMs = ms;
}

export function clockOffset(): number {
  return offsetMs;
}
