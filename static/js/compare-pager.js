// Compare tables on a phone show one column at a time (CSS scroll-snap); this adds "1 of 3"
// with previous/next buttons. Without it the table still scrolls sideways and a hint says how
// many columns there are (templates/includes/_compare_pager.html).
for (const scroller of document.querySelectorAll("[data-compare-pager]")) {
  const pager = document.getElementById(scroller.dataset.comparePager);
  const hint = document.getElementById(scroller.dataset.comparePager + "-hint");
  const status = pager.querySelector("[data-pager-status]");
  const prev = pager.querySelector("[data-pager-prev]");
  const next = pager.querySelector("[data-pager-next]");
  const columns = () => [...scroller.querySelector("thead tr").cells].slice(1);
  const rtl = getComputedStyle(scroller).direction === "rtl";

  // The column whose start edge is nearest the start of the visible part (after the row names).
  const current = () => {
    const cells = columns();
    const box = scroller.getBoundingClientRect();
    const names = scroller.querySelector("thead tr").cells[0].getBoundingClientRect().width;
    const start = rtl ? box.right - names : box.left + names;
    let best = 0;
    cells.forEach((cell, i) => {
      const rect = cell.getBoundingClientRect();
      const edge = rtl ? rect.right : rect.left;
      const bestRect = cells[best].getBoundingClientRect();
      if (Math.abs(edge - start) < Math.abs((rtl ? bestRect.right : bestRect.left) - start)) best = i;
    });
    return best;
  };
  const update = () => {
    const count = columns().length;
    const i = current();
    status.textContent = status.dataset.template.replace("{n}", i + 1).replace("{count}", count);
    prev.disabled = i === 0;
    next.disabled = i === count - 1;
  };
  const go = (i) => {
    const cells = columns();
    const cell = cells[Math.max(0, Math.min(i, cells.length - 1))];
    cell.scrollIntoView({ inline: "start", block: "nearest", behavior: "smooth" });
  };
  prev.addEventListener("click", () => go(current() - 1));
  next.addEventListener("click", () => go(current() + 1));
  let pending = 0;
  scroller.addEventListener("scroll", () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(update);
  });
  pager.hidden = false;
  if (hint) hint.hidden = true;
  update();
}
