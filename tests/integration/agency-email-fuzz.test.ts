/**
 * The agency's e-mail action (decision 075) fed what an attacker sends: odd strings, NUL bytes, huge ids,
 * header injections, repeated fields, another district's agency; also real ids and real addresses beside
 * junk, so that some reach the mutation. Never a 500 (INTERNAL) or a throw: a field error or NOT_FOUND; and
 * another district's agency is never changed.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { setAgencyEmailAction } from "@/lib/petitions/reference/actions";
import { paramsFor } from "../support/arbitraries";
import { actorAt, buildTree, createUser, uid } from "../support/factories";

let actor: Actor | null = null;
vi.mock("@/lib/auth/current", async (importOriginal) => ({ ...(await importOriginal<object>()), getActor: async () => actor }));
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), revalidatePath: () => {}, revalidateTag: () => {} }));

const real: string[] = [];
let strangerId = 0;

beforeAll(async () => {
  const tree = await buildTree();
  actor = actorAt(tree.districtA, "DISTRICT_STAFF", (await createUser(tree.districtA)).id);
  const own = await db.agency.create({ data: { name: `Phòng ${uid()}`, unitId: tree.districtA.id } });
  const stranger = await db.agency.create({ data: { name: `Phòng ${uid()}`, unitId: tree.districtB.id, email: "giu.nguyen@khac.gov.vn" } });
  strangerId = stranger.id;
  real.push(String(own.id), String(stranger.id));
});

type Action = (prev: null, form: FormData) => Promise<{ ok: boolean; error?: string }>;

describe("the agency's e-mail action takes junk without a 500", () => {
  it("setAgencyEmailAction", { timeout: 180_000 }, async () => {
    const keys = ["id", "email"];
    const fillers = ["phong@lapthach.gov.vn", "A@B.VN", "", " ", "a@b.vn\r\nBcc: x@y.vn", "x".repeat(300) + "@b.vn", "\u0000@b.vn"];
    const withReal = fc.tuple(paramsFor(keys), fc.subarray(keys), fc.constantFrom(...fillers), fc.nat()).map(([params, pick, filler, n]) => {
      for (const k of pick) params[k] = k === "id" ? real[n % real.length] : filler;
      return params;
    });
    await fc.assert(
      fc.asyncProperty(withReal, async (params) => {
        const form = new FormData();
        for (const [k, v] of Object.entries(params)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) form.append(k, one);
        const result = await (setAgencyEmailAction as unknown as Action)(null, form);
        expect(result.ok || ["VALIDATION", "NOT_FOUND"].includes(result.error!), JSON.stringify({ params, result })).toBe(true);
      }),
      { numRuns: 120 },
    );
    expect((await db.agency.findUniqueOrThrow({ where: { id: strangerId } })).email).toBe("giu.nguyen@khac.gov.vn");
  });
});
