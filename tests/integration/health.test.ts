import { describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/health/route";
import { openAdapter } from "@/lib/db/adapter";
import { installDb } from "@/lib/db/client";

describe("GET /api/health", () => {
  it("answers 200 ok while the database answers", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("answers 503 with a generic reason, never the driver's words, when the database cannot be reached", async () => {
    // Nothing listens on port 1.
    installDb(openAdapter({ kind: "postgres", url: "postgres://nobody@127.0.0.1:1/nothing" }));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await GET();
    // …while the operator's log keeps the driver's reason.
    expect(logged.mock.calls.flat().join("\n")).toMatch(/\[health\] database: .*127\.0\.0\.1:1/);
    logged.mockRestore();
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body).toMatchObject({ status: "error", db: "error" });
    // The driver's text (addresses, ports, user names, database names) goes to the server log only.
    expect(body.reason).toBe("database unavailable");
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|nobody|nothing|:1\b/);
  });
});
