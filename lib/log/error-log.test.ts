import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("error lines", () => {
  it("name the request and the user, and keep personal values in the error's later lines out", async () => {
    // The shared logger is made on first import: point its copy at a file first.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "log-")), "app.log");
    process.env.LOG_FILE = file;
    process.env.NEXT_RUNTIME = "nodejs";
    const { runInRequest } = await import("./context");
    const { onRequestError } = await import("../../instrumentation");
    const { logError } = await import("./logger");
    const error = new Error("Invalid `prisma.cadre.update()` invocation:\n  fullName: \"Trần Thị Bí Mật\"");
    const context = { routerKind: "App Router", routePath: "/(app)/cadres/[id]", routeType: "render", renderSource: "server-rendering", revalidateReason: undefined, renderType: "dynamic" } as const;
    await runInRequest({ requestId: "req-0001", userId: 7 }, () => onRequestError(error, { path: "/cadres/1?q=Trần", method: "GET", headers: {} }, context));
    runInRequest({ requestId: "req-0002" }, () => logError("action", "req-0002", error));

    const lines = fs.readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ type: "error", source: "render", requestId: "req-0001", userId: 7, route: "/(app)/cadres/[id]", errorType: "Error", message: "Invalid `prisma.cadre.update()` invocation:" });
    expect(lines[1]).toMatchObject({ type: "error", source: "action", requestId: "req-0002" });
    expect(lines[1].userId).toBeUndefined();
    expect(fs.readFileSync(file, "utf8")).not.toContain("Bí Mật");
    expect(fs.readFileSync(file, "utf8")).not.toContain("Trần");
  });
});
