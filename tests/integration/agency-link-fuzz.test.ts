/**
 * The agency's public endpoint (decision 063) fed what anyone on the internet can send: odd and huge fields,
 * repeated fields, NUL bytes, a live token beside junk, files of any bytes, bodies that are no form, odd
 * client addresses. Never a 500 or a throw: a redirect to the agency's page (303), the one 404, another site's
 * form refused (403), too large (413), or the rate limit (429).
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { issueLink } from "@/lib/agency-links/links";
import { answerFromForm } from "@/lib/agency-links/routes";
import { db } from "@/lib/db/client";
import { paramsFor } from "../support/arbitraries";
import { buildTree, createField, createPetition, createUser } from "../support/factories";

const real: string[] = [];

beforeAll(async () => {
  const tree = await buildTree();
  const user = await createUser(tree.districtA, "DISTRICT_STAFF");
  const petition = await createPetition(tree.villageA1, user.id, (await createField()).id);
  const agency = await db.agency.create({ data: { name: "Phòng Kinh tế", unitId: tree.districtA.id } });
  const now = new Date();
  await db.petition.update({ where: { id: petition.id }, data: { agencyId: agency.id, assignedAt: now, status: "ASSIGNED", dueOn: new Date(now.getTime() + 20 * 86_400_000) } });
  const { token } = await issueLink(db, { petitionId: petition.id, agencyId: agency.id, assignedAt: now, dueOn: null, issuedById: user.id }, now);
  real.push(token, "tien-do", "ket-qua", "gia-han", "SETTLED", "EXPLAINED", "5", "31", "Đã làm xong phần việc.");
});

const contentTypes = ["multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "text/plain", "application/json", ""];
const addresses = fc.oneof(fc.ipV4(), fc.ipV6(), fc.constantFrom("", "unknown", "1.2.3.4, 5.6.7.8", "[::1]:443"));
const FIELDS = ["k", "loai", "ket-qua", "so-ngay", "noi-dung"];

const request = fc.record({
  params: fc.tuple(paramsFor(FIELDS), fc.subarray(FIELDS), fc.nat(), fc.boolean()).map(([params, pick, n, live]) => {
    for (const [i, k] of pick.entries()) params[k] = real[(n + i) % real.length];
    // Half the time the live token itself, so that the forms' parsing is reached.
    if (live) params.k = real[0];
    return params;
  }),
  file: fc.option(fc.tuple(fc.uint8Array({ maxLength: 200 }), fc.string({ maxLength: 60 }), fc.boolean()), { freq: 2 }),
  raw: fc.option(fc.string({ unit: "binary", maxLength: 300 }), { freq: 5 }),
  type: fc.constantFrom(...contentTypes),
  address: addresses,
  origin: fc.constantFrom(undefined, "http://localhost", "http://localhost", "https://evil.example", "null"),
});

describe("the agency's endpoint takes junk without a 500", () => {
  it("POST /co-quan/gui", { timeout: 240_000 }, async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(request, async ({ params, file, raw, type, address, origin }) => {
        const headers: Record<string, string> = { host: "localhost" };
        if (origin) headers.origin = origin;
        if (address) headers["x-forwarded-for"] = address;
        let body: BodyInit;
        if (raw !== null || type === "" || type === "text/plain" || type === "application/json") {
          body = raw ?? JSON.stringify(params);
          if (type) headers["content-type"] = type;
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
          const form = new URLSearchParams();
          for (const [k, v] of Object.entries(params)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) form.append(k, one);
          body = form.toString();
          headers["content-type"] = type;
        } else {
          const form = new FormData();
          for (const [k, v] of Object.entries(params)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) form.append(k, one);
          if (file) {
            const [bytes, name, pdf] = file;
            form.append("van-ban", new File([pdf ? Buffer.concat([Buffer.from("%PDF-"), Buffer.from(bytes)]) : Buffer.from(bytes)], name || "x"));
          }
          body = form;
        }
        const response = await answerFromForm(new Request("http://localhost/co-quan/gui", { method: "POST", headers, body }));
        expect([303, 403, 404, 413, 429], JSON.stringify({ params, raw, type, status: response.status })).toContain(response.status);
        seen.add(response.status);
        if (response.status === 303) expect(response.headers.get("location")).toMatch(/^\/co-quan(\?k=dvc_|$)/);
      }),
      {
        numRuns: 150,
        // Each door once whatever the random runs reach (a run of 150 once met no 404): a token of the link's shape that opens nothing.
        examples: [
          [{ params: { k: `${real[0].slice(0, -4)}zzzz`, loai: "tien-do", "noi-dung": "Đã làm xong." }, file: null, raw: null, type: "application/x-www-form-urlencoded", address: "203.0.113.77", origin: "http://localhost" }],
        ],
      },
    );
    // The junk reached the link's checks and the forms' parsing, not only the doors.
    expect([...seen]).toEqual(expect.arrayContaining([303, 403, 404]));
  });
});
