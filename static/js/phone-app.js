// The phone app in the page: registers the service worker (static/js/service-worker.js, served
// from /sw.js), says clearly when the page is a copy saved on this device, and fetches the page
// again when the network returns.
(() => {
  const script = document.currentScript;
  const root = document.documentElement;
  const banner = document.querySelector("[data-offline-banner]");
  const savedAt = root.dataset.savedAt; // stamped by the service worker on pages it saved
  const isOfflinePage = Boolean(document.querySelector("[data-offline-page]"));

  if ("serviceWorker" in navigator && script && script.dataset.worker) {
    window.addEventListener("load", () => {
      navigator.serviceWorker.register(script.dataset.worker, { scope: "/" }).catch(() => {});
    });
  }

  const when = (iso) => {
    const date = new Date(iso);
    try {
      return date.toLocaleString(root.lang || undefined, { dateStyle: "medium", timeStyle: "short" });
    } catch (error) {
      return date.toLocaleString();
    }
  };

  const show = (text) => {
    if (!banner) return;
    banner.querySelector("[data-offline-text]").textContent = text;
    banner.hidden = false;
  };

  if (banner && savedAt) show(banner.dataset.savedText.replace("{when}", when(savedAt)));
  else if (banner && !navigator.onLine) show(banner.dataset.offlineText);

  window.addEventListener("offline", () => {
    if (banner && !savedAt) show(banner.dataset.offlineText);
  });
  window.addEventListener("online", () => {
    if (!navigator.onLine) return;
    // A saved copy or the offline page: fetch the real page now that the network is back.
    if (savedAt || isOfflinePage) window.location.reload();
    else if (banner) banner.hidden = true;
  });

  // "online" can come before requests get through again, and the reload then shows the saved
  // copy once more: while the browser says it is online, try again a few times, waiting longer
  // each time (a server that is down is not asked more than three times).
  const RETRIES = "portal-online-retries";
  try {
    if ((savedAt || isOfflinePage) && navigator.onLine) {
      const tries = Number(sessionStorage.getItem(RETRIES) || 0);
      if (tries < 3) {
        sessionStorage.setItem(RETRIES, String(tries + 1));
        window.setTimeout(() => window.location.reload(), 2000 * (tries + 1));
      }
    } else if (!savedAt && !isOfflinePage) {
      sessionStorage.removeItem(RETRIES);
    }
  } catch (error) {
    // No session storage (private mode in some browsers): the "online" event alone reloads.
  }

  // The offline page lists the pages saved on this device, newest first.
  const list = document.querySelector("[data-saved-pages]");
  if (!list || !("caches" in window)) return;
  caches
    .keys()
    .then((names) => names.filter((name) => name.startsWith("portal-pages-")))
    .then((names) => Promise.all(names.map((name) => caches.open(name))))
    .then((stores) =>
      Promise.all(
        stores.map((store) =>
          store.keys().then((keys) => Promise.all(keys.map((key) => store.match(key).then((r) => [key, r])))),
        ),
      ),
    )
    .then((groups) => {
      const entries = groups
        .flat()
        .filter(([, response]) => response)
        .map(([request, response]) => ({
          url: new URL(request.url),
          title: decodeURIComponent(response.headers.get("X-Title") || ""),
          saved: response.headers.get("X-Saved-At") || "",
        }))
        .sort((a, b) => b.saved.localeCompare(a.saved));
      if (!entries.length) return;
      const ul = list.querySelector("ul");
      for (const entry of entries) {
        const li = document.createElement("li");
        const link = document.createElement("a");
        link.className = "usa-link";
        link.href = entry.url.pathname + entry.url.search;
        link.textContent = (entry.title.split(" | ")[0] || entry.url.pathname).trim();
        li.append(link);
        if (entry.saved) li.append(" (" + list.dataset.savedLabel.replace("{when}", when(entry.saved)) + ")");
        ul.append(li);
      }
      list.hidden = false;
      const none = document.querySelector("[data-no-saved-pages]");
      if (none) none.hidden = true;
    })
    .catch(() => {});
})();
