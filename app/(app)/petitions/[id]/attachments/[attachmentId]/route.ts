import { attachmentDownload } from "@/lib/files/download";
import { getPetitionAttachment } from "@/lib/petitions/detail";

/** A petition's attachment, as a download. */
export const GET = attachmentDownload("petition:read:subtree", getPetitionAttachment);
