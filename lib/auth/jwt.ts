import { hkdfSync, randomUUID } from "node:crypto";
import { EncryptJWT, jwtDecrypt, type JWTPayload } from "jose";
import type { JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

/**
 * next-auth's session tokens (an encrypted JWT: `dir`, A256GCM, a key derived from the secret by
 * HKDF), written and read in its exact format, so that `getServerSession`, the proxy's sliding
 * window and the password change share them with tokens already in browsers. next-auth derives
 * the key again for every token; a request read and wrote up to four (the proxy and
 * `getServerSession`, each decoding and re-encoding). Here each secret's key is derived once per
 * process. The one import of `next-auth/jwt`'s format (eslint.config.mjs).
 */
const keys = new Map<string, Uint8Array>();

function keyOf(secret: string | Buffer, salt = ""): Uint8Array {
  const id = `${salt}\u0000${secret.toString()}`;
  let key = keys.get(id);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, salt, `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`, 32));
    keys.set(id, key);
  }
  return key;
}

const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;

export async function encode({ token = {}, secret, maxAge = DEFAULT_MAX_AGE, salt = "" }: JWTEncodeParams): Promise<string> {
  return new EncryptJWT(token as JWTPayload)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + maxAge)
    .setJti(randomUUID())
    .encrypt(keyOf(secret, salt));
}

/** The token's claims; throws when it is not one of ours (another secret, tampered, expired). */
export async function decode({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWTPayload | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, keyOf(secret, salt), { clockTolerance: 15 });
  return payload;
}
