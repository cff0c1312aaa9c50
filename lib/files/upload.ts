import { createHash } from "node:crypto";
import { z } from "zod";
import { SNIFFED_TYPES, sniffType, type SniffedType } from "./sniff";

/** A file that passed its checks: its type comes from its bytes. */
export interface UploadedFile {
  fileName: string;
  type: SniffedType;
  mimeType: string;
  size: number;
  sha256: string;
  bytes: Uint8Array<ArrayBuffer>;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toLocaleString("vi-VN", { maximumFractionDigits: 1 });

/**
 * A form's file input (one or several files) as checked files: each at most `maxBytes`,
 * of an allowed type read from its bytes, at most `maxFiles` of them. Empty parts are no
 * file: a browser sends one for an input left empty (Next.js names it "undefined"), and an
 * empty file carries nothing to keep. Messages name the file.
 */
export function uploadsField(options: { allowed: readonly SniffedType[]; maxBytes: number; maxFiles: number }) {
  const { allowed, maxBytes, maxFiles } = options;
  return z
    .union([z.instanceof(File), z.array(z.instanceof(File))])
    .optional()
    .transform(async (value, ctx): Promise<UploadedFile[]> => {
      const files = (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter((f) => f.size > 0);
      if (files.length > maxFiles) {
        ctx.addIssue({ code: "custom", message: `Chỉ được đính kèm tối đa ${maxFiles} tệp.` });
        return [];
      }
      const out: UploadedFile[] = [];
      for (const file of files) {
        if (file.size > maxBytes) {
          ctx.addIssue({ code: "custom", message: `Tệp "${file.name}" quá lớn (${mb(file.size)} MB); tối đa ${mb(maxBytes)} MB.` });
          continue;
        }
        const bytes = new Uint8Array(await file.arrayBuffer());
        const type = sniffType(bytes);
        if (!type || !allowed.includes(type)) {
          ctx.addIssue({ code: "custom", message: `Tệp "${file.name}" không đúng loại: chỉ nhận ${allowed.join(", ")}.` });
          continue;
        }
        const fileName = file.name.normalize("NFC").replace(/[\\/]/g, "_").slice(-200) || `tep.${type}`;
        out.push({ fileName, type, mimeType: SNIFFED_TYPES[type], size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex"), bytes });
      }
      return out;
    });
}
