import { describe, expect, it, vi } from "vitest";
import type { Actor } from "../auth/actor";
import { PRESETS, type Preset } from "../auth/roles";
import { createVillageSchema } from "../units/schemas";
import { ActionError, buildAction, formDataToObject, parseInput, type ActionDeps } from "./result";
import { actionErrorMessage } from "./messages";

const actor = (preset: Preset = "DISTRICT_STAFF"): Actor => ({
  userId: 1,
  username: "huyen",
  displayName: "Cán bộ",
  duties: [...PRESETS[preset]],
  mustChangePassword: false,
  unit: { id: 3, level: "DISTRICT", typeLabel: "Huyện", name: "Lập Thạch", code: "246", ancestorIds: [1, 2, 3] },
});

function form(entries: [string, string][]): FormData {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

function deps(overrides: Partial<ActionDeps> = {}): ActionDeps {
  return { getActor: async () => actor(), revalidatePath: vi.fn(), newRequestId: () => "req-1", logError: vi.fn(), ...overrides };
}

const valid = (): [string, string][] => [
  ["communeId", "12"],
  ["typeLabel", "Thôn"],
  ["name", "  Đình  "],
  ["withTeam", "on"],
];

describe("formDataToObject", () => {
  it("gives single values as strings, repeated names as arrays, and drops Next.js fields", () => {
    const fd = form([["a", "1"], ["b", "x"], ["b", "y"], ["$ACTION_ID_abc", ""]]);
    expect(formDataToObject(fd)).toEqual({ a: "1", b: ["x", "y"] });
  });

  // Issue 12, finding 7: a NUL byte reached PostgreSQL's text and answered 500.
  it("removes NUL and other control characters from every text value and name", () => {
    const fd = form([["name\u0000", "Thôn\u0000 Đình\u0007"], ["note", "dòng 1\r\ndòng 2\t."], ["b", "x\u0000"], ["b", "y"]]);
    expect(formDataToObject(fd)).toEqual({ name: "Thôn Đình", note: "dòng 1\r\ndòng 2\t.", b: ["x", "y"] });
  });
});

describe("parseInput with the village schema", () => {
  it("coerces ids, trims and NFC-normalises the name, reads the checkbox", async () => {
    expect(await parseInput(createVillageSchema, formDataToObject(form(valid())))).toEqual({
      ok: true,
      data: { communeId: 12, typeLabel: "Thôn", name: "Đình", withTeam: true },
    });
    const unchecked = await parseInput(createVillageSchema, { communeId: "12", typeLabel: "Bản", name: "Mường".normalize("NFD") });
    expect(unchecked).toEqual({ ok: true, data: { communeId: 12, typeLabel: "Bản", name: "Mường".normalize("NFC"), withTeam: false } });
  });

  it("returns Vietnamese field errors", async () => {
    const result = await parseInput(createVillageSchema, { communeId: "x", typeLabel: "Phường", name: "   " });
    expect(result).toMatchObject({ ok: false, error: "VALIDATION" });
    if (result.ok) throw new Error("unreachable");
    expect(result.fieldErrors?.name).toEqual(["Vui lòng nhập tên."]);
    expect(result.fieldErrors?.typeLabel).toEqual(["Vui lòng chọn loại đơn vị."]);
    expect(result.fieldErrors?.communeId).toEqual(["Mã không hợp lệ."]);
    const long = await parseInput(createVillageSchema, { communeId: "1", typeLabel: "Thôn", name: "a".repeat(101) });
    expect(long).toMatchObject({ ok: false, fieldErrors: { name: ["Tên không được dài quá 100 ký tự."] } });
  });
});

describe("buildAction", () => {
  const definition = (run = vi.fn(async () => ({ id: 7 }))) => ({
    schema: createVillageSchema,
    permission: "village:manage:subtree" as const,
    run,
    revalidate: ({ data }: { data: { id: number } }) => [`/units/${data.id}`],
  });

  it("runs with the parsed input and the session's actor, then revalidates", async () => {
    const run = vi.fn(async () => ({ id: 7 }));
    const d = deps();
    const result = await buildAction(definition(run), d)(null, form(valid()));
    expect(result).toEqual({ ok: true, data: { id: 7 } });
    expect(run).toHaveBeenCalledWith({ input: { communeId: 12, typeLabel: "Thôn", name: "Đình", withTeam: true }, actor: actor() });
    expect(d.revalidatePath).toHaveBeenCalledWith("/units/7");
  });

  it("stops at validation when signed in, before running anything", async () => {
    const run = vi.fn(async () => ({ id: 7 }));
    const result = await buildAction(definition(run), deps())(null, form([["communeId", "12"]]));
    expect(result).toMatchObject({ ok: false, error: "VALIDATION" });
    expect(run).not.toHaveBeenCalled();
  });

  it("checks the session before reading the input: a signed-out sender learns nothing from the schema", async () => {
    const result = await buildAction(definition(), deps({ getActor: async () => null }))(null, form([["communeId", "x"]]));
    expect(result).toEqual({ ok: false, error: "UNAUTHENTICATED", values: { communeId: "x" } });
  });

  it("answers UNAUTHENTICATED without a session and NOT_FOUND without the permission", async () => {
    const run = vi.fn(async () => ({ id: 7 }));
    expect(await buildAction(definition(run), deps({ getActor: async () => null }))(null, form(valid()))).toEqual({
      ok: false,
      error: "UNAUTHENTICATED",
      values: { communeId: "12", typeLabel: "Thôn", name: "  Đình  ", withTeam: "on" },
    });
    expect(await buildAction(definition(run), deps({ getActor: async () => actor("VIEWER") }))(null, form(valid()))).toMatchObject({ ok: false, error: "NOT_FOUND" });
    expect(run).not.toHaveBeenCalled();
  });

  it("answers UNAUTHENTICATED while the user must change their password, unless the action allows it", async () => {
    const pending = { ...actor("ADMIN"), mustChangePassword: true };
    const run = vi.fn(async () => ({ id: 7 }));
    expect(await buildAction(definition(run), deps({ getActor: async () => pending }))(null, form(valid()))).toMatchObject({ ok: false, error: "UNAUTHENTICATED" });
    expect(run).not.toHaveBeenCalled();
    const allowed = buildAction({ ...definition(run), allowWhilePasswordChangeRequired: true }, deps({ getActor: async () => pending }));
    expect(await allowed(null, form(valid()))).toEqual({ ok: true, data: { id: 7 } });
  });

  it("answers UNAUTHENTICATED while the user's role requires a second factor they have not set up, unless the action is its enrolment", async () => {
    const pending = { ...actor("ADMIN"), mustEnrolTwoFactor: true };
    const run = vi.fn(async () => ({ id: 7 }));
    expect(await buildAction(definition(run), deps({ getActor: async () => pending }))(null, form(valid()))).toMatchObject({ ok: false, error: "UNAUTHENTICATED" });
    expect(run).not.toHaveBeenCalled();
    // allowed while a password change is due is not allowed here
    expect(await buildAction({ ...definition(run), allowWhilePasswordChangeRequired: true }, deps({ getActor: async () => pending }))(null, form(valid()))).toMatchObject({ ok: false, error: "UNAUTHENTICATED" });
    const allowed = buildAction({ ...definition(run), allowWhileTwoFactorEnrolmentRequired: true }, deps({ getActor: async () => pending }));
    expect(await allowed(null, form(valid()))).toEqual({ ok: true, data: { id: 7 } });
  });

  it("maps ActionError to its code and anything else to INTERNAL with a logged request id", async () => {
    const d = deps();
    const conflict = buildAction(definition(vi.fn(async () => Promise.reject(new ActionError("CONFLICT")))), d);
    expect(await conflict(null, form(valid()))).toMatchObject({ ok: false, error: "CONFLICT", values: { name: "  Đình  " } });
    expect(d.revalidatePath).not.toHaveBeenCalled();
    const boom = new Error("database exploded");
    const failing = buildAction(definition(vi.fn(async () => Promise.reject(boom))), d);
    const result = await failing(null, form(valid()));
    expect(result).toMatchObject({ ok: false, error: "INTERNAL", requestId: "req-1" });
    expect(d.logError).toHaveBeenCalledWith("req-1", boom);
  });
});

describe("actionErrorMessage", () => {
  it("gives the key and the request id for INTERNAL", () => {
    expect(actionErrorMessage({ ok: false, error: "CONFLICT" })).toEqual({ key: "CONFLICT" });
    expect(actionErrorMessage({ ok: false, error: "INTERNAL", requestId: "abc" })).toEqual({ key: "INTERNAL", values: { id: "abc" } });
  });
});
