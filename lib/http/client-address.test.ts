import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxyHops } from "./client-address";

describe("clientAddress", () => {
  it("takes the address next start put in X-Forwarded-For when no proxy is configured", () => {
    expect(clientAddress("203.0.113.9", 0)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:203.0.113.9", 0)).toBe("203.0.113.9");
  });

  it("without a trusted proxy takes the last entry, never one the client put before it", () => {
    expect(clientAddress("198.51.100.1, 203.0.113.9", 0)).toBe("203.0.113.9");
  });

  it("behind trusted proxies takes the entry the outermost one saw", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddress("6.6.6.6, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
    // fewer entries than proxies: the leftmost there is
    expect(clientAddress("203.0.113.9", 2)).toBe("203.0.113.9");
  });

  it("counts IPv6 per /64 and strips ports and brackets", () => {
    expect(clientAddress("2001:db8:1:2:aaaa::1", 0)).toBe("2001:db8:1:2::/64");
    expect(clientAddress("2001:db8:1:2:bbbb:cccc:dddd:eeee", 0)).toBe("2001:db8:1:2::/64");
    expect(clientAddress("[2001:db8::1]:443", 0)).toBe("2001:db8:0:0::/64");
    expect(clientAddress("203.0.113.9:51234", 0)).toBe("203.0.113.9");
  });

  it("answers 'unknown' for no header or garbage", () => {
    expect(clientAddress(null, 0)).toBe("unknown");
    expect(clientAddress("", 0)).toBe("unknown");
    expect(clientAddress("not-an-address", 0)).toBe("unknown");
    expect(clientAddress("203.0.113.9\u0000", 0)).toBe("unknown");
  });

  it("reads TRUST_PROXY as a small whole number, 0 otherwise", () => {
    expect(trustedProxyHops({ TRUST_PROXY: "1" })).toBe(1);
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUST_PROXY: "yes" })).toBe(0);
    expect(trustedProxyHops({ TRUST_PROXY: "-1" })).toBe(0);
  });
});
