/**
 * The load loop of `npm run bench -- load` (decision 030): `connections` workers, each with
 * one keep-alive connection of its own (node:http, an Agent with one socket), each sending
 * its next request as soon as the previous answer has been read in full. It stops starting
 * requests at the deadline or after `maxRequests`, whichever comes first, and every request
 * has a timeout: the loop always ends by itself. A request's latency runs from sending it to
 * the last byte of its answer; the answer is judged by the job (a status, a marker in the
 * body, a server action's `ok:false`), so a fast failure is counted as an error, not a success.
 */
import http from "node:http";
import zlib from "node:zlib";
import { performance } from "node:perf_hooks";
import type { Sample } from "./load-stats";

export interface LoadRequest {
  method: "GET" | "POST";
  /** Path and query, from the server's root. */
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
}

export interface LoadAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as the page sees it (decompressed). */
  body: Buffer;
  /** Bytes on the wire (compressed, when the server compressed it). */
  wireBytes: number;
}

function decode(raw: Buffer, encoding: string | undefined): Buffer {
  switch (encoding) {
    case "gzip":
      return zlib.gunzipSync(raw);
    case "br":
      return zlib.brotliDecompressSync(raw);
    case "deflate":
      return zlib.inflateSync(raw);
    default:
      return raw;
  }
}

/** `true` when the answer is what the target expects; else the reason it is not. */
export type Verdict = true | string;

export interface LoadJob {
  /** The next request of worker `worker`; null when it has nothing left to send (a write's pool ran out). */
  next(worker: number): LoadRequest | null | Promise<LoadRequest | null>;
  /** Judges an answer (its body read in full). */
  check(answer: LoadAnswer, request: LoadRequest, worker: number): Verdict | Promise<Verdict>;
}

export interface LoadOptions {
  connections: number;
  /** Stop starting requests after this long. */
  durationMs: number;
  /** Stop starting requests after this many, over all workers (default: no limit). */
  maxRequests?: number;
  /** A request that takes longer is abandoned and counted as "timeout". */
  timeoutMs?: number;
}

function send(base: URL, agent: http.Agent, request: LoadRequest, timeoutMs: number): Promise<LoadAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...request.headers };
    if (request.body) headers["content-length"] = request.body.length;
    const req = http.request(
      { host: base.hostname, port: base.port, path: request.path, method: request.method, headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          try {
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: decode(raw, res.headers["content-encoding"]), wireBytes: raw.length });
          } catch (error) {
            reject(error);
          }
        });
        res.on("error", reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(request.body);
  });
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message.split("\n")[0].slice(0, 60);
  return String(error).slice(0, 60);
}

/** Runs `job` against the server at `baseUrl` and returns what it counted. */
export async function runLoad(baseUrl: string, job: LoadJob, options: LoadOptions): Promise<Sample> {
  const base = new URL(baseUrl);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxRequests = options.maxRequests ?? Number.POSITIVE_INFINITY;
  const sample: Sample = { latencies: [], ok: 0, errors: {}, seconds: 0, bytes: 0, examples: {} };
  const fail = (reason: string, body?: Buffer) => {
    sample.errors[reason] = (sample.errors[reason] ?? 0) + 1;
    if (body && !sample.examples![reason]) sample.examples![reason] = body.subarray(0, 65_536).toString("utf8");
  };
  let started = 0;
  const firstSent = performance.now();
  const deadline = firstSent + options.durationMs;
  let lastAnswer = firstSent;

  const worker = async (w: number) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      while (performance.now() < deadline && started < maxRequests) {
        const request = await job.next(w);
        if (!request) return;
        started++;
        const sent = performance.now();
        let verdict: Verdict;
        let body: Buffer | undefined;
        try {
          const answer = await send(base, agent, request, timeoutMs);
          sample.bytes += answer.wireBytes;
          body = answer.body;
          verdict = await job.check(answer, request, w);
        } catch (error) {
          verdict = reasonOf(error);
        }
        const now = performance.now();
        sample.latencies.push(now - sent);
        lastAnswer = Math.max(lastAnswer, now);
        if (verdict === true) sample.ok++;
        else fail(verdict, body);
      }
    } finally {
      agent.destroy();
    }
  };

  await Promise.all(Array.from({ length: options.connections }, (_, w) => worker(w)));
  sample.seconds = (lastAnswer - firstSent) / 1000;
  return sample;
}

/** The usual verdict: one of `statuses`, and (when given) `marker` in the body. */
export function expectStatus(statuses: readonly number[], marker?: string) {
  return (answer: LoadAnswer): Verdict => {
    if (!statuses.includes(answer.status)) return String(answer.status);
    if (marker && !answer.body.includes(marker)) return `no "${marker.slice(0, 30)}"`;
    return true;
  };
}
