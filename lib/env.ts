import { z } from "zod";
import { authSecret } from "./auth/secret";
import { databaseConfig } from "./db/config";

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

export type ServerEnv = { PORT: number; NEXTAUTH_SECRET: string; NEXTAUTH_URL: string; DATABASE_URL?: string };

/**
 * Reads and checks the environment at start-up, with messages in Vietnamese and
 * English. Without NEXTAUTH_SECRET, a random one is kept in .data/auth-secret so that
 * sessions survive a restart on a developer's machine.
 */
export function loadServerEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Cấu hình môi trường không hợp lệ / invalid environment:\n${parsed.error.issues.map((i) => `- ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  }
  databaseConfig(parsed.data.DATABASE_URL); // throws a bilingual message when malformed
  const port = parsed.data.PORT;
  return {
    PORT: port,
    DATABASE_URL: parsed.data.DATABASE_URL,
    NEXTAUTH_URL: parsed.data.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXTAUTH_SECRET: parsed.data.NEXTAUTH_SECRET ?? authSecret(),
  };
}
