import { describe, expect, it } from "vitest";
import { formatDate } from "../format";
import { hashLinkToken, linkExpiry, linkTokenOf, linkUrl, newLinkToken, sameDigest } from "./token";

describe("the agency's link token", () => {
  it("is random, has its shape, and only its hash is compared", () => {
    const a = newLinkToken();
    const b = newLinkToken();
    expect(a.token).not.toBe(b.token);
    expect(linkTokenOf(a.token)).toBe(a.token);
    expect(a.tokenHash).toBe(hashLinkToken(a.token));
    expect(sameDigest(a.tokenHash, hashLinkToken(a.token))).toBe(true);
    expect(sameDigest(a.tokenHash, b.tokenHash)).toBe(false);
    expect(sameDigest("not hex", "not hex")).toBe(false);
  });

  it("refuses what cannot be a token before any work", () => {
    for (const raw of [undefined, null, 42, "", "dvc_", "dv_" + "a".repeat(43), "dvc_" + "a".repeat(42), "dvc_" + "a".repeat(43) + "\u0000", ["dvc_" + "a".repeat(43)]]) {
      expect(linkTokenOf(raw)).toBeNull();
    }
  });

  it("works to the end of the thirtieth day after the deadline, in Vietnam", () => {
    const due = new Date("2026-03-20T00:00:00Z");
    const expiry = linkExpiry(due, new Date("2026-03-02T00:00:00Z"));
    expect(formatDate(new Date(expiry.getTime() - 1))).toBe("19/04/2026");
    expect(formatDate(expiry)).toBe("20/04/2026");
    // Past the deadline already: thirty days from today.
    expect(formatDate(new Date(linkExpiry(due, new Date("2026-05-01T00:00:00Z")).getTime() - 1))).toBe("31/05/2026");
  });

  it("puts the token in the query, which the log masks", () => {
    expect(linkUrl("https://danvan.example.gov.vn", "dvc_abc")).toBe("https://danvan.example.gov.vn/co-quan?k=dvc_abc");
  });
});
