import type { NextAuthOptions } from "next-auth";
import { nextAuthLogger } from "../log/next-auth";
import { decode, encode } from "./jwt";
import { authSecret } from "./secret";
import { IDLE_TIMEOUT_SECONDS, isSessionClaims } from "./session-policy";

/**
 * What is left of next-auth: `getServerSession` reads the session from its encrypted JWT cookie.
 * Signing in is our own form endpoint (POST /sign-in, lib/auth/sign-in-form.ts) and signing out
 * ours too (POST /sign-out), each the one way to do it; they write and drop the cookie in
 * next-auth's format (lib/auth/session-token.ts). next-auth's own endpoints are not mounted:
 * its credentials callback would be a second door in.
 */
export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: IDLE_TIMEOUT_SECONDS },
  // Its format, with the key derived once per process (lib/auth/jwt.ts).
  jwt: { maxAge: IDLE_TIMEOUT_SECONDS, encode, decode },
  logger: nextAuthLogger,
  providers: [],
  callbacks: {
    session({ session, token }) {
      if (isSessionClaims(token)) {
        return { ...session, claims: { uid: token.uid, sv: token.sv, loginAt: token.loginAt, sid: token.sid } };
      }
      return session;
    },
  },
};
