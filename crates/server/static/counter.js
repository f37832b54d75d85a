// The counter console stays live: on every change on the floor it reads the console again and swaps
// only the waiting list and the counter chooser, so nothing the employee types or ticks is lost.
// The N key or F2 calls the next citizen.
(function () {
  "use strict";
  var root = document.getElementById("console");
  if (!root) { return; }
  var site = root.dataset.site;

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName));
  }

  document.addEventListener("keydown", function (event) {
    var button = document.getElementById("call-next");
    if (!button || event.ctrlKey || event.altKey || event.metaKey) { return; }
    var key = event.key;
    if (key === "F2" || ((key === "n" || key === "N") && !typing(event.target))) {
      event.preventDefault();
      button.click();
    }
  });

  var error = document.getElementById("counter-error");
  if (error) { error.focus(); }

  var pending = false;
  var again = false;
  function swap() {
    if (pending) { again = true; return; }
    pending = true;
    again = false;
    fetch("/counter?site=" + encodeURIComponent(site), { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        ["waiting", "counter-choices"].forEach(function (id) {
          var now = document.getElementById(id);
          var next = fresh.getElementById(id);
          // A part the employee is working in stays as it is until the next change.
          if (now && next && !now.contains(document.activeElement)) { now.replaceWith(document.importNode(next, true)); }
        });
      })
      .catch(function () { /* the next change tries again */ })
      .then(function () {
        pending = false;
        if (again) { swap(); }
      });
  }

  if (!("EventSource" in window)) { return; }
  var events = new EventSource("/api/v1/sites/" + encodeURIComponent(site) + "/events");
  events.addEventListener("called", swap);
  events.addEventListener("changed", swap);
  // Read the list again on every (re)connection, so no change in between is missed.
  events.addEventListener("open", swap);
}());
