// Show the Print button only where scripts run; printing without it still works from the browser.
document.querySelectorAll(".js-print").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
