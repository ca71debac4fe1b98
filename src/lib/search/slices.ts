/**
 * Long work on the main thread in slices: between two results the browser may paint and answer
 * the reader, so no single task of a search blocks it for long (Lighthouse's total blocking time).
 */
interface Scheduler {
  yield?: () => Promise<void>;
}

export function nextSlice(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
