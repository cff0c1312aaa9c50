import { describe, expect, it } from "vitest";
import { errorFields } from "./logger";

describe("errorFields", () => {
  it("keeps the type, the code, the first line and the stack frames, not the lines that repeat values", () => {
    const error = Object.assign(new Error("Invalid `prisma.petition.create()` invocation:\n{ petitionerName: \"Nguyễn Văn A\" }"), { code: "P2002" });
    const fields = errorFields(error);
    expect(fields).toMatchObject({ errorType: "Error", errorCode: "P2002", message: "Invalid `prisma.petition.create()` invocation:" });
    expect((fields.stack as string[]).length).toBeGreaterThan(0);
    expect((fields.stack as string[]).every((l) => l.startsWith("at "))).toBe(true);
    expect(JSON.stringify(fields)).not.toContain("Nguyễn");
  });

  it("masks the value PostgreSQL quotes in the first line", () => {
    const fields = errorFields(Object.assign(new Error('invalid input syntax for type integer: "Nguyễn Văn A"'), { code: "22P02" }));
    expect(fields).toMatchObject({ errorCode: "22P02", message: 'invalid input syntax for type integer: "*"' });
  });

  it("says only the kind of a thrown non-error", () => {
    expect(errorFields("Nguyễn Văn A")).toEqual({ errorType: "string" });
  });
});
