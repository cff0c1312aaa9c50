import { describe, expect, it } from "vitest";
import en from "../i18n/messages/en.json";
import vi from "../i18n/messages/vi.json";
import { actionLabelKey, AUDIT_ACTIONS, AUDIT_ENTITIES, recordHref } from "./actions";
import { auditDetails, auditFiltersToParams } from "./present";

describe("the audit page's vocabulary", () => {
  it("has a Vietnamese and an English label for every action and record kind", () => {
    for (const messages of [vi, en]) {
      const actions = messages.audit.actions as Record<string, string>;
      const entities = messages.audit.entities as Record<string, string>;
      for (const a of AUDIT_ACTIONS) expect(actions[actionLabelKey(a)], a).toBeTruthy();
      for (const e of AUDIT_ENTITIES) expect(entities[e], e).toBeTruthy();
    }
  });

  it("links records that have a page, and only plain ids", () => {
    expect(recordHref("Petition", "12")).toBe("/petitions/12");
    expect(recordHref("User", "3")).toBe("/admin/users/3");
    expect(recordHref("CalendarDay", "2026-04-30")).toBeNull();
    expect(recordHref("Petition", "../x")).toBeNull();
    expect(recordHref(null, "1")).toBeNull();
  });
});

describe("auditDetails", () => {
  it("shows a personal-data read as its records and where it happened", () => {
    expect(auditDetails({ action: "petition.personal-data.read", data: { ids: [3, 4], via: "list" } })).toEqual({ kind: "read", ids: [3, 4], via: "list" });
    expect(auditDetails({ action: "cadre.personal-data.read", data: { cadreIds: [9] } })).toEqual({ kind: "read", ids: [9], via: null });
    expect(auditDetails({ action: "petition.personal-data.read", data: null })).toEqual({ kind: "data", text: "" });
  });

  it("cuts long data short", () => {
    const out = auditDetails({ action: "petition.export", data: { filters: "x".repeat(500) } });
    expect(out.kind === "data" && out.text.length).toBe(160);
    expect(auditDetails({ action: "petition.edit", data: { changed: ["content"] } })).toEqual({ kind: "data", text: '{"changed":["content"]}' });
  });
});

describe("auditFiltersToParams", () => {
  it("leaves empty filters out", () => {
    expect(auditFiltersToParams({ user: "a", action: "", from: "2026-03-01" }).toString()).toBe("user=a&from=2026-03-01");
  });
});
