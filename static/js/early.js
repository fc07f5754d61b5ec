// Runs in <head>: styles that depend on JavaScript apply before the first paint.
document.documentElement.classList.replace("no-js", "js");
