import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { expect, signInAs, test } from "./fixtures";

/**
 * Issue 12, structured logs: the server (started by playwright.config.ts with LOG_FILE, a copy of
 * its standard output) writes one JSON line per request with its id, the user's id, the path,
 * the status and the time, and nothing personal: no query values, no bodies, no usernames.
 */
const logFile = process.env.E2E_LOG_FILE!;

interface Line {
  type: string;
  requestId: string;
  userId?: number;
  method: string;
  path: string;
  query?: string;
  status: number;
  ms: number;
  time: string;
  level: number;
}

const lines = (): Line[] =>
  fs.existsSync(logFile)
    ? fs
        .readFileSync(logFile, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Line)
    : [];

/** The request line of this id, once the server has written it (after the response is sent). */
async function lineOf(requestId: string): Promise<Line> {
  await expect.poll(() => lines().filter((l) => l.type === "request" && l.requestId === requestId).length).toBe(1);
  return lines().find((l) => l.type === "request" && l.requestId === requestId)!;
}

test("one JSON line per request, with its id, the user, the path, the status and the time, and no personal values", async ({ page, playwright, baseURL }) => {
  const secret = `Nguyễn Bí Mật ${randomBytes(4).toString("hex")}`;
  const wrongPassword = `sai-${randomBytes(6).toString("hex")}`;
  await signInAs(page, "xa.lapthach");

  // A request id that does not look like one is not taken, even from the trusted proxy the tests stand for.
  const res = await page.request.get(`/petitions?q=${encodeURIComponent(secret)}&status=RECEIVED`, { headers: { "X-Request-Id": "not an id; <script>" } });
  expect(res.status()).toBe(200);
  const id = res.headers()["x-request-id"];
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  const line = await lineOf(id);
  expect(line).toMatchObject({ type: "request", method: "GET", path: "/petitions", query: "q=*&status=*", status: 200 });
  expect(line.userId).toEqual(expect.any(Number));
  expect(line.ms).toEqual(expect.any(Number));
  expect(new Date(line.time).getTime()).not.toBeNaN();

  // A failed sign-in: its body (username, password) is nowhere, and no user is named.
  const failed = await page.request.post("/sign-in", { form: { username: "xa.lapthach", password: wrongPassword }, maxRedirects: 0 });
  const failedLine = await lineOf(failed.headers()["x-request-id"]);
  expect(failedLine).toMatchObject({ method: "POST", path: "/sign-in", status: 303 });
  expect(failedLine.query).toBeUndefined();

  // An API answer, unauthenticated: logged with its status and no user.
  const anonymous = await playwright.request.newContext({ baseURL });
  const refused = await anonymous.get(`/api/v1/units?q=${encodeURIComponent(secret)}`);
  expect(refused.status()).toBe(401);
  const refusedLine = await lineOf(refused.headers()["x-request-id"]);
  expect(refusedLine).toMatchObject({ path: "/api/v1/units", query: "q=*", status: 401 });
  expect(refusedLine.userId).toBeUndefined();
  await anonymous.dispose();

  const all = fs.readFileSync(logFile, "utf8");
  for (const personal of [secret, encodeURIComponent(secret), wrongPassword, "xa.lapthach"]) expect(all).not.toContain(personal);
});
