import "server-only";
import type { Actor } from "../auth/actor";
import { getActor } from "../auth/current";
import { allows, type Permission } from "../auth/roles";
import { parseId } from "../forms/fields";

interface StoredFile {
  fileName: string;
  mimeType: string;
  content: Uint8Array<ArrayBuffer>;
}

/**
 * The GET handler of `…/[id]/attachments/[attachmentId]`: the file as a download, read by a
 * loader that scopes it to the actor; out of scope answers 404 like a missing one.
 */
export function attachmentDownload(permission: Permission, load: (actor: Actor, ownerId: number, attachmentId: number) => Promise<StoredFile | null>) {
  return async function GET(_request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
    const actor = await getActor();
    if (!actor) return new Response("Chưa đăng nhập", { status: 401 });
    const { id, attachmentId } = await params;
    const notFound = new Response("Không tìm thấy", { status: 404 });
    const ownerId = parseId(id);
    const fileId = parseId(attachmentId);
    if (!allows(actor, permission) || ownerId === null || fileId === null) return notFound;
    const file = await load(actor, ownerId, fileId);
    if (!file) return notFound;
    return new Response(file.content, {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  };
}
