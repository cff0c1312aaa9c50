import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { openAdapter } from "@/lib/db/adapter";
import { installDb } from "@/lib/db/client";

describe("GET /api/health", () => {
  it("answers 200 ok while the database answers", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("answers 503 with a reason when the database cannot be reached", async () => {
    // Nothing listens on port 1.
    installDb(openAdapter({ kind: "postgres", url: "postgres://nobody@127.0.0.1:1/nothing" }));
    const res = await GET();
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body).toMatchObject({ status: "error", db: "error" });
    expect(body.reason).toEqual(expect.any(String));
    expect(body.reason.length).toBeGreaterThan(0);
  });
});
