/**
 * The checks every request passes in proxy.ts before any route sees it, for what no page or
 * route could answer with more than a 500 (issue 12, finding 7; decision 021): a method the
 * app does not serve (TRACE…), a NUL byte in the address (PostgreSQL's text refuses it), and a
 * body declared larger than the transport limit. Pure, so the rules are unit-tested.
 */

/** The largest body the app reads: a petition with 5 attachments of 10 MB, and its fields (next.config.ts uses it). */
export const MAX_REQUEST_BODY_BYTES = 52 * 1024 * 1024;

/** What Next.js and our routes answer; anything else is refused before routing. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "OPTIONS"] as const;

export interface RequestRefusal {
  status: 400 | 405 | 413;
  message: string;
  /** For 405: the Allow header. */
  allow?: string;
}

export function refuseMalformedRequest(request: { method: string; url: URL; contentLength: string | null }): RequestRefusal | null {
  if (!(ALLOWED_METHODS as readonly string[]).includes(request.method.toUpperCase())) {
    return { status: 405, message: `Phương thức ${request.method} không được hỗ trợ.`, allow: ALLOWED_METHODS.join(", ") };
  }
  // The raw address, still percent-encoded: %00 decodes to the NUL byte.
  if (/%00|\u0000/i.test(request.url.pathname + request.url.search)) {
    return { status: 400, message: "Địa chỉ chứa ký tự không hợp lệ." };
  }
  if (request.contentLength !== null) {
    if (!/^\d{1,15}$/.test(request.contentLength)) return { status: 400, message: "Độ dài nội dung không hợp lệ." };
    if (Number(request.contentLength) > MAX_REQUEST_BODY_BYTES) {
      return { status: 413, message: `Nội dung gửi lên quá lớn; tối đa ${MAX_REQUEST_BODY_BYTES / 1024 / 1024} MB.` };
    }
  }
  return null;
}

const REFUSAL_CODES = { 400: "invalid_request", 405: "method_not_allowed", 413: "payload_too_large" } as const;

/** A refusal's answer: JSON for the API (its error shape), plain Vietnamese text elsewhere. */
export function refusalAnswer(refusal: RequestRefusal, pathname: string): { status: number; headers: Record<string, string>; body: string } {
  const allow: Record<string, string> = refusal.allow ? { Allow: refusal.allow } : {};
  if (pathname.startsWith("/api/")) {
    return { status: refusal.status, headers: { ...allow, "Content-Type": "application/json" }, body: JSON.stringify({ error: REFUSAL_CODES[refusal.status], message: refusal.message }) };
  }
  return { status: refusal.status, headers: { ...allow, "Content-Type": "text/plain; charset=utf-8" }, body: refusal.message };
}
