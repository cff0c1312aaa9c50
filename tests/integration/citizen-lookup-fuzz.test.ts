/**
 * The public lookup's two endpoints (decision 058) fed what anyone on the internet can send: odd and huge
 * fields, repeated fields, NUL bytes, real codes and digits beside junk, bodies that are no form, forged
 * cookies, odd client addresses. Never a 500 or a throw: a redirect to the page (303), another site's form
 * refused (403), or the rate limit (429). No session is involved: nothing is stood in for.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { lookupCookieName, lookupCookieValue } from "@/lib/lookup/cookie";
import { lookupFromForm, rateFromForm } from "@/lib/lookup/routes";
import { fieldValue, paramsFor } from "../support/arbitraries";
import { buildTree, createField, createPetition, createUser } from "../support/factories";

const real: string[] = [];
let petitionId = 0;

beforeAll(async () => {
  const tree = await buildTree();
  const user = await createUser(tree.districtA, "DISTRICT_STAFF");
  const petition = await createPetition(tree.villageA1, user.id, (await createField()).id);
  await db.petition.update({ where: { id: petition.id }, data: { petitionerPhone: "0912345678", status: "CLOSED", replyText: "Đã trả lời." } });
  petitionId = petition.id;
  real.push(petition.code, "5678", "SATISFIED", "1", "0000 5678");
});

const contentTypes = ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain", "application/json", "", "multipart/form-data"];
const addresses = fc.oneof(fc.ipV4(), fc.ipV6(), fc.constantFrom("", "unknown", "not an address", "1.2.3.4, 5.6.7.8", "[::1]:443", "\u0000"));

function formBody(params: Record<string, string | string[] | undefined>): string {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) body.append(k, one);
  return body.toString();
}

const request = fc.record({
  params: fc.tuple(paramsFor(["ma", "so", "muc", "dong"]), fc.subarray(["ma", "so", "muc"]), fc.nat()).map(([params, pick, n]) => {
    for (const k of pick) params[k] = real[n % real.length];
    return params;
  }),
  raw: fc.option(fc.string({ unit: "binary", maxLength: 300 }), { freq: 4 }),
  type: fc.constantFrom(...contentTypes),
  address: addresses,
  cookie: fc.oneof(fc.constant(undefined), fieldValue.map((v) => (Array.isArray(v) ? v.join(";") : v)), fc.constant("valid")),
  origin: fc.constantFrom(undefined, "http://localhost", "https://evil.example", "null", "not a url"),
});

describe("the lookup's endpoints take junk without a 500", () => {
  for (const [name, handler] of [
    ["POST /tra-cuu/xem", lookupFromForm],
    ["POST /tra-cuu/danh-gia", rateFromForm],
  ] as const) {
    it(name, { timeout: 180_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(request, async ({ params, raw, type, address, cookie, origin }) => {
          const headers: Record<string, string> = { host: "localhost" };
          if (type) headers["content-type"] = type;
          if (origin) headers.origin = origin;
          const forwarded = address.replace(/[\r\n]/g, "");
          if (forwarded && !forwarded.includes("\u0000")) headers["x-forwarded-for"] = forwarded;
          const value = cookie === "valid" ? lookupCookieValue(petitionId) : cookie;
          if (value !== undefined && /^[\x20-\x7e]*$/.test(value)) headers.cookie = `${lookupCookieName()}=${value}`;
          const response = await handler(new Request(`http://localhost${name.slice(5)}`, { method: "POST", headers, body: raw ?? formBody(params) }));
          expect([303, 403, 429], JSON.stringify({ params, raw, type, status: response.status })).toContain(response.status);
          if (response.status === 303) expect(response.headers.get("location")).toMatch(/^\/tra-cuu(\?|$)/);
        }),
        { numRuns: 150 },
      );
    });
  }
});
