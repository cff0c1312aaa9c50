import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

let cached: string | undefined;

/**
 * The key that signs and encrypts sessions: NEXTAUTH_SECRET, or else a random one kept
 * in .data/auth-secret, so that `npm start` and `npm run dev` work on a developer's
 * machine with no configuration and sessions survive a restart. `npm start` always hands
 * the server a secret (lib/env.ts), and refuses to start without one when NODE_ENV=production.
 */
export function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  // `next start` runs with NODE_ENV=production: a server started without `npm start` and without
  // a secret refuses rather than invent one (`next build` may load this module, and has none to need).
  if (process.env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build") {
    throw new Error("Thiếu NEXTAUTH_SECRET khi chạy production / NEXTAUTH_SECRET must be set in production (see .env.example)");
  }
  if (cached) return cached;
  const file = path.join(/* turbopackIgnore: true */ process.cwd(), ".data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another process wrote it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  cached = fs.readFileSync(file, "utf8").trim();
  return cached;
}
