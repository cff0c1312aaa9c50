import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { actionIds, actionOutcome, encodeActionArgs, formFields, multipart, stepFields, withField, type Fields } from "./load-writes";

/** React's own encoder, the one the browser runs (Next.js ships it compiled). */
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

const entries = (fd: FormData) => [...fd.entries()].map(([k, v]) => [k, typeof v === "string" ? v : `file:${v.name}:${v.size}`]);

describe("encodeActionArgs", () => {
  it("encodes (previousState, formData) exactly as React's encodeReply does", async () => {
    const fields: Fields = [["idempotencyKey", "5d0c…"], ["content", "Đường liên thôn xuống cấp"], ["content", "thứ hai"], ["attachments", { emptyFile: true }]];
    const browser = new FormData();
    browser.append("idempotencyKey", "5d0c…");
    browser.append("content", "Đường liên thôn xuống cấp");
    browser.append("content", "thứ hai");
    browser.append("attachments", new File([], "x.pdf"));
    const react = (await encodeReply([null, browser])) as FormData;
    const ours = encodeActionArgs(fields).map(([k, v]) => [k, typeof v === "string" ? v : "file:x.pdf:0"]);
    expect(ours).toEqual(entries(react));
  });

  it("carries a previous state as React does", async () => {
    const state = { ok: false, error: "VALIDATION" };
    const react = (await encodeReply([state, new FormData()])) as FormData;
    expect(encodeActionArgs([], state)).toEqual(entries(react));
  });
});

describe("multipart", () => {
  it("reads back as the same fields, an empty file input as a file (as a browser sends it)", async () => {
    const { body, contentType } = multipart([["a", "1"], ["note", "dòng một\ndòng hai"], ["attachments", { emptyFile: true }], ['we"ird', "x"]]);
    const fd = await new Request("http://form.local/", { method: "POST", headers: { "content-type": contentType }, body: new Uint8Array(body) }).formData();
    expect(fd.get("a")).toBe("1");
    expect(fd.get("note")).toBe("dòng một\r\ndòng hai");
    const file = fd.get("attachments");
    expect(file).toBeInstanceOf(File);
    expect((file as File).size).toBe(0);
    expect(fd.get('we"ird')).toBe("x");
  });
});

describe("actionOutcome", () => {
  it("finds the action's result row in a flight answer", () => {
    const body = '0:{"a":"$@1","q":"","i":false}\n1:{"ok":true,"data":{"petitionId":7,"status":"IN_PROGRESS","version":2}}\n2:["$","div"]\n';
    expect(actionOutcome(body)).toEqual({ ok: true, data: { petitionId: 7, status: "IN_PROGRESS", version: 2 } });
    expect(actionOutcome('0:{"a":"$@1"}\n1:{"ok":false,"error":"CONFLICT"}\n')).toEqual({ ok: false, error: "CONFLICT" });
  });

  it("answers null when there is none", () => {
    expect(actionOutcome("<!DOCTYPE html><p>ok</p>")).toBeNull();
  });
});

describe("actionIds", () => {
  it("maps file#export to the action id of the build's manifest", () => {
    const manifest = { node: { "60ab": { exportedName: "createPetitionAction", filename: "lib/petitions/actions.ts", workers: {} }, "60cd": { workers: {} } }, edge: {} };
    expect([...actionIds(manifest)]).toEqual([["lib/petitions/actions.ts#createPetitionAction", "60ab"]]);
  });
});

describe("formFields", () => {
  const html = `<html><body>
    <form method="get" action="/search"><input name="q" value="no"/></form>
    <form action="/meetings/new?kind=TEAM_MONTHLY&amp;target=org:5" method="post" encType="multipart/form-data">
      <input type="hidden" name="idempotencyKey" value="k-1"/>
      <input name="place" value="Nhà văn hóa &quot;Đông&quot;"/>
      <input name="chair" value=""/>
      <input type="checkbox" name="carry.1" checked=""/>
      <input type="checkbox" name="carry.2"/>
      <input type="radio" name="attendance.9" value="PRESENT" checked=""/>
      <input type="radio" name="attendance.9" value="ABSENT"/>
      <input name="off" value="x" disabled=""/>
      <select name="fieldId"><option value="">—</option><option value="3" selected="">Đất đai</option></select>
      <select name="first"><option value="a">A</option><option value="b">B</option></select>
      <textarea name="agenda">
Dòng 1 &amp; 2</textarea>
      <template data-row-template=""><input name="raised.__row__.content" value=""/></template>
      <input type="file" name="attachments" multiple=""/>
      <button type="submit">Lưu</button>
    </form></body></html>`;

  it("sends what a browser sends from the form: values, checked boxes, selected options, an empty file", () => {
    expect(formFields(html, "/meetings/new?")).toEqual([
      ["idempotencyKey", "k-1"],
      ["place", 'Nhà văn hóa "Đông"'],
      ["chair", ""],
      ["carry.1", "on"],
      ["attendance.9", "PRESENT"],
      ["fieldId", "3"],
      ["first", "a"],
      ["agenda", "Dòng 1 & 2"],
      ["attachments", { emptyFile: true }],
    ]);
  });

  it("answers null without such a form", () => {
    expect(formFields(html, "/petitions/new")).toBeNull();
  });

  it("replaces a field's value", () => {
    expect(withField([["a", "1"], ["b", "2"]], "a", "3")).toEqual([["b", "2"], ["a", "3"]]);
  });
});

describe("stepFields", () => {
  it("takes the workflow's next step from each open status", () => {
    const step = (status: "RECEIVED" | "ASSIGNED" | "IN_PROGRESS" | "RESOLVED") => Object.fromEntries(stepFields({ id: 4, status, version: 2 }, 9) as [string, string][]);
    expect(step("RECEIVED")).toMatchObject({ petitionId: "4", version: "2", step: "assign", agencyId: "9" });
    expect(step("ASSIGNED")).toMatchObject({ step: "start" });
    expect(step("IN_PROGRESS")).toMatchObject({ step: "resolve", resolution: "SETTLED" });
    expect(step("RESOLVED")).toMatchObject({ step: "reply", satisfaction: "SATISFIED" });
  });
});
