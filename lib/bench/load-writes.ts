/**
 * The writes of `npm run bench -- load`, each sent the way a browser sends it (decision 030):
 * - intake and the workflow steps are server actions (useActionState forms): a browser with
 *   JavaScript posts the form to the page's address with a `Next-Action` header naming the
 *   action and the arguments encoded as React's `encodeReply` encodes `(previousState,
 *   formData)`; the action's id comes from the build (`.next/server/server-reference-manifest.json`);
 * - the meeting is the plain multipart form of /meetings/new (the Pages Router, decision 019),
 *   whose fields are read from the form the server renders, as a browser submits it.
 * Each answer is judged by what the user would see: the redirect to the new petition or meeting,
 * or the action's `{ ok: true }`; an `ok:false` is an error with its code.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { LoadAnswer, LoadJob, LoadRequest, Verdict } from "./load-client";

// ─── Server actions, as the browser's React sends them ───────────────────────────────────────

/** "file#export" → the action's id, from the build's server reference manifest. */
export function actionIds(manifest: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const node = (manifest as { node?: Record<string, { exportedName?: string; filename?: string }> })?.node ?? {};
  for (const [id, entry] of Object.entries(node)) {
    if (entry.filename && entry.exportedName) out.set(`${entry.filename}#${entry.exportedName}`, id);
  }
  return out;
}

export function readActionIds(root: string): Map<string, string> {
  const file = path.join(root, ".next/server/server-reference-manifest.json");
  return actionIds(JSON.parse(fs.readFileSync(file, "utf8")));
}

/** A form field as a browser sends it: text, or an empty file input (no file chosen). */
export type FieldValue = string | { emptyFile: true };
export type Fields = [string, FieldValue][];

/**
 * The body of a server action called as `action(previousState, formData)` from a form, as
 * React's `encodeReply` makes it (checked against it in the unit test): the form's fields
 * under the prefix of reference 1, and the argument list as field "0".
 */
export function encodeActionArgs(fields: Fields, previousState: unknown = null): Fields {
  return [...fields.map(([name, value]): [string, FieldValue] => [`_1_${name}`, value]), ["0", JSON.stringify([previousState, "$K1"])]];
}

const quoted = (name: string) => name.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");

/**
 * multipart/form-data as a browser writes it. An empty file input is a part with `filename=""`
 * and no bytes, as Chromium and Firefox send it (the FormData encoder of Node's fetch drops the
 * empty file name, and the server then reads a text field instead of a file).
 */
export function multipart(fields: Fields): { body: Buffer; contentType: string } {
  const boundary = `----DanVanBench${randomUUID().replace(/-/g, "")}`;
  const parts: string[] = [];
  for (const [name, value] of fields) {
    parts.push(
      typeof value === "string"
        ? `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${value.replace(/\r?\n/g, "\r\n")}\r\n`
        : `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n`,
    );
  }
  parts.push(`--${boundary}--\r\n`);
  return { body: Buffer.from(parts.join(""), "utf8"), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface ActionOutcome {
  ok: boolean;
  error?: string;
  data?: Record<string, unknown>;
}

/** The action's result in a flight answer: the row `{"ok":…}` that the root row points at. */
export function actionOutcome(body: string): ActionOutcome | null {
  const match = /^[0-9a-f]+:(\{"ok":(?:true|false).*)$/m.exec(body);
  if (!match) return null;
  try {
    return JSON.parse(match[1]) as ActionOutcome;
  } catch {
    return null;
  }
}

// ─── Plain forms, read from the page as a browser reads them ─────────────────────────────────

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === "#") return String.fromCodePoint(code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10));
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    out.set(m[1].toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ""));
  }
  return out;
}

/**
 * The fields a browser would submit from the first form whose `action` starts with
 * `actionPrefix`, untouched: text inputs, hidden inputs and textareas with their values,
 * checked boxes and radios, each select's selected option (or its first), file inputs empty;
 * disabled fields and buttons without a name left out. Null when there is no such form.
 */
export function formFields(html: string, actionPrefix: string): Fields | null {
  let form: string | undefined;
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    if ((attributes(m[1]).get("action") ?? "").startsWith(actionPrefix)) {
      form = m[2];
      break;
    }
  }
  if (form === undefined) return null;
  // A <template>'s content is inert: a browser submits none of its fields.
  form = form.replace(/<template\b[\s\S]*?<\/template>/gi, "");
  const fields: Fields = [];
  const tokens = /<(input|button)\b([^>]*)>|<(textarea)\b([^>]*)>([\s\S]*?)<\/textarea>|<(select)\b([^>]*)>([\s\S]*?)<\/select>/gi;
  for (const m of form.matchAll(tokens)) {
    const tag = (m[1] ?? m[3] ?? m[6]).toLowerCase();
    const attrs = attributes(m[2] ?? m[4] ?? m[7]);
    const name = attrs.get("name");
    if (!name || attrs.has("disabled")) continue;
    if (tag === "textarea") {
      fields.push([name, decodeEntities(m[5].replace(/^\r?\n/, ""))]);
    } else if (tag === "select") {
      const options = [...m[8].matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/gi)].map((o) => ({ attrs: attributes(o[1]), text: decodeEntities(o[2]).trim() }));
      const chosen = options.find((o) => o.attrs.has("selected")) ?? options[0];
      if (chosen) fields.push([name, chosen.attrs.get("value") ?? chosen.text]);
    } else if (tag === "input") {
      const type = (attrs.get("type") ?? "text").toLowerCase();
      if (type === "checkbox" || type === "radio") {
        if (attrs.has("checked")) fields.push([name, attrs.get("value") ?? "on"]);
      } else if (type === "file") fields.push([name, { emptyFile: true }]);
      else if (!["submit", "button", "reset", "image"].includes(type)) fields.push([name, attrs.get("value") ?? ""]);
    }
    // A named submit button sends its value only when it is the one clicked: none is named here.
  }
  return fields;
}

/** Replaces (or adds) a field's value. */
export function withField(fields: Fields, name: string, value: string): Fields {
  const out = fields.filter(([n]) => n !== name);
  out.push([name, value]);
  return out;
}

// ─── The write jobs ───────────────────────────────────────────────────────────────────────────

interface Session {
  base: string;
  cookie: string;
}

function actionRequest(session: Session, page: string, actionId: string, body: { body: Buffer; contentType: string }): LoadRequest {
  return {
    method: "POST",
    path: page,
    headers: {
      cookie: session.cookie,
      origin: session.base,
      accept: "text/x-component",
      "next-action": actionId,
      "content-type": body.contentType,
      "accept-encoding": "gzip, deflate, br",
    },
    body: body.body,
  };
}

function outcomeVerdict(answer: LoadAnswer): Verdict {
  if (answer.status !== 200) return String(answer.status);
  const outcome = actionOutcome(answer.body.toString("utf8"));
  if (!outcome) return "200 without a result";
  return outcome.ok ? true : `ok:false ${outcome.error ?? "?"}`;
}

const PETITION_TEXTS = [
  "Đường liên thôn xuống cấp, nhiều ổ gà, đề nghị sửa chữa trước mùa mưa",
  "Đề nghị kiểm tra việc xả nước thải của cơ sở chăn nuôi gây ô nhiễm",
  "Hộ dân chưa nhận được tiền hỗ trợ giải phóng mặt bằng, đề nghị xem xét",
  "Đèn chiếu sáng công cộng đoạn qua khu dân cư bị hỏng đã lâu",
  "Đề nghị nạo vét kênh mương nội đồng phục vụ sản xuất vụ Đông Xuân",
];

export interface IntakeOptions extends Session {
  actionId: string;
  villages: readonly number[];
  fieldIds: readonly number[];
  /** YYYY-MM-DD, Vietnam time. */
  today: string;
}

/** Intake through `createPetitionAction`: a new idempotency key each time, as a fresh form has. */
export function intakeJob(o: IntakeOptions): LoadJob {
  let n = 0;
  return {
    next() {
      const i = n++;
      const fields: Fields = [
        ["idempotencyKey", randomUUID()],
        ["receivedOn", o.today],
        ["channel", "RECEPTION"],
        ["petitionerKind", "PERSON"],
        ["petitionerName", "Nguyễn Văn Thử"],
        ["petitionerPhone", "0912345678"],
        ["petitionerAddress", "Thôn Đông"],
        ["unitId", String(o.villages[i % o.villages.length])],
        ["fieldId", String(o.fieldIds[i % o.fieldIds.length])],
        ["content", `${PETITION_TEXTS[i % PETITION_TEXTS.length]} (bench ${i})`],
        ["attachments", { emptyFile: true }],
      ];
      return actionRequest(o, "/petitions/new", o.actionId, multipart(encodeActionArgs(fields)));
    },
    check(answer) {
      const redirect = String(answer.headers["x-action-redirect"] ?? "");
      if (answer.status === 200 && /^\/petitions\/\d+\?created=1/.test(redirect)) return true;
      if (/resubmitted/.test(redirect)) return "resubmitted";
      return outcomeVerdict(answer);
    },
  };
}

export interface OpenPetition {
  id: number;
  status: "RECEIVED" | "ASSIGNED" | "IN_PROGRESS" | "RESOLVED";
  version: number;
}

export interface StepOptions extends Session {
  actionId: string;
  /** Open petitions of the user's reach; each goes forward one step per request until closed. */
  pool: OpenPetition[];
  agencies: readonly number[];
}

/** The next workflow step of a petition, and its form's fields, as the petition page offers them. */
export function stepFields(p: OpenPetition, agencyId: number): Fields {
  const base: Fields = [
    ["petitionId", String(p.id)],
    ["version", String(p.version)],
  ];
  switch (p.status) {
    case "RECEIVED":
      return [...base, ["step", "assign"], ["agencyId", String(agencyId)], ["note", ""]];
    case "ASSIGNED":
      return [...base, ["step", "start"], ["note", ""]];
    case "IN_PROGRESS":
      return [...base, ["step", "resolve"], ["resolution", "SETTLED"], ["note", "Đã kiểm tra thực tế, cơ quan chủ trì đã giải quyết xong"]];
    case "RESOLVED":
      return [...base, ["step", "reply"], ["replyText", "Đã trả lời công dân bằng văn bản"], ["satisfaction", "SATISFIED"]];
  }
}

/**
 * Workflow steps through `petitionStepAction`, posted to the petition's page: each request
 * takes the next petition of the pool and its next step; a petition goes back into the pool
 * with its new status and version until it is closed. A worker stops when the pool is empty.
 */
export function stepJob(o: StepOptions): LoadJob {
  const queue = [...o.pool];
  const inFlight = new WeakMap<LoadRequest, OpenPetition>();
  let n = 0;
  return {
    next() {
      const p = queue.shift();
      if (!p) return null;
      const request = actionRequest(o, `/petitions/${p.id}`, o.actionId, multipart(encodeActionArgs(stepFields(p, o.agencies[n++ % o.agencies.length]))));
      inFlight.set(request, p);
      return request;
    },
    check(answer, request) {
      const verdict = outcomeVerdict(answer);
      const p = inFlight.get(request);
      if (verdict === true && p) {
        const data = actionOutcome(answer.body.toString("utf8"))?.data as { status?: OpenPetition["status"] | "CLOSED"; version?: number } | undefined;
        if (data?.status && data.status !== "CLOSED" && typeof data.version === "number") queue.push({ id: p.id, status: data.status, version: data.version });
      }
      return verdict;
    },
  };
}

export interface MeetingOptions extends Session {
  /** Per team: the address the form posts to and the fields it renders (read once before the run). */
  forms: { action: string; fields: Fields }[];
}

/** Meetings through the plain form POST of /meetings/new: the rendered form, a fresh idempotency key each time. */
export function meetingJob(o: MeetingOptions): LoadJob {
  let n = 0;
  return {
    next() {
      const form = o.forms[n++ % o.forms.length];
      let fields = withField(form.fields, "idempotencyKey", randomUUID());
      // What the secretary types: the chair when the roster named none, and the minutes.
      if (!fields.some(([name, value]) => name === "chair" && value !== "")) fields = withField(fields, "chair", "Nguyễn Văn Chủ Trì");
      fields = withField(fields, "minutes", "Tổ sinh hoạt đầy đủ, thống nhất triển khai nhiệm vụ tháng tới.");
      const body = multipart(fields);
      return { method: "POST", path: form.action, headers: { cookie: o.cookie, origin: o.base, "content-type": body.contentType, "accept-encoding": "gzip, deflate, br" }, body: body.body };
    },
    check(answer) {
      const location = String(answer.headers.location ?? "");
      if (answer.status === 303 && /^\/meetings\/\d+\?created=1/.test(location)) return true;
      if (answer.status === 303) return `303 → ${location.replace(/\d+/g, "n").slice(0, 40)}`;
      // The form again, with the refusal's first message (the page's error texts are red).
      const failure = /class="[^"]*text-red-[^"]*"[^>]*>([^<]{3,60})/.exec(answer.body.toString("utf8").replace(/<p hidden[^>]*>[^<]*<\/p>/g, ""));
      return `${answer.status}${failure ? ` ${failure[1]}` : ""}`;
    },
  };
}
