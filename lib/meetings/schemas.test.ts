import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { meetingSchema } from "./schemas";

const form = (over: Record<string, string>) => ({
  idempotencyKey: randomUUID(),
  kind: "TEAM_MONTHLY",
  target: "org:12",
  heldOn: "2026-11-20",
  "raised.0.content": "Đường liên thôn xuống cấp, đề nghị sửa chữa.",
  ...over,
});

const messagesAt = async (input: unknown, path: string) =>
  ((await meetingSchema.safeParseAsync(input)).error?.issues ?? []).filter((i) => i.path.join(".") === path).map((i) => i.message);

// Issue 12, finding 7: an id past PostgreSQL's integer reached the database and answered 500.
describe("a raised petition's field and village", () => {
  it("refuse ids past 2^31 as unchosen, like any other bad id", async () => {
    expect(await messagesAt(form({ "raised.0.fieldId": "99999999999", "raised.0.unitId": "7" }), "raised.0.fieldId")).toEqual(["Vui lòng chọn lĩnh vực."]);
    expect(await messagesAt(form({ "raised.0.fieldId": "3", "raised.0.unitId": "2147483648" }), "raised.0.unitId")).toEqual([
      "Vui lòng chọn thôn, tổ dân phố nơi phát sinh vụ việc.",
    ]);
    expect(await messagesAt(form({ "raised.0.fieldId": "3", "raised.0.unitId": "7" }), "raised.0.fieldId")).toEqual([]);
  });
});
