/* Inside a widget: tell the page that embeds it how tall it is (read by the sizing snippet). */
(function () {
  function send() {
    parent.postMessage({ ttt: "resize", height: document.documentElement.scrollHeight }, "*");
  }
  window.addEventListener("load", send);
  window.addEventListener("resize", send);
})();
