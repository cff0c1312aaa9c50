import { describe, expect, it } from "vitest";
import { smsRequest, vietnamMobile, znsRequest } from "./phone";

describe("vietnamMobile", () => {
  it("takes a Vietnamese mobile number as written and gives it as the providers take it", () => {
    for (const raw of ["0912345678", "0912 345 678", "091.234.5678", "+84912345678", "84912345678", "(091) 234-5678"]) expect(vietnamMobile(raw), raw).toBe("84912345678");
    expect(vietnamMobile("0387654321")).toBe("84387654321");
  });

  it("refuses what is not one: a landline, too short or long, letters", () => {
    for (const raw of ["02113862000", "091234567", "09123456789", "09123abc78", "", "+1 415 555 0100"]) expect(vietnamMobile(raw), raw).toBeNull();
  });
});

describe("the providers' requests", () => {
  const message = { id: 42, title: "Kiến nghị 246-2026-00012 đã quá hạn", body: "Kiến nghị 246-2026-00012 (lĩnh vực Đất đai) đã quá hạn 3 ngày làm việc.", link: "/petitions/7" };

  it("ZNS: the template's parameters as JSON, the token in the access_token header, a tracking id", () => {
    const r = znsRequest(message, "84912345678", { url: "https://zns.test/message/template", accessToken: "tok", templateId: "250001" }, "https://danvan.test");
    expect(r).toMatchObject({ url: "https://zns.test/message/template", method: "POST", headers: { "content-type": "application/json", access_token: "tok" } });
    expect(JSON.parse(r.body)).toEqual({
      phone: "84912345678",
      template_id: "250001",
      template_data: { title: message.title, content: message.body, link: "https://danvan.test/petitions/7" },
      tracking_id: "dv-42",
    });
  });

  it("SMS: a Unicode customer-care message under the brandname, its request id stopping a double send", () => {
    const r = smsRequest(message, "84912345678", { url: "https://sms.test/send", apiKey: "k", secretKey: "s", brandname: "DANVAN" }, "https://danvan.test");
    expect(JSON.parse(r.body)).toEqual({
      ApiKey: "k",
      SecretKey: "s",
      Phone: "84912345678",
      Content: `${message.title}. https://danvan.test/petitions/7`,
      Brandname: "DANVAN",
      SmsType: "2",
      IsUnicode: "1",
      RequestId: "dv-42",
    });
  });
});
