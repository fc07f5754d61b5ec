// Runs in <head>: styles that depend on JavaScript apply before the first paint.
document.documentElement.classList.replace("no-js", "js");
// The read-aloud control (static/js/read-aloud.js) keeps its place from the first paint where
// the browser can speak, so showing it later moves nothing on the page.
if ("speechSynthesis" in window) document.documentElement.classList.add("can-speak");
