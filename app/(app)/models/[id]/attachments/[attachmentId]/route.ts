import { attachmentDownload } from "@/lib/files/download";
import { getModelAttachment } from "@/lib/good-practice/queries";

/** A good-practice model's evidence file, as a download. */
export const GET = attachmentDownload("good-practice:read:subtree", getModelAttachment);
