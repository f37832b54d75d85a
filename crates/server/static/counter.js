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

  window.followFloor([site], "/counter?site=" + encodeURIComponent(site), function (fresh) {
    window.swapParts(fresh, ["waiting", "counter-choices"]);
  });
}());
