/**
 * The first national administrator of a database, made from the command line
 * (`npm run admin:create`): the one account nobody can create in the app, because creating
 * accounts needs an administrator (decision 022). Role ADMIN, home unit the nation root. If
 * the database has no root yet (nothing imported), the root is created as the catalogue
 * import would create it, so that the administrator can sign in and import the catalogue in
 * the app; `npm run units:import` later hangs the provinces under this same root.
 */
import { hashPassword } from "../auth/password";
import { PRESETS } from "../auth/roles";
import { audit } from "../audit/log";
import type { PrismaClient } from "../generated/prisma/client";
import { todayInVietnam } from "../time";
import { ROOT_NAME, ROOT_TYPE_LABEL } from "../units/catalogue/import";
import { insertUnit } from "../units/tree";
import { PASSWORD_MAX, PASSWORD_MIN, usernameSchema } from "./schemas";
import { generateTemporaryPassword } from "./temporary-password";

export const DEFAULT_ADMIN_DISPLAY_NAME = "Quản trị viên";

export type FirstAdminRefusal = "INVALID_USERNAME" | "WEAK_PASSWORD" | "EXISTS";

/** An expected refusal: its message, in Vietnamese and English, says what to do. */
export class FirstAdminError extends Error {
  constructor(
    readonly code: FirstAdminRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** The app's rule for a password a person chose (the same as the change-password form's). */
export function passwordPolicyProblem(username: string, password: string): string | null {
  if (password.length < PASSWORD_MIN) return `Mật khẩu cần ít nhất ${PASSWORD_MIN} ký tự / the password needs at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `Mật khẩu tối đa ${PASSWORD_MAX} ký tự / the password may have at most ${PASSWORD_MAX} characters`;
  if (password.trim().toLowerCase() === username) return "Mật khẩu không được trùng tên đăng nhập / the password may not be the username";
  return null;
}

export interface FirstAdminInput {
  username: string;
  displayName?: string;
  /** ADMIN_PASSWORD: kept as given, no forced change. Absent: a generated one, to be changed at first sign-in. */
  password?: string;
  /** Allow an existing account of that name to be made a national administrator with the new password. */
  reset?: boolean;
  today?: Date;
}

export interface FirstAdminResult {
  userId: number;
  username: string;
  /** False when an existing account was reset. */
  created: boolean;
  /** The generated password, to be shown once; null when ADMIN_PASSWORD gave it. */
  generatedPassword: string | null;
  rootUnitId: number;
  rootCreated: boolean;
}

/** Creates (or, with `reset`, resets) a national administrator; one transaction with its audit row. */
export async function createNationalAdmin(db: PrismaClient, input: FirstAdminInput): Promise<FirstAdminResult> {
  const parsed = usernameSchema.safeParse(input.username);
  if (!parsed.success) {
    throw new FirstAdminError("INVALID_USERNAME", `Tên đăng nhập không hợp lệ: ${parsed.error.issues[0]?.message} / invalid username: 3–40 characters a–z, 0–9, . _ -`);
  }
  const username = parsed.data;
  const displayName = input.displayName?.normalize("NFC").replace(/\s+/g, " ").trim() || DEFAULT_ADMIN_DISPLAY_NAME;
  let password: string;
  let generatedPassword: string | null = null;
  if (input.password !== undefined) {
    const problem = passwordPolicyProblem(username, input.password);
    if (problem) throw new FirstAdminError("WEAK_PASSWORD", `ADMIN_PASSWORD: ${problem}`);
    password = input.password;
  } else {
    password = generatedPassword = generateTemporaryPassword();
  }
  const passwordHash = await hashPassword(password);
  const today = input.today ?? todayInVietnam();

  return db.$transaction(async (tx) => {
    let root = await tx.unit.findFirst({
      where: { level: "NATION", parentId: null, OR: [{ validTo: null }, { validTo: { gte: today } }] },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    const rootCreated = !root;
    root ??= await insertUnit(tx, { parentId: null, level: "NATION", typeLabel: ROOT_TYPE_LABEL, name: ROOT_NAME });

    const existing = await tx.user.findUnique({ where: { username }, select: { id: true, duties: true, unitId: true, active: true } });
    if (existing && !input.reset) {
      throw new FirstAdminError(
        "EXISTS",
        `Tên đăng nhập "${username}" đã có; thêm --reset để đặt lại mật khẩu và quyền quản trị toàn quốc / ` +
          `the username "${username}" exists; add --reset to reset its password and make it a national administrator`,
      );
    }
    const mustChangePassword = generatedPassword !== null;
    if (existing) {
      await tx.user.update({
        where: { id: existing.id },
        // A new password and seat end the account's open sessions.
        data: { duties: [...PRESETS.ADMIN], unitId: root.id, active: true, passwordHash, mustChangePassword, sessionVersion: { increment: 1 } },
      });
      await audit(tx, {
        actorId: null,
        action: "user.admin-reset",
        entity: "User",
        entityId: existing.id,
        unitId: root.id,
        data: { source: "admin:create", from: { duties: existing.duties, unitId: existing.unitId, active: existing.active }, mustChangePassword, rootCreated },
      });
      return { userId: existing.id, username, created: false, generatedPassword, rootUnitId: root.id, rootCreated };
    }
    const user = await tx.user.create({ data: { username, displayName, duties: [...PRESETS.ADMIN], unitId: root.id, passwordHash, mustChangePassword } });
    await audit(tx, {
      actorId: null,
      action: "user.create",
      entity: "User",
      entityId: user.id,
      unitId: root.id,
      data: { source: "admin:create", username, displayName, duties: [...PRESETS.ADMIN], unitId: root.id, mustChangePassword, rootCreated },
    });
    return { userId: user.id, username, created: true, generatedPassword, rootUnitId: root.id, rootCreated };
  });
}
