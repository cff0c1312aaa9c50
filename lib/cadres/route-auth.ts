import "server-only";
import { getActor } from "../auth/current";
import { allows, type Permission } from "../auth/roles";
import type { Actor } from "../auth/actor";

/** For the xlsx route handlers: the actor, or the Response to send (401 signed out, 404 without the permission). */
export async function actorForRoute(permission: Permission): Promise<Actor | Response> {
  const actor = await getActor();
  if (!actor) return new Response("Phiên làm việc đã hết. Vui lòng đăng nhập lại.", { status: 401 });
  if (!allows(actor, permission)) return new Response("Không tìm thấy.", { status: 404 });
  return actor;
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** `attachment` with an ASCII fallback name and the UTF-8 one (RFC 6266). */
export function attachment(fileName: string, asciiName: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
