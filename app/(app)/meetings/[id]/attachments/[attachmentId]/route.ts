import { getActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/roles";
import { getMeetingAttachment } from "@/lib/meetings/detail";

/** A meeting's attachment, as a download; out of scope answers 404 like a missing one. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("Chưa đăng nhập", { status: 401 });
  const { id, attachmentId } = await params;
  const notFound = new Response("Không tìm thấy", { status: 404 });
  if (!can(actor.role, "meeting:read:subtree") || !/^\d{1,9}$/.test(id) || !/^\d{1,9}$/.test(attachmentId)) return notFound;
  const file = await getMeetingAttachment(actor, Number(id), Number(attachmentId));
  if (!file) return notFound;
  return new Response(file.content, {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
