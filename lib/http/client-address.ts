import { isIP } from "node:net";

/**
 * The client's address as far as this server can tell, for sign-in throttling.
 *
 * Next.js keeps a client's own X-Forwarded-For, so the app's server (lib/http/server.ts) replaces it
 * with the connection's address when no proxy is trusted. Behind TRUST_PROXY reverse proxies that
 * each append the address they saw (nginx: `$proxy_add_x_forwarded_for`), the client is the
 * TRUST_PROXY-th entry from the right, and what the client wrote to the left of it is ignored.
 * With no proxy configured the last entry is taken: the connection's address (decision 025). IPv6 addresses count per /64, the block one
 * subscriber holds, so that an attacker cannot take a fresh count per address.
 */
export function clientAddress(forwardedFor: string | null | undefined, trustProxy = trustedProxyHops()): string {
  const chain = (forwardedFor ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  const entry = chain[chain.length - Math.max(1, trustProxy)] ?? chain[0];
  return entry ? normaliseAddress(entry) : "unknown";
}

/** TRUST_PROXY: how many reverse proxies in front of the app append to X-Forwarded-For (0, the default, when none). */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const hops = Number(env.TRUST_PROXY ?? 0);
  return Number.isInteger(hops) && hops >= 0 && hops <= 10 ? hops : 0;
}

function normaliseAddress(raw: string): string {
  let address = raw.toLowerCase();
  // "[2001:db8::1]:443" and "203.0.113.9:51234" as some proxies write them
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  if (address.startsWith("::ffff:") && isIP(address.slice(7)) === 4) address = address.slice(7);
  const version = isIP(address);
  if (version === 4) return address;
  if (version === 6) return `${ipv6Groups(address).slice(0, 4).join(":")}::/64`;
  return "unknown";
}

/** The eight groups of an IPv6 address, "::" expanded (a trailing dotted IPv4 counts as two). */
function ipv6Groups(address: string): string[] {
  const [head, tail = ""] = address.split("::");
  const part = (s: string) => (s ? s.split(":").flatMap((g) => (g.includes(".") ? ["0", "0"] : [g])) : []);
  const left = part(head);
  const right = address.includes("::") ? part(tail) : [];
  const middle = Array(8 - left.length - right.length).fill("0");
  return [...left, ...middle, ...right].map((g) => g.replace(/^0+(?=.)/, ""));
}
