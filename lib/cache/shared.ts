import { writesSeen } from "../http/writes";

/** The computations under way, by key, with the write count they started at. */
const inFlight = new Map<string, { writes: number; value: Promise<unknown> }>();

/**
 * `compute()`, shared by the requests that ask for the same `key` while it runs (decision 048): a request
 * that arrives while an identical computation is under way waits for it instead of starting its own, unless
 * a request that may write has started or ended in this process since (lib/http/writes.ts). Nothing is kept
 * once it ends, so a result is never older than the computation a request joined. The key must hold
 * everything the result depends on, the reader's duties and reach included.
 */
export function shared<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const writes = writesSeen();
  const running = inFlight.get(key);
  if (running && running.writes === writes) return running.value as Promise<T>;
  const entry = { writes, value: compute() };
  inFlight.set(key, entry);
  const forget = () => {
    if (inFlight.get(key) === entry) inFlight.delete(key);
  };
  entry.value.then(forget, forget);
  return entry.value;
}
