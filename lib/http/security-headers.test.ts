import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, securityHeaders } from "./security-headers";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.split(" ")[0] === name)?.split(" ").slice(1);

describe("security headers", () => {
  it("lets scripts run only with the nonce, in production without eval", () => {
    const csp = contentSecurityPolicy("abc123", { development: false, https: false });
    expect(directive(csp, "script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(directive(csp, "frame-ancestors")).toEqual(["'none'"]);
    expect(directive(csp, "object-src")).toEqual(["'none'"]);
    expect(directive(csp, "base-uri")).toEqual(["'self'"]);
    expect(directive(csp, "form-action")).toEqual(["'self'"]);
    expect(directive(csp, "connect-src")).toEqual(["'self'"]);
    // The field app's service worker and manifest (decision 070), from this site only.
    expect(directive(csp, "worker-src")).toEqual(["'self'"]);
    expect(directive(csp, "manifest-src")).toEqual(["'self'"]);
    expect(directive(csp, "img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(directive(csp, "upgrade-insecure-requests")).toBeUndefined();
  });

  it("allows eval in development only, and inline styles but never inline scripts", () => {
    const dev = contentSecurityPolicy("n", { development: true, https: false });
    expect(directive(dev, "script-src")).toContain("'unsafe-eval'");
    expect(directive(dev, "script-src")).not.toContain("'unsafe-inline'");
    expect(directive(dev, "style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("sends HSTS and upgrades requests only when the public address is https", () => {
    const https = securityHeaders("n", { development: false, publicUrl: "https://danvan.example.vn" });
    expect(https["Strict-Transport-Security"]).toBe("max-age=31536000");
    expect(directive(https["Content-Security-Policy"], "upgrade-insecure-requests")).toEqual([]);
    for (const publicUrl of ["http://localhost:3000", undefined, "not a url"]) {
      const plain = securityHeaders("n", { development: false, publicUrl });
      expect(plain["Strict-Transport-Security"]).toBeUndefined();
      expect(plain["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
    }
  });

  it("sends the fixed headers on every response", () => {
    const h = securityHeaders("n", { development: false, publicUrl: undefined });
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    for (const feature of ["camera", "microphone", "geolocation", "payment"]) expect(h["Permissions-Policy"]).toContain(`${feature}=()`);
  });

  it("makes a new unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
