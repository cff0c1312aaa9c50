/**
 * The server's V8 heap ceiling (decision 029). Node sizes its heap from the machine (4 GB on 24 GB): V8 then lets
 * garbage pile up, and the process stayed 1.0–1.3 GB resident after a burst of 50 connections, long after it was
 * over. With a ceiling V8 collects sooner: 0.46 GB at the same burst, for some 10 % more CPU in the collector.
 * What a request keeps alive is a few MB; the live heap of a busy server is ≈ 170 MB.
 */
export const DEFAULT_SERVER_HEAP_MB = 512;

/** SERVER_HEAP_MB: the old generation's ceiling in MB (64 or more), 0 for Node's own; unset, 512. */
export function serverHeapArgs(raw: string | undefined = process.env.SERVER_HEAP_MB): string[] {
  const value = raw === undefined || raw.trim() === "" ? DEFAULT_SERVER_HEAP_MB : /^\d{1,6}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (Number.isNaN(value) || (value !== 0 && value < 64)) {
    throw new Error(`SERVER_HEAP_MB phải là 0 hoặc một số MB từ 64 trở lên / SERVER_HEAP_MB must be 0 or a number of MB, 64 or more: ${raw}`);
  }
  return value === 0 ? [] : [`--max-old-space-size=${value}`];
}
