import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { nextAuthLogger } from "../log/next-auth";
import { revokeSession } from "./actor";
import { authSecret } from "./secret";
import { authenticate } from "./sign-in";
import { IDLE_TIMEOUT_SECONDS, isSessionClaims, type SessionClaims } from "./session-policy";

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: IDLE_TIMEOUT_SECONDS },
  jwt: { maxAge: IDLE_TIMEOUT_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  logger: nextAuthLogger,
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "credentials",
      credentials: {
        username: { label: "Tên đăng nhập", type: "text" },
        password: { label: "Mật khẩu", type: "password" },
      },
      async authorize(credentials) {
        const result = await authenticate(credentials?.username ?? "", credentials?.password ?? "");
        // next-auth passes the message on as `?error=…`; the login page words it.
        if (!result.ok) throw new Error(result.error);
        return { id: String(result.userId), name: result.displayName, sessionVersion: result.sessionVersion };
      },
    }),
  ],
  events: {
    async signOut({ token }) {
      if (isSessionClaims(token)) await revokeSession(token);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const claims: SessionClaims = {
          uid: Number(user.id),
          sv: (user as { sessionVersion?: number }).sessionVersion ?? 0,
          loginAt: Math.floor(Date.now() / 1000),
          sid: randomUUID(),
        };
        return { ...token, ...claims };
      }
      return token;
    },
    session({ session, token }) {
      if (isSessionClaims(token)) {
        return { ...session, claims: { uid: token.uid, sv: token.sv, loginAt: token.loginAt, sid: token.sid } };
      }
      return session;
    },
  },
};
