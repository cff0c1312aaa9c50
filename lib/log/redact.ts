/**
 * What of a URL goes into a log line: the path, and the query's parameter names with every value
 * masked. Values are where personal data travels (a search for a citizen's name, a callback URL, a
 * form sent by GET); the names say enough to tell requests apart. A name that is not an identifier
 * (`?Nguyễn Văn A` has no value, so the text is the name) is masked too.
 */
const MAX_PATH = 200;
const MAX_KEYS = 20;
const IDENTIFIER = /^[A-Za-z0-9_.[\]-]{1,40}$/;

export function loggedUrl(url: string | undefined): { path: string; query?: string } {
  const raw = url ?? "/";
  const q = raw.indexOf("?");
  const path = (q === -1 ? raw : raw.slice(0, q)).slice(0, MAX_PATH);
  if (q === -1 || q === raw.length - 1) return { path };
  const masked: string[] = [];
  for (const key of new URLSearchParams(raw.slice(q + 1)).keys()) {
    if (masked.length === MAX_KEYS) {
      masked.push("…");
      break;
    }
    masked.push(IDENTIFIER.test(key) ? `${key}=*` : "*");
  }
  return { path, query: masked.join("&") };
}
