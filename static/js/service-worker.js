// The phone app's service worker, served from /sw.js (careerportal/phone_app.py writes CONFIG
// above this line). No build step and no third party.
//
// - The shell (styles, scripts, icons, the offline page of each language) is stored when the
//   worker installs, in a cache named for this version; the next version deletes it.
// - Pages: the network first; a page that arrives is saved, stamped with the time, so it opens
//   without a network later (with a banner saying when it was saved). A page never saved shows
//   the offline page in its language.
// - Never stored: anything but GET, other sites, htmx fragments, the private paths in CONFIG
//   (API, admin, member portal, staff pages, sign-in), and any response marked no-store or
//   private (the server marks every signed-in page and every response setting the session
//   cookie so).
/* global CONFIG */
const SHELL_CACHE = "portal-shell-" + CONFIG.version;
// Pages and static files outlive a deploy: a saved plan should still open after one. Their
// format version changes only when what is stored changes shape.
const PAGES_CACHE = "portal-pages-v1";
const STATIC_CACHE = "portal-static-v1";
const KEEP = new Set([SHELL_CACHE, PAGES_CACHE, STATIC_CACHE]);
const MAX_PAGES = 60;
const MAX_STATIC = 200;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      // Without cookies, either way: a response to a request that carried the session's
      // cookies sets the CSRF cookie again to the secret it was sent, and one finishing after
      // the person signs in would put back the old secret, so the next form post is refused.
      .then((cache) =>
        cache.addAll(
          [...CONFIG.shell, ...Object.values(CONFIG.offline)].map(
            (url) => new Request(url, { credentials: "omit" }),
          ),
        ),
      )
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith("portal-") && !KEEP.has(name))
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

// The path without its language prefix (/es/plans/x/ -> /plans/x/) and the language.
const splitLanguage = (pathname) => {
  const first = pathname.split("/")[1];
  if (first && first !== CONFIG.defaultLanguage && first in CONFIG.offline) {
    return [first, pathname.slice(first.length + 1)];
  }
  return [CONFIG.defaultLanguage, pathname];
};

const isPrivate = (pathname) => {
  const [, path] = splitLanguage(pathname);
  return CONFIG.private.some((prefix) => path.startsWith(prefix));
};

const storable = (response) => {
  // 200 only: a partial (206) answer to a range request cannot be stored whole.
  if (!response || response.status !== 200 || response.type !== "basic" || response.redirected) {
    return false;
  }
  const control = (response.headers.get("Cache-Control") || "").toLowerCase();
  return !/no-store|private/.test(control);
};

// Keep a store from growing without end: drop the oldest entries (keys() is in insertion order).
const trim = async (cache, max) => {
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - max)).map((key) => cache.delete(key)));
};

const savePage = async (request, response) => {
  const html = await response.text();
  const savedAt = new Date().toISOString();
  // The stamp on <html> tells the page (static/js/phone-app.js) it is a saved copy, and when.
  const stamped = html.replace(/<html\b/i, `<html data-saved-at="${savedAt}"`);
  const title = (html.match(/<title>([^<]*)<\/title>/i) || [, ""])[1].trim();
  // The page's own headers (its Content-Security-Policy above all) go with the copy; the body
  // is stored decoded, so its length and encoding do not.
  const headers = new Headers(response.headers);
  headers.delete("Content-Length");
  headers.delete("Content-Encoding");
  headers.set("X-Saved-At", savedAt);
  headers.set("X-Title", encodeURIComponent(title));
  const cache = await caches.open(PAGES_CACHE);
  await cache.delete(request.url);
  await cache.put(request.url, new Response(stamped, { status: 200, headers }));
  await trim(cache, MAX_PAGES);
};

const offlinePage = async (url) => {
  const [language] = splitLanguage(url.pathname);
  const shell = await caches.open(SHELL_CACHE);
  return (
    (await shell.match(CONFIG.offline[language])) ||
    (await shell.match(CONFIG.offline[CONFIG.defaultLanguage])) ||
    Response.error()
  );
};

const page = async (event, url) => {
  try {
    const response = await fetch(event.request);
    if (storable(response)) event.waitUntil(savePage(event.request, response.clone()));
    return response;
  } catch (error) {
    const pages = await caches.open(PAGES_CACHE);
    return (await pages.match(url.href, { ignoreVary: true })) || offlinePage(url);
  }
};

const staticFile = async (event) => {
  const request = event.request;
  const stored = await caches.match(request, { ignoreVary: true });
  if (stored && CONFIG.staticImmutable) return stored;
  try {
    const response = await fetch(request);
    if (storable(response)) {
      const copy = response.clone();
      event.waitUntil(
        caches.open(STATIC_CACHE).then((cache) =>
          cache.put(request, copy).then(() => trim(cache, MAX_STATIC)),
        ),
      );
    }
    return response;
  } catch (error) {
    return stored || Response.error();
  }
};

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || isPrivate(url.pathname)) return;
  if (url.pathname.startsWith(CONFIG.static)) {
    event.respondWith(staticFile(event));
  } else if (request.mode === "navigate" && !request.headers.has("HX-Request")) {
    event.respondWith(page(event, url));
  }
  // Anything else (htmx fragments, JSON, downloads) goes to the network as if there were no
  // worker.
});
