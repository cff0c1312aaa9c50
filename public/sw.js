/*
 * The field app's service worker (decision 070), written by hand: no framework, no build step.
 * - The field pages (the meeting form's steps and forms, petition intake) are fetched from the
 *   network first and kept; offline, the kept copy answers, with a fresh idempotency key each time
 *   it is shown (two meetings typed into one kept page must stay two meetings).
 * - Next.js's static files are kept on first use (their names change with their content).
 * - A form posted while the network is down is kept in IndexedDB (the queue, decision 071) with its
 *   idempotency key, and sent to POST /field/meetings or /field/petitions when the connection returns: Background Sync where
 *   the browser has it, else when a page opens, comes back online, or the user taps "Gửi ngay".
 * Pages talk to it by messages (lib/field/shell-script.ts); it is the only code that opens the queue.
 */
const VERSION = "1";
const STATIC_CACHE = `dv-static-${VERSION}`;
const PAGE_CACHE = `dv-pages-${VERSION}`;
/** Whose the kept pages and new queue items are: the last page's word, kept across the worker's restarts. */
const META_CACHE = "dv-meta";
const USER_KEY = "/__dv/user";
const DB_NAME = "dv-field";
const STORE = "queue";
const SYNC_TAG = "dv-queue";
/** How many form pages a visit to the meeting form's steps keeps, at most (the user's teams, blocs, communes). */
const WARM_LIMIT = 40;

const isFieldPage = (url) => url.pathname === "/meetings/new" || url.pathname === "/petitions/new";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith("dv-") && name !== STATIC_CACHE && name !== PAGE_CACHE && name !== META_CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

// ---- the queue (IndexedDB) ----
function openDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "key" });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
async function store(mode, work) {
  const db = await openDb();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const result = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(result && "result" in result ? result.result : undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}
const allItems = () => store("readonly", (s) => s.getAll());
const putItem = (item) => store("readwrite", (s) => s.put(item));
const deleteItem = (key) => store("readwrite", (s) => s.delete(key));

/** The user whose pages are open (each page says so): queued forms are theirs, kept pages too. */
let currentUser = null;
let userRead = null;
/** The user last seen, read once after the worker (re)starts: the browser stops an idle worker at will. */
function knownUser() {
  userRead ??= caches
    .open(META_CACHE)
    .then((c) => c.match(USER_KEY))
    .then((r) => (r ? r.text() : ""))
    .then((t) => {
      if (currentUser === null && /^\d+$/.test(t)) currentUser = Number(t);
    })
    .catch(() => undefined);
  return userRead.then(() => currentUser);
}
async function setUser(user) {
  currentUser = user;
  const meta = await caches.open(META_CACHE);
  if (user === null) await meta.delete(USER_KEY);
  else await meta.put(USER_KEY, new Response(String(user)));
}

function text(entries, name) {
  const found = entries.find(([n, v]) => n === name && typeof v === "string");
  return found ? found[1].trim() : "";
}

/** A posted form, kept: what the list shows of it is read here once. */
async function enqueue(kind, request, formUrl) {
  const form = await request.formData();
  const entries = [];
  form.forEach((value, name) => entries.push([name, value]));
  const key = text(entries, "idempotencyKey");
  if (!/^[0-9a-f-]{36}$/i.test(key)) return null;
  const summary =
    kind === "meeting"
      ? [text(entries, "heldOn"), text(entries, "place")].filter(Boolean).join(" · ")
      : text(entries, "content").slice(0, 80);
  const item = { key, kind, user: await knownUser(), formUrl, entries, summary, createdAt: Date.now(), state: "queued", failure: null };
  await putItem(item);
  try {
    await self.registration.sync?.register(SYNC_TAG);
  } catch {
    // No Background Sync (or refused): sent on the next open, when back online, or on a tap.
  }
  await tellPages();
  return item;
}

async function tellPages() {
  for (const client of await self.clients.matchAll({ type: "window" })) client.postMessage({ type: "queue-changed" });
}

/** What a page shows: this user's items (others' stay on the device, unsent, until their owner signs in). */
async function status(user) {
  const items = (await allItems()).filter((i) => i.user === user || i.user === null);
  return {
    items: items
      .sort((a, b) => a.createdAt - b.createdAt)
      .map(({ key, kind, summary, createdAt, state, failure, formUrl }) => ({ key, kind, summary, createdAt, state, failure, formUrl })),
  };
}

let flushing = null;
/** Sends what is queued, oldest first; stops at the first sign of no network. `user`: only theirs (null: all). */
function flush(user) {
  flushing ??= sendAll(user).finally(() => (flushing = null));
  return flushing;
}
async function sendAll(user) {
  // A refused item waits for its user to correct it (its form, opened from the list) or remove it.
  const items = (await allItems())
    .filter((i) => i.state !== "refused" && (user === null || i.user === user || i.user === null))
    .sort((a, b) => a.createdAt - b.createdAt);
  let changed = false;
  for (const item of items) {
    const body = new FormData();
    for (const [name, value] of item.entries) body.append(name, value);
    let response;
    try {
      response = await fetch(`/field/${item.kind}s`, {
        method: "POST",
        body,
        credentials: "same-origin",
        headers: item.user === null ? {} : { "x-queued-for": String(item.user) },
      });
    } catch {
      break; // offline again: the rest waits
    }
    changed = true;
    // 200 is the server's answer, accepted or refused (lib/field/send.ts): only `ok: true` takes it off the phone.
    const answer = response.status === 200 ? await response.json().catch(() => null) : null;
    if (answer?.ok === true) {
      await deleteItem(item.key);
      continue;
    }
    if (answer) {
      await putItem({ ...item, state: "refused", failure: answer });
      continue;
    }
    if (response.status === 401) {
      await putItem({ ...item, state: "signin" });
      continue;
    }
    if (response.status === 409) continue; // another user's item: kept for them
    if (response.status >= 500) {
      await putItem({ ...item, state: "queued" });
      break;
    }
    const failure = await response.json().catch(() => null);
    await putItem({ ...item, state: "refused", failure });
  }
  if (changed) await tellPages();
}

self.addEventListener("sync", (event) => {
  if (event.tag === SYNC_TAG) event.waitUntil(flush(null));
});

self.addEventListener("message", (event) => {
  const data = event.data ?? {};
  const port = event.ports[0];
  const reply = (value) => port?.postMessage(value);
  const work = async () => {
    await knownUser();
    switch (data.type) {
      case "hello": {
        // Another user on this phone: the pages kept for the one before are theirs, not this one's.
        if (typeof data.user === "number" && currentUser !== null && currentUser !== data.user) await caches.delete(PAGE_CACHE);
        if (typeof data.user === "number" && data.user !== currentUser) await setUser(data.user);
        return status(currentUser);
      }
      case "status":
        return status(currentUser);
      case "flush":
        await flush(currentUser);
        return status(currentUser);
      case "item": {
        // The whole item (its fields and files), to post it again as its form.
        const item = (await allItems()).find((i) => i.key === data.key && (i.user === currentUser || i.user === null));
        return item ? { key: item.key, entries: item.entries, failure: item.failure } : null;
      }
      case "discard":
        if (typeof data.key === "string") await deleteItem(data.key);
        await tellPages();
        return status(currentUser);
      case "sign-out": {
        // Kept pages hold names and rosters: gone with the session. The queue stays unless the user chose to discard it.
        await caches.delete(PAGE_CACHE);
        if (data.discard) for (const item of await allItems()) if (item.user === currentUser || item.user === null) await deleteItem(item.key);
        await setUser(null);
        return { ok: true };
      }
      default:
        return null;
    }
  };
  event.waitUntil(work().then(reply, () => reply(null)));
});

// ---- fetches ----
/** A kept page, with a fresh idempotency key in place of the one it was served with. */
async function keptPage(request) {
  const cache = await caches.open(PAGE_CACHE);
  const kept = await cache.match(request, { ignoreVary: true });
  if (!kept) return null;
  const html = await kept.text();
  const key = /name="idempotencyKey"[^>]*?value="([0-9a-f-]{36})"/.exec(html)?.[1];
  return new Response(key ? html.split(key).join(crypto.randomUUID()) : html, { status: kept.status, headers: kept.headers });
}

const OFFLINE_PAGE = `<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Không có mạng · Dân vận</title>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1c1917"><h1>Không có mạng</h1>
<p>Trang này chưa được lưu trên máy. Các trang đã mở khi có mạng (biểu mẫu ghi cuộc họp, tiếp nhận kiến nghị) vẫn dùng được.</p>
<p><a href="/meetings/new">Ghi cuộc họp</a> · <a href="/petitions/new">Tiếp nhận kiến nghị</a></p></body></html>`;

let lastWarm = 0;
/** After the meeting form's steps were shown: keep the forms they link to (rosters, open petitions), a few at a time. */
async function warm(html) {
  if (Date.now() - lastWarm < 10 * 60 * 1000) return;
  lastWarm = Date.now();
  const cache = await caches.open(PAGE_CACHE);
  const seen = new Set();
  const queue = [...html.matchAll(/href="(\/meetings\/new\?kind=[A-Z_]+(?:&amp;target=[a-z]+:\d+)?)"/g)].map((m) => m[1].replace(/&amp;/g, "&"));
  while (queue.length && seen.size < WARM_LIMIT) {
    const path = queue.shift();
    if (seen.has(path)) continue;
    seen.add(path);
    try {
      const response = await fetch(path, { credentials: "same-origin", redirect: "manual" });
      if (response.status !== 200) continue;
      const body = await response.clone().text();
      await cache.put(path, response);
      if (!path.includes("target=")) for (const m of body.matchAll(/href="(\/meetings\/new\?kind=[A-Z_]+&amp;target=[a-z]+:\d+)"/g)) queue.push(m[1].replace(/&amp;/g, "&"));
    } catch {
      return;
    }
  }
}

async function fieldPage(event) {
  const { request } = event;
  try {
    const response = await fetch(request);
    // Only a page shown to a signed-in user (not a redirect to the sign-in page) is kept.
    if (response.status === 200 && !response.redirected) {
      const copy = response.clone();
      event.waitUntil(
        (async () => {
          await (await caches.open(PAGE_CACHE)).put(request, copy.clone());
          const url = new URL(request.url);
          if (url.pathname === "/meetings/new" && !url.searchParams.has("target")) await warm(await copy.text());
        })(),
      );
    }
    return response;
  } catch {
    return (await keptPage(request)) ?? new Response(OFFLINE_PAGE, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
  }
}

/** A kept item's form, opened again and now accepted (the server redirected to what it made): off the device. */
async function acceptedAgain(copy) {
  // A server action's body carries the form's fields under a prefix (React's reply encoding: "1_idempotencyKey").
  let key = null;
  (await copy.formData()).forEach((value, name) => {
    if (/(^|_)idempotencyKey$/.test(name) && typeof value === "string") key = value;
  });
  if (!key) return;
  const item = (await allItems()).find((i) => i.key === key);
  if (item) {
    await deleteItem(key);
    await tellPages();
  }
}

/** The meeting form's own POST: offline, kept in the queue and answered with a new, empty form. */
async function meetingPost(event) {
  const { request } = event;
  const copy = request.clone();
  try {
    const response = await fetch(request);
    if (response.type === "opaqueredirect") event.waitUntil(acceptedAgain(copy));
    return response;
  } catch {
    const url = new URL(request.url);
    const item = await enqueue("meeting", copy, url.pathname + url.search);
    if (!item) throw new TypeError("offline");
    return Response.redirect(`${url.pathname}${url.search}#queued`, 303);
  }
}

/** The intake form's post to /field/petitions while offline: kept, and answered 202. */
async function fieldSend(request, kind) {
  const copy = request.clone();
  try {
    return await fetch(request);
  } catch {
    const item = await enqueue(kind, copy, "/petitions/new");
    if (!item) throw new TypeError("offline");
    return new Response(JSON.stringify({ ok: true, queued: true }), { status: 202, headers: { "Content-Type": "application/json" } });
  }
}

/** The intake form's server action: a redirect to a petition means it was made, so a kept copy of it goes. */
async function intakeAction(event) {
  const copy = event.request.clone();
  const response = await fetch(event.request);
  if (/^\/petitions\/\d+/.test(response.headers.get("x-action-redirect") ?? "")) event.waitUntil(acceptedAgain(copy));
  return response;
}

async function staticFile(request) {
  const cache = await caches.open(STATIC_CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST") {
    if (url.pathname === "/meetings/new" && request.mode === "navigate") event.respondWith(meetingPost(event));
    else if (url.pathname === "/petitions/new") event.respondWith(intakeAction(event));
    else if (url.pathname === "/field/petitions") event.respondWith(fieldSend(request, "petition"));
    return;
  }
  if (request.method !== "GET") return;
  if (url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/")) event.respondWith(staticFile(request));
  else if (request.mode === "navigate" && isFieldPage(url)) event.respondWith(fieldPage(event));
});
