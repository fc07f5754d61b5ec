// Filter disclosures are shown by CSS where they sit beside the results; open them there too
// so their state (and what screen readers announce) matches what is on the screen.
for (const d of document.querySelectorAll("details[data-open-from]")) {
  if (matchMedia("(min-width: " + d.dataset.openFrom + ")").matches) d.open = true;
}

// Print buttons (no inline onclick: the Content-Security-Policy allows no inline script).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});
