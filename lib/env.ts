import fs from "node:fs";
import path from "node:path";
import dotenv from "dotenv";
import { z } from "zod";
import { authSecret } from "./auth/secret";
import { databaseConfig } from "./db/config";

/**
 * The one place settings come from: the process environment, completed by a `.env` file in
 * the project folder. Every command (scripts/*.ts, the seed) calls `loadEnvFile()` before it
 * reads a setting, and `npm start` hands what it loaded to `next build` and `next start`, so the
 * server and the commands always see the same values. A variable already set in the
 * environment wins over `.env` (as in Next.js's own loader). `.env.example` lists them all.
 */
export const ENV_FILE = ".env";

/**
 * Next.js would also read these on its own, and the commands would not: the server and the
 * commands would then disagree (decision 022). They are refused rather than half-used.
 */
const OTHER_ENV_FILES = [".env.local", ".env.production", ".env.production.local", ".env.development", ".env.development.local"];

const loadedDirs = new Set<string>();

/** process.env, or a plain object standing in for it (tests). */
export type Env = Record<string, string | undefined>;

/** Loads `<dir>/.env` into `target` (once per folder), never overriding a value already set. */
export function loadEnvFile(dir: string = process.cwd(), target: Env = process.env): void {
  const key = path.resolve(dir);
  if (target === process.env && loadedDirs.has(key)) return;
  const others = OTHER_ENV_FILES.filter((f) => fs.existsSync(path.join(key, f)));
  if (others.length) {
    throw new Error(
      `Chỉ dùng tệp ${ENV_FILE}: hãy chuyển các thiết lập trong ${others.join(", ")} vào ${ENV_FILE} rồi xóa ${others.length > 1 ? "các tệp đó" : "tệp đó"} / ` +
        `only ${ENV_FILE} is read: move the settings of ${others.join(", ")} into ${ENV_FILE} and delete ${others.length > 1 ? "them" : "it"}`,
    );
  }
  const file = path.join(key, ENV_FILE);
  if (fs.existsSync(file)) {
    const values = dotenv.parse(fs.readFileSync(file));
    for (const [name, value] of Object.entries(values)) if (target[name] === undefined) target[name] = value;
  }
  if (target === process.env) loadedDirs.add(key);
}

/** "Production" is what the operator says it is: NODE_ENV=production in the environment or `.env`. */
export function isProduction(env: Env = process.env): boolean {
  return env.NODE_ENV === "production";
}

const schema = z.object({
  PORT: z.coerce
    .number({ error: "PORT phải là số / PORT must be a number" })
    .int()
    .min(1, "PORT phải từ 1 đến 65535 / PORT must be 1–65535")
    .max(65535, "PORT phải từ 1 đến 65535 / PORT must be 1–65535")
    .default(3000),
  NEXTAUTH_SECRET: z
    .string()
    .min(32, "NEXTAUTH_SECRET cần ít nhất 32 ký tự / NEXTAUTH_SECRET needs at least 32 characters")
    .optional(),
  NEXTAUTH_URL: z.url({ error: "NEXTAUTH_URL phải là một URL đầy đủ / NEXTAUTH_URL must be a full URL" }).optional(),
  DATABASE_URL: z.string().optional(),
});

export type ServerEnv = { PORT: number; NEXTAUTH_SECRET: string; NEXTAUTH_URL: string; DATABASE_URL?: string; production: boolean };

/**
 * Reads and checks the environment at start-up, with messages in Vietnamese and English.
 * In production NEXTAUTH_SECRET and NEXTAUTH_URL are required; elsewhere a missing secret is
 * generated and kept in .data/auth-secret so that sessions survive a restart on a developer's
 * machine, and the address defaults to localhost.
 */
export function loadServerEnv(env: Env = process.env): ServerEnv {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Cấu hình môi trường không hợp lệ / invalid environment:\n${parsed.error.issues.map((i) => `- ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  }
  databaseConfig(parsed.data.DATABASE_URL); // throws a bilingual message when malformed
  const production = isProduction(env);
  if (production) {
    const missing = (["NEXTAUTH_SECRET", "NEXTAUTH_URL"] as const).filter((name) => !parsed.data[name]);
    if (missing.length) {
      throw new Error(
        `Thiếu ${missing.join(" và ")} khi chạy production (NODE_ENV=production); đặt trong môi trường hoặc tệp ${ENV_FILE} (xem .env.example) / ` +
          `${missing.join(" and ")} must be set in production (NODE_ENV=production): set ${missing.length > 1 ? "them" : "it"} in the environment or in ${ENV_FILE} (see .env.example)`,
      );
    }
  }
  const port = parsed.data.PORT;
  return {
    PORT: port,
    DATABASE_URL: parsed.data.DATABASE_URL,
    NEXTAUTH_URL: parsed.data.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXTAUTH_SECRET: parsed.data.NEXTAUTH_SECRET ?? authSecret(),
    production,
  };
}

/**
 * The environment `npm start` gives `next build` and `next start`: everything it loaded (the
 * `.env` file included), the checked values, and Next.js's telemetry switched off (the app
 * must not report to a third party from a committee's server).
 */
export function serverProcessEnv(env: ServerEnv, base: Env = process.env): NodeJS.ProcessEnv {
  return {
    ...(base as NodeJS.ProcessEnv),
    PORT: String(env.PORT),
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET,
    NEXTAUTH_URL: env.NEXTAUTH_URL,
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

const booleanSetting = (name: string) =>
  z
    .enum(["true", "false", "1", "0", "on", "off"], { error: `${name} phải là true hoặc false / ${name} must be true or false` })
    .transform((v) => v === "true" || v === "1" || v === "on");

const mailSchema = z.object({
  SMTP_HOST: z.string().trim().min(1).optional(),
  SMTP_PORT: z.coerce
    .number({ error: "SMTP_PORT phải là số / SMTP_PORT must be a number" })
    .int()
    .min(1, "SMTP_PORT phải từ 1 đến 65535 / SMTP_PORT must be 1–65535")
    .max(65535, "SMTP_PORT phải từ 1 đến 65535 / SMTP_PORT must be 1–65535")
    .default(587),
  SMTP_SECURE: booleanSetting("SMTP_SECURE").optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().trim().optional(),
});

/** E-mail through SMTP (decision 062): off (null) while SMTP_HOST is unset. */
export interface MailEnv {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  auth?: { user: string; pass: string };
  from: string;
}

export function loadMailEnv(env: Env = process.env): MailEnv | null {
  const parsed = mailSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Cấu hình e-mail không hợp lệ / invalid e-mail settings:\n${parsed.error.issues.map((i) => `- ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  }
  const s = parsed.data;
  if (!s.SMTP_HOST) return null;
  if (!s.SMTP_FROM || !z.email().safeParse(s.SMTP_FROM.replace(/^.*<(.+)>\s*$/, "$1")).success) {
    throw new Error("SMTP_FROM phải là địa chỉ gửi, ví dụ \"Dân vận <no-reply@example.gov.vn>\" / SMTP_FROM must be the sender's address");
  }
  return {
    host: s.SMTP_HOST,
    port: s.SMTP_PORT,
    secure: s.SMTP_SECURE ?? s.SMTP_PORT === 465,
    auth: s.SMTP_USER ? { user: s.SMTP_USER, pass: s.SMTP_PASSWORD ?? "" } : undefined,
    from: s.SMTP_FROM,
  };
}

const phoneChannelsSchema = z.object({
  ZALO_ZNS_URL: z.url({ error: "ZALO_ZNS_URL phải là địa chỉ https của API ZNS / ZALO_ZNS_URL must be the ZNS API's address" }).optional(),
  ZALO_ZNS_ACCESS_TOKEN: z.string().trim().min(1).optional(),
  ZALO_ZNS_TEMPLATE_ID: z.string().trim().regex(/^\d{1,20}$/, "ZALO_ZNS_TEMPLATE_ID là mã số mẫu tin đã duyệt / ZALO_ZNS_TEMPLATE_ID is the approved template's number").optional(),
  SMS_URL: z.url({ error: "SMS_URL phải là địa chỉ của API gửi tin / SMS_URL must be the SMS API's address" }).optional(),
  SMS_API_KEY: z.string().trim().min(1).optional(),
  SMS_SECRET_KEY: z.string().trim().min(1).optional(),
  SMS_BRANDNAME: z.string().trim().min(1).max(11).optional(),
});

/** Zalo Notification Service (decision 062): off (null) until its token is set; then its address and template too. */
export interface ZaloEnv {
  url: string;
  accessToken: string;
  templateId: string;
}

/** SMS through an eSMS-style brandname API (decision 062): off (null) until its key is set; then the rest too. */
export interface SmsEnv {
  url: string;
  apiKey: string;
  secretKey: string;
  brandname: string;
}

function phoneChannels(env: Env) {
  const parsed = phoneChannelsSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Cấu hình Zalo/SMS không hợp lệ / invalid Zalo or SMS settings:\n${parsed.error.issues.map((i) => `- ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  }
  return parsed.data;
}

export function loadZaloEnv(env: Env = process.env): ZaloEnv | null {
  const s = phoneChannels(env);
  if (!s.ZALO_ZNS_ACCESS_TOKEN) return null;
  if (!s.ZALO_ZNS_URL || !s.ZALO_ZNS_TEMPLATE_ID) {
    throw new Error("ZALO_ZNS_ACCESS_TOKEN cần cả ZALO_ZNS_URL và ZALO_ZNS_TEMPLATE_ID / ZALO_ZNS_ACCESS_TOKEN needs ZALO_ZNS_URL and ZALO_ZNS_TEMPLATE_ID");
  }
  return { url: s.ZALO_ZNS_URL, accessToken: s.ZALO_ZNS_ACCESS_TOKEN, templateId: s.ZALO_ZNS_TEMPLATE_ID };
}

export function loadSmsEnv(env: Env = process.env): SmsEnv | null {
  const s = phoneChannels(env);
  if (!s.SMS_API_KEY) return null;
  if (!s.SMS_URL || !s.SMS_SECRET_KEY || !s.SMS_BRANDNAME) {
    throw new Error("SMS_API_KEY cần cả SMS_URL, SMS_SECRET_KEY và SMS_BRANDNAME / SMS_API_KEY needs SMS_URL, SMS_SECRET_KEY and SMS_BRANDNAME");
  }
  return { url: s.SMS_URL, apiKey: s.SMS_API_KEY, secretKey: s.SMS_SECRET_KEY, brandname: s.SMS_BRANDNAME };
}

/** Whether this process works the job queue (decision 060): on unless JOBS_WORKER=off. */
export function jobsInProcess(env: Env = process.env): boolean {
  const value = env.JOBS_WORKER?.trim();
  if (!value || value === "on" || value === "true" || value === "1") return true;
  if (value === "off" || value === "false" || value === "0") return false;
  throw new Error(`JOBS_WORKER phải là on hoặc off / JOBS_WORKER must be on or off, got "${value}"`);
}
