import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { presentCountText } from "./attendance-count";
import { MEETING_FIELDS, meetingFieldNames } from "./fields";
import { meetingEditSchema, meetingSchema } from "./schemas";

/** Decision 082: one list of a meeting's fields, which both forms draw and both schemas read. */
const logged = (over: Record<string, string> = {}) => ({
  idempotencyKey: randomUUID(),
  kind: "FIELD_VISIT",
  target: "unit:12",
  heldOn: "2026-11-20",
  place: "Thôn Đình",
  chair: "Nguyễn Văn A",
  ...over,
});
const corrected = (over: Record<string, string> = {}) => ({ meetingId: "5", version: "1", heldOn: "2026-11-20", place: "Thôn Đình", chair: "Nguyễn Văn A", ...over });

/** Each path's first message. */
const issuesOf = async (schema: typeof meetingSchema | typeof meetingEditSchema, input: unknown) =>
  Object.fromEntries(((await schema.safeParseAsync(input)).error?.issues ?? []).reverse().map((i) => [i.path.join("."), i.message]));

describe("the meeting's fields", () => {
  it("a field visit adds its follow-up to what every meeting records", () => {
    expect(meetingFieldNames("TEAM_MONTHLY")).toEqual(["heldOn", "place", "chair", "guests", "agenda", "minutes"]);
    expect(meetingFieldNames("FIELD_VISIT")).toEqual(["heldOn", "place", "chair", "guests", "agenda", "minutes", "followUp", "followUpDueOn"]);
  });

  it("logging and correcting refuse the same missing fields with the list's messages", async () => {
    for (const field of MEETING_FIELDS.filter((f) => f.required)) {
      expect(await issuesOf(meetingSchema, logged({ [field.name]: "" })), field.name).toMatchObject({ [field.name]: field.required });
      expect(await issuesOf(meetingEditSchema, corrected({ [field.name]: "" })), field.name).toMatchObject({ [field.name]: field.required });
    }
  });

  it("logging and correcting refuse the same text past the list's length, and take it at the length", async () => {
    for (const field of MEETING_FIELDS.filter((f) => f.maxLength)) {
      const at = "x".repeat(field.maxLength!);
      const past = at + "x";
      expect(await issuesOf(meetingSchema, logged({ [field.name]: past })), field.name).toHaveProperty([field.name]);
      expect(await issuesOf(meetingEditSchema, corrected({ [field.name]: past })), field.name).toHaveProperty([field.name]);
      expect(await issuesOf(meetingSchema, logged({ [field.name]: at })), field.name).not.toHaveProperty([field.name]);
      expect(await issuesOf(meetingEditSchema, corrected({ [field.name]: at })), field.name).not.toHaveProperty([field.name]);
    }
  });

  it("both keep every field of the list they were given", async () => {
    const values = { guests: "Ông B", agenda: "Thu hoạch", minutes: "Đã họp", followUp: "Sửa đường", followUpDueOn: "2026-12-01" };
    const a = await meetingSchema.parseAsync(logged(values));
    const b = await meetingEditSchema.parseAsync(corrected(values));
    for (const name of meetingFieldNames("FIELD_VISIT")) {
      expect(a[name], name).toEqual(b[name]);
      expect(a[name], name).toBeDefined();
    }
  });
});

describe("the attendance count", () => {
  it("counts those present into the message, as the server and the forms' scripts do", () => {
    expect(presentCountText("Có mặt: {present}/4", ["PRESENT", "ABSENT", "PRESENT", "EXCUSED"])).toBe("Có mặt: 2/4");
    expect(presentCountText("Có mặt: {present}/2", ["", ""])).toBe("Có mặt: 0/2");
  });

  it("can travel as text: the meeting form's inline script gets it so, with nothing around it", () => {
    const copy = new Function(`return (${presentCountText.toString()})`)() as typeof presentCountText;
    expect(copy("Present: {present}/3", ["PRESENT", "PRESENT", "ABSENT"])).toBe("Present: 2/3");
  });
});
