/**
 * Long work written once, run two ways: a generator that yields between pieces (optionally with
 * how far it got, 0–1). The command line runs it straight through; the offline page runs it in
 * time slices, giving the browser a turn to paint and take clicks, so opening or saving a
 * 100k-row workbook never freezes the page.
 */
export type Steps<T> = Generator<number | undefined, T, void>;

/** Run to the end without pausing. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How long the page works before giving the browser a turn. */
const SLICE_MS = 30;

const pauseForBrowser = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Run in slices of ~30 ms, reporting progress at each pause. */
export async function finishInSlices<T>(
  steps: Steps<T>,
  onProgress?: (fraction: number) => void,
  pause: () => Promise<void> = pauseForBrowser,
  sliceMs = SLICE_MS,
): Promise<T> {
  let sliceStart = Date.now();
  let progress: number | undefined;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (typeof step.value === "number") progress = step.value;
    if (Date.now() - sliceStart >= sliceMs) {
      if (progress !== undefined) onProgress?.(progress);
      await pause();
      sliceStart = Date.now();
    }
  }
}

/** The progress of `steps` mapped into [from, to] of a larger job. */
export function* scaled<T>(steps: Steps<T>, from: number, to: number): Steps<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    yield typeof step.value === "number" ? from + (to - from) * step.value : undefined;
  }
}
