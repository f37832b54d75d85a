// Reception stays live: on every change on the floor the overview of the floor is read again and
// swapped, so a form being filled in is never touched. Waiting times grow without changes, so the
// overview is read again every half minute too.
(function () {
  "use strict";
  var root = document.getElementById("reception");
  if (!root) { return; }
  var read = window.followFloor([root.dataset.site], "/reception?site=" + encodeURIComponent(root.dataset.site), function (fresh) {
    window.swapParts(fresh, ["floor-now"]);
  });
  window.setInterval(read, 30000);
}());
