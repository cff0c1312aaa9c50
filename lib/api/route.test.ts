import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ActionError } from "../actions/result";
import type { Actor } from "../auth/actor";
import { InvalidCursorError, pageParams } from "./cursor";
import { buildApiRoute, type ApiDeps, type ApiRouteDefinition } from "./route";

const actor: Actor = {
  userId: 7,
  username: "huyen.lapthach",
  displayName: "Trần Văn Thắng",
  duties: ["PETITIONS", "ORGANISATION", "READING"],
  mustChangePassword: false,
  unit: { id: 3, level: "DISTRICT", typeLabel: "Huyện", name: "Lập Thạch", code: "246", ancestorIds: [1, 2, 3] },
};

function harness<Q extends z.ZodType, T>(definition: ApiRouteDefinition<Q, { code: string }, T>, who: Actor | null = actor) {
  const logged: { requestId: string; error: unknown }[] = [];
  const deps: ApiDeps = {
    authenticate: async () => who,
    newRequestId: () => "req-1",
    logError: (requestId, error) => logged.push({ requestId, error }),
  };
  const route = buildApiRoute(definition, deps);
  const call = (query = "") => route(new Request(`http://localhost/api/v1/things/246${query}`), { params: Promise.resolve({ code: "246" }) });
  return { call, logged };
}

describe("buildApiRoute", () => {
  it("answers the handler's body as JSON, with the parsed query and the route's params", async () => {
    const { call } = harness({
      permission: "organisation:read:subtree",
      query: z.object(pageParams),
      handle: async ({ actor: a, query, params }) => ({ user: a.username, limit: query.limit, code: params.code }),
    });
    const res = await call("?limit=5");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ user: "huyen.lapthach", limit: 5, code: "246" });
  });

  it("401 without an actor, and for a user who must change their password", async () => {
    const handle = async () => ({ ok: true });
    const res = await harness({ permission: null, handle }, null).call();
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await res.json()).toMatchObject({ error: "unauthenticated" });

    const reset = await harness({ permission: null, handle }, { ...actor, mustChangePassword: true }).call();
    expect(reset.status).toBe(401);
    expect(await reset.json()).toMatchObject({ error: "password_change_required" });
  });

  it("a missing permission is a 404, like a record out of scope", async () => {
    const res = await harness({ permission: "admin:access", handle: async () => ({ secret: 1 }) }).call();
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "not_found", message: "Không tìm thấy." });
  });

  it("a bad query parameter is a 400 with its message, before the handler runs", async () => {
    let ran = false;
    const { call } = harness({
      permission: null,
      query: z.object(pageParams),
      handle: async () => {
        ran = true;
        return {};
      },
    });
    const res = await call("?limit=500");
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toBe("invalid_request");
    expect(body.fieldErrors.limit[0]).toMatch(/1 đến 200/);
    expect(ran).toBe(false);
  });

  it("null and NOT_FOUND are 404; a bad cursor is 400; another expected error is 409", async () => {
    expect((await harness({ permission: null, handle: async () => null }).call()).status).toBe(404);
    const thrown = await harness({
      permission: null,
      handle: async () => {
        throw new ActionError("NOT_FOUND");
      },
    }).call();
    expect(thrown.status).toBe(404);
    expect(await thrown.json()).toMatchObject({ error: "not_found" });

    const cursor = await harness({
      permission: null,
      handle: async () => {
        throw new InvalidCursorError();
      },
    }).call();
    expect(cursor.status).toBe(400);
    expect((await cursor.json()).fieldErrors.cursor).toHaveLength(1);

    const conflict = await harness({
      permission: null,
      handle: async () => {
        throw new ActionError("CONFLICT");
      },
    }).call();
    expect(conflict.status).toBe(409);
  });

  it("an unexpected error is a 500 with a request id, logged with the error, its details kept out of the answer", async () => {
    const { call, logged } = harness({
      permission: null,
      handle: async () => {
        throw new Error("connection refused to 10.0.0.5");
      },
    });
    const res = await call();
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body).toMatchObject({ error: "internal", requestId: "req-1" });
    expect(JSON.stringify(body)).not.toContain("10.0.0.5");
    expect(logged).toHaveLength(1);
    expect(logged[0].requestId).toBe("req-1");
    expect(String(logged[0].error)).toContain("10.0.0.5");
  });

  it("a failing authentication is a 500 too, not a crash", async () => {
    const route = buildApiRoute(
      { permission: null, handle: async () => ({}) },
      {
        authenticate: async () => {
          throw new Error("db down");
        },
        newRequestId: () => "req-2",
        logError: () => {},
      },
    );
    const res = await route(new Request("http://localhost/api/v1/x"), { params: Promise.resolve({}) });
    expect(res.status).toBe(500);
    expect((await res.json()).requestId).toBe("req-2");
  });
});
