/** A generator's phases, each logged as it starts and ends and timed into `phases`. */
export function phaseTimer(log: (message: string) => void, phases: { name: string; seconds: number }[]) {
  return async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    log(`${label}…`);
    const result = await fn();
    const seconds = (performance.now() - started) / 1000;
    phases.push({ name: label, seconds });
    log(`${label}: ${seconds.toFixed(1)} s`);
    return result;
  };
}
