/**
 * How many requests the server renders at once (decision 029). Each page being rendered holds its data, its
 * React tree and its HTML until it is sent; fifty of them at once made the process 1.3 GB resident and rendered
 * none faster, on two cores, than a dozen would. Past the limit a request waits, in order of arrival, as a
 * socket and nothing more. The health check and static files do not wait: they cost nothing and must answer
 * while pages queue. A request whose client leaves while it waits is dropped from the queue.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export const DEFAULT_MAX_CONCURRENT_REQUESTS = 16;

/** MAX_CONCURRENT_REQUESTS: a whole number, 0 for no limit; unset, 16. */
export function admissionLimit(raw: string | undefined = process.env.MAX_CONCURRENT_REQUESTS): number {
  if (raw === undefined || raw.trim() === "") return DEFAULT_MAX_CONCURRENT_REQUESTS;
  if (!/^\d{1,5}$/.test(raw.trim())) {
    throw new Error(`MAX_CONCURRENT_REQUESTS phải là số nguyên ≥ 0 / MAX_CONCURRENT_REQUESTS must be a whole number ≥ 0: ${raw}`);
  }
  return Number(raw.trim());
}

/**
 * Requests that never wait: liveness, files Next.js serves from disk, and server actions. A redirecting
 * action answers with its target's render, which Next.js fetches from this same server (a request of the
 * server to itself): were the action holding a turn, that render could wait for it forever. The action's
 * own work is a write; the render it leads to takes its turn like any page.
 */
function exempt(req: IncomingMessage): boolean {
  const path = (req.url ?? "/").split("?")[0];
  if (req.method === "POST" && req.headers["next-action"] !== undefined) return true;
  return path === "/api/health" || path.startsWith("/_next/static/") || path === "/favicon.ico" || path === "/robots.txt";
}

export interface Admission {
  /**
   * Waits for a turn; true when the request may go on (its turn is given back when the response closes),
   * false when the client left while it waited (nothing more to do).
   */
  enter(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  active(): number;
  waiting(): number;
}

export function createAdmission(limit: number): Admission {
  let active = 0;
  const queue: { go: () => void }[] = [];
  const next = () => {
    const turn = queue.shift();
    if (turn) turn.go();
    else active--;
  };
  return {
    active: () => active,
    waiting: () => queue.length,
    async enter(req, res) {
      if (limit <= 0 || exempt(req)) return true;
      if (active < limit) {
        active++;
      } else {
        const admitted = await new Promise<boolean>((resolve) => {
          const turn = {
            go: () => {
              res.off("close", leave);
              resolve(true);
            },
          };
          const leave = () => {
            const at = queue.indexOf(turn);
            if (at >= 0) queue.splice(at, 1);
            resolve(false);
          };
          queue.push(turn);
          res.once("close", leave);
        });
        if (!admitted) return false;
        // The turn passed straight from the request that finished: `active` stays as it was.
      }
      res.once("close", next);
      return true;
    },
  };
}
