/**
 * Preloaded into `next start` (scripts/start.ts: node --import). Next.js builds a WHATWG
 * Request for proxy.ts, and that constructor throws for the methods the Fetch standard
 * forbids (TRACE, TRACK, CONNECT): such a request ended as a 500 before proxy.ts could answer
 * (issue 12, finding 7). This answers those three with 405 before Next.js sees them; every
 * other method reaches proxy.ts, whose rule (lib/http/request-guard.ts) allows GET, HEAD,
 * POST and OPTIONS. Decision 021.
 */
import http from "node:http";

const FORBIDDEN_BY_FETCH = new Set(["TRACE", "TRACK", "CONNECT"]);
const ALLOW = "GET, HEAD, POST, OPTIONS";

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, ...args) {
  if (event === "request") {
    const [request, response] = args;
    if (FORBIDDEN_BY_FETCH.has(String(request.method).toUpperCase())) {
      response.writeHead(405, { Allow: ALLOW, "Content-Type": "text/plain; charset=utf-8" });
      response.end(`Phương thức ${request.method} không được hỗ trợ.`);
      return true;
    }
  }
  return emit.call(this, event, ...args);
};
