// The management view stays live: on every change on the floor its figures are read again and
// swapped. Waiting times grow and hours turn without changes, so it is read every half minute too.
(function () {
  "use strict";
  var root = document.getElementById("manage");
  if (!root) { return; }
  var read = window.followFloor([root.dataset.site], "/manage?site=" + encodeURIComponent(root.dataset.site), function (fresh) {
    window.swapParts(fresh, ["floor-now"]);
  });
  window.setInterval(read, 30000);
}());
