import { describe, expect, it } from "vitest";
import { carriedFields, SIGN_IN_AGAIN_FIELDS, takeSignInAgainFields } from "./sign-in-again";

function form(entries: [string, string | File][]): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe("signing in again from a carried form", () => {
  it("takes the credentials out, so they are neither saved nor echoed", () => {
    const f = form([["minutes", "Biên bản"], [SIGN_IN_AGAIN_FIELDS.username, "xa.lapthach"], [SIGN_IN_AGAIN_FIELDS.password, "bí mật"]]);
    expect(takeSignInAgainFields(f)).toEqual({ username: "xa.lapthach", password: "bí mật", code: "" });
    expect([...f.keys()]).toEqual(["minutes"]);
  });

  it("takes the second factor's code out too", () => {
    const f = form([["minutes", "Biên bản"], [SIGN_IN_AGAIN_FIELDS.username, "admin"], [SIGN_IN_AGAIN_FIELDS.password, "bí mật"], [SIGN_IN_AGAIN_FIELDS.code, "123456"]]);
    expect(takeSignInAgainFields(f)).toEqual({ username: "admin", password: "bí mật", code: "123456" });
    expect([...f.keys()]).toEqual(["minutes"]);
  });

  it("is null for a form without them", () => {
    expect(takeSignInAgainFields(form([["minutes", "x"]]))).toBeNull();
  });

  it("carries every text field in order, repeated names kept, and tells of files", () => {
    const f = form([["present", "1"], ["present", "3"], ["minutes", "Họp"], ["attachments", new File(["%PDF"], "a.pdf")], ["attachments", new File([], "")]]);
    expect(carriedFields(f)).toEqual({ fields: [["present", "1"], ["present", "3"], ["minutes", "Họp"]], hadFiles: true });
    expect(carriedFields(form([["a", "b"], ["attachments", new File([], "")]])).hadFiles).toBe(false);
  });
});
