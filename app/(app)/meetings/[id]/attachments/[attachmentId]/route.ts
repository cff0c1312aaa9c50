import { attachmentDownload } from "@/lib/files/download";
import { getMeetingAttachment } from "@/lib/meetings/detail";

/** A meeting's attachment, as a download. */
export const GET = attachmentDownload("meeting:read:subtree", getMeetingAttachment);
