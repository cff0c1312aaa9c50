/**
 * npm run admin:create -- --username <name> [--display-name "<name>"] [--reset]
 *
 * Creates a national administrator on DATABASE_URL's database (migrated first; the nation
 * root is created when nothing was imported yet). The password is ADMIN_PASSWORD when set
 * (kept, no forced change), else a generated one printed once, to be changed at the first
 * sign-in. An existing username is refused unless --reset. Audited (lib/users/first-admin.ts).
 */
import { parseArgs } from "node:util";
import { createNationalAdmin, FirstAdminError } from "../lib/users/first-admin";
import { exitOnError, withDatabase } from "./import-cli";

const USAGE = 'Cách dùng / usage: [ADMIN_PASSWORD=…] npm run admin:create -- --username <tên> [--display-name "<họ tên>"] [--reset]';

function usage(message?: string): never {
  if (message) console.error(message);
  console.error(USAGE);
  process.exit(2);
}

async function main() {
  let values: { username?: string; "display-name"?: string; reset?: boolean };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2).filter((a) => a !== "--"),
      options: { username: { type: "string" }, "display-name": { type: "string" }, reset: { type: "boolean" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return usage(`Tham số không hợp lệ / invalid arguments: ${(error as Error).message}`);
  }
  if (!values.username) return usage("Cần --username / --username is required");
  const username = values.username;

  await withDatabase(async (db, description) => {
    // Read after withDatabase loaded .env, though a password is better given for this one command only.
    const password = process.env.ADMIN_PASSWORD;
    try {
      const result = await createNationalAdmin(db, { username, displayName: values["display-name"], password, reset: values.reset });
      if (result.rootCreated) console.log(`${description}: đã tạo đơn vị gốc Việt Nam / created the nation root unit (import the catalogue next: npm run units:import -- <file>)`);
      console.log(
        `${description}: ${result.created ? "đã tạo quản trị viên toàn quốc / created the national administrator" : "đã đặt lại quản trị viên toàn quốc / reset the national administrator"} "${result.username}"`,
      );
      if (result.generatedPassword) {
        console.log(`Mật khẩu tạm, chỉ hiện một lần / temporary password, shown only once: ${result.generatedPassword}`);
        console.log("Phải đổi ở lần đăng nhập đầu / it must be changed at the first sign-in.");
      } else {
        console.log("Mật khẩu lấy từ ADMIN_PASSWORD / the password is ADMIN_PASSWORD's.");
      }
    } catch (error) {
      if (error instanceof FirstAdminError) {
        console.error(error.message);
        process.exitCode = 1;
        return;
      }
      throw error;
    }
  });
}

main().catch(exitOnError);
