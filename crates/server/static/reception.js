// Reception stays live: on every change on the floor it reads the page again and swaps only the
// overview of the floor, so a form being filled in is never touched. Waiting times grow without
// changes, so the overview is read again every half minute too.
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  var root = document.getElementById("reception");
  if (!root) { return; }
  var site = root.dataset.site;
  var live = ["floor-now"];

  var pending = false;
  var again = false;
  function swap() {
    if (pending) { again = true; return; }
    pending = true;
    again = false;
    fetch("/reception?site=" + encodeURIComponent(site), { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        live.forEach(function (id) {
          var now = document.getElementById(id);
          var next = fresh.getElementById(id);
          if (now && next && !now.contains(document.activeElement)) { now.replaceWith(document.importNode(next, true)); }
        });
      })
      .catch(function () { /* the next change tries again */ })
      .then(function () {
        pending = false;
        if (again) { swap(); }
      });
  }

  window.setInterval(swap, 30000);
  if (!("EventSource" in window)) { return; }
  var events = new EventSource("/api/v1/sites/" + encodeURIComponent(site) + "/events");
  events.addEventListener("called", swap);
  events.addEventListener("changed", swap);
  events.addEventListener("open", swap);
}());
