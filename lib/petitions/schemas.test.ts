import { describe, expect, it } from "vitest";
import { addDaysUtc, isoDay, todayInVietnam } from "../time";
import { editSchema } from "./schemas";

const form = (receivedOn: string) => ({
  petitionId: "7",
  version: "0",
  receivedOn,
  channel: "RECEPTION",
  petitionerKind: "ANONYMOUS",
  fieldId: "3",
  content: "Đường liên thôn xuống cấp, đề nghị sửa chữa.",
});

// Issue 12, finding 7: intake accepted a receipt date in year 0001.
describe("the receipt date", () => {
  it("lies between 01/01/1945 and tomorrow", async () => {
    const today = todayInVietnam();
    expect((await editSchema.safeParseAsync(form("1945-01-01"))).success).toBe(true);
    expect((await editSchema.safeParseAsync(form(isoDay(addDaysUtc(today, 1))))).success).toBe(true);
    for (const day of ["0001-01-01", "1944-12-31", isoDay(addDaysUtc(today, 2))]) {
      const parsed = await editSchema.safeParseAsync(form(day));
      expect(parsed.success, day).toBe(false);
      expect(parsed.error?.issues[0]).toMatchObject({ path: ["receivedOn"], message: expect.stringMatching(/^Ngày phải từ 01\/01\/1945 đến \d{2}\/\d{2}\/\d{4}\.$/) });
    }
  });
});
