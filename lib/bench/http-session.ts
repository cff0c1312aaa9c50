/**
 * Signs in over HTTP, for scripts that measure the running app as a signed-in user: the sign-in
 * form's POST to /sign-in without a browser (303 with the session cookie). Free of Next imports.
 * A large session token comes in chunks (`next-auth.session-token.0`, `.1` …); all of them are kept.
 */

/** The cookies a client keeps, by name. */
type Jar = Map<string, string>;

function keep(jar: Jar, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const [pair, ...attributes] = line.split(";");
    const at = pair.indexOf("=");
    if (at <= 0) continue;
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    const expired = attributes.some((a) => /^\s*max-age\s*=\s*(0|-\d+)\s*$/i.test(a));
    if (expired || value === "") jar.delete(name);
    else jar.set(name, value);
  }
}

function header(jar: Jar): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

/** Returns the `cookie` header of a session of `username` on the app at `baseUrl`; throws when sign-in fails. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const jar: Jar = new Map();
  const res = await fetch(new URL("/sign-in", baseUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username, password }),
    redirect: "manual",
  });
  keep(jar, res);
  if (res.status !== 303 || ![...jar.keys()].some((name) => /next-auth\.session-token(\.\d+)?$/.test(name))) {
    throw new Error(`Đăng nhập thất bại / sign-in failed for ${username}: ${res.status} ${await res.text().catch(() => "")}`.trim());
  }
  return header(jar);
}
