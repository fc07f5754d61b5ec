// The reading level under a summary in the admin, measured again while staff type.
// Progressive enhancement: without this file the level shown is the one of the saved text.
(function () {
  "use strict";
  function watch(label) {
    var box = document.getElementById(label.dataset.for);
    var token = document.querySelector("[name=csrfmiddlewaretoken]");
    if (!box || !token || !window.fetch) { return; }
    var timer = null;
    box.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var body = new FormData();
        body.append("text", box.value);
        body.append("language", label.dataset.language);
        fetch(label.dataset.gradeUrl, {
          method: "POST", body: body, credentials: "same-origin",
          headers: { "X-CSRFToken": token.value }
        }).then(function (response) {
          return response.ok ? response.json() : null;
        }).then(function (data) {
          if (!data) { return; }
          label.textContent = data.label;
          label.dataset.passes = data.passes === null ? "" : String(data.passes);
        }).catch(function () { /* keep the last level shown */ });
      }, 500);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".plain-grade[data-grade-url]").forEach(watch);
  });
})();
