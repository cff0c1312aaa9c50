"use server";
import { z } from "zod";
import { defineAction, type ActionState } from "../../actions/define-action";
import { checkCatalogueFile, uploadCatalogue } from "./upload";

/**
 * `formDataToObject` keeps File values, so the file is validated by the schema like any
 * other field. Size and type are checked here too, before the bytes are read.
 */
const uploadSchema = z.object({
  file: z
    .instanceof(File, { message: "Vui lòng chọn tệp danh mục." })
    .superRefine((f, ctx) => {
      // A form submitted without a chosen file still sends an empty, nameless File.
      const refused = f.size === 0 && f.name === "" ? { message: "Vui lòng chọn tệp danh mục." } : checkCatalogueFile(f.name, f.size);
      if (refused) ctx.addIssue({ code: "custom", message: refused.message });
    }),
  asOf: z.iso.date({ message: "Vui lòng chọn ngày hợp lệ." }),
  intent: z.enum(["preview", "import"]).default("preview"),
});

const upload = defineAction({
  schema: uploadSchema,
  permission: "reference:manage:national",
  run: async ({ input, actor }) => {
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    return uploadCatalogue(actor, bytes, input.file.name, new Date(`${input.asOf}T00:00:00Z`), input.intent);
  },
  revalidate: ({ data }) => (data.status === "imported" ? ["/organisation"] : []),
});

type Data<F> = F extends (prev: ActionState<infer T>, formData: FormData) => unknown ? T : never;

export async function uploadCatalogueAction(prev: ActionState<Data<typeof upload>>, formData: FormData) {
  return upload(prev, formData);
}
