// Read aloud: the page's main content spoken by the browser's own speech synthesis, in the
// page's language. No server and no third party: nothing leaves the device. The control is
// hidden until this script finds speech synthesis, so browsers without it never see it.
(() => {
  const control = document.querySelector("[data-read-aloud]");
  const main = document.getElementById("main-content");
  if (!control || !main || !("speechSynthesis" in window)) return;
  const speech = window.speechSynthesis;
  const play = control.querySelector('[data-action="play"]');
  const pause = control.querySelector('[data-action="pause"]');
  const stop = control.querySelector('[data-action="stop"]');
  const status = control.querySelector("[data-read-aloud-status]");
  const lang = document.documentElement.lang || "en";
  let state = "stopped";

  // Chrome stops a long utterance after about 15 seconds: speak line by line (a heading on its
  // own) and sentence by sentence.
  const chunks = (text) =>
    text
      .split(/\n+/)
      .flatMap((line) => line.replace(/\s+/g, " ").split(/(?<=[.!?:;])\s+/))
      .flatMap((s) => (s.length > 220 ? s.match(/.{1,220}(\s|$)/g) : [s]))
      .map((s) => s.trim())
      .filter(Boolean);

  const mainText = () =>
    Array.from(main.children)
      .filter((el) => !el.contains(control) && el.getAttribute("aria-hidden") !== "true")
      .map((el) => el.innerText)
      .join("\n");

  const voice = () => {
    const voices = speech.getVoices();
    return (
      voices.find((v) => v.lang.toLowerCase() === lang.toLowerCase()) ||
      voices.find((v) => v.lang.toLowerCase().startsWith(lang.toLowerCase().split("-")[0]))
    );
  };

  const show = (next) => {
    state = next;
    // Stopped: only "Read"; reading or paused: "Pause" (or "Resume") and "Stop".
    play.hidden = state !== "stopped";
    pause.hidden = stop.hidden = state === "stopped";
    pause.textContent = state === "paused" ? control.dataset.labelResume : control.dataset.labelPause;
    pause.setAttribute("aria-pressed", String(state === "paused"));
    status.textContent = control.dataset["status" + state[0].toUpperCase() + state.slice(1)];
  };

  play.addEventListener("click", () => {
    speech.cancel();
    const parts = chunks(mainText());
    const chosen = voice();
    parts.forEach((text, i) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      if (chosen) utterance.voice = chosen;
      if (i === parts.length - 1) utterance.onend = () => state !== "stopped" && show("stopped");
      speech.speak(utterance);
    });
    show("reading");
    pause.focus();
  });
  pause.addEventListener("click", () => {
    if (state === "paused") {
      speech.resume();
      show("reading");
    } else {
      speech.pause();
      show("paused");
    }
  });
  stop.addEventListener("click", () => {
    speech.cancel();
    show("stopped");
    play.focus();
  });
  // Escape stops reading from anywhere on the page (the buttons work by keyboard as buttons do).
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && state !== "stopped") stop.click();
  });
  window.addEventListener("pagehide", () => speech.cancel());
  control.hidden = false;
})();
