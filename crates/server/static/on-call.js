// Reception's printed ticket: the request's state follows the floor.
(function () {
  "use strict";
  var status = document.getElementById("summons-status");
  if (!status || !status.dataset.site) { return; }
  window.followFloor([status.dataset.site], window.location.pathname, function (fresh) {
    var next = fresh.getElementById("summons-status");
    var now = document.getElementById("summons-status");
    if (next && now && next.textContent !== now.textContent) { now.textContent = next.textContent; }
  });
}());

// The back-office page follows the floor: on every change it reads the page again and swaps the
// requests and the visit. A request that arrives while the employee is in the back office, or
// that waited too long while they are at work, is announced: a chime, a line read out by screen
// readers, and a browser notification when the employee allowed them.
(function () {
  "use strict";
  var root = document.getElementById("back-office");
  if (!root) { return; }
  var alertLine = document.getElementById("on-call-alert");

  function requestsOf(container) {
    var found = {};
    container.querySelectorAll(".request[data-id]").forEach(function (item) {
      found[item.dataset.id] = { overdue: item.dataset.overdue === "true", product: item.dataset.product, number: item.dataset.number };
    });
    return found;
  }

  var known = requestsOf(document);

  function chime() {
    try {
      var Context = window.AudioContext || window.webkitAudioContext;
      if (!Context) { return; }
      var audio = chime.context || (chime.context = new Context());
      [523.25, 659.25, 783.99].forEach(function (frequency, index) {
        var start = audio.currentTime + index * 0.2;
        var tone = audio.createOscillator();
        var volume = audio.createGain();
        tone.type = "sine";
        tone.frequency.value = frequency;
        volume.gain.setValueAtTime(0.0001, start);
        volume.gain.exponentialRampToValueAtTime(0.3, start + 0.03);
        volume.gain.exponentialRampToValueAtTime(0.0001, start + 0.5);
        tone.connect(volume).connect(audio.destination);
        tone.start(start);
        tone.stop(start + 0.6);
      });
    } catch (e) { /* the line on the page and the notification still tell */ }
  }

  function announce(template, request) {
    var text = template.replace("{number}", request.number).replace("{product}", request.product);
    alertLine.textContent = text;
    chime();
    if ("Notification" in window && Notification.permission === "granted") {
      try { new Notification(root.dataset.notificationTitle, { body: text, tag: "on-call-" + request.number }); } catch (e) { /* some browsers only notify from a service worker */ }
    }
  }

  function compare(fresh, presence) {
    Object.keys(fresh).forEach(function (id) {
      var before = known[id];
      var now = fresh[id];
      if (!before && presence === "back_office") {
        announce(root.dataset.newText, now);
      } else if (now.overdue && (!before || !before.overdue) && presence !== "off") {
        announce(root.dataset.againText, now);
      }
    });
    known = fresh;
  }

  var setting = document.getElementById("notification-setting");
  var allow = document.getElementById("allow-notifications");
  if ("Notification" in window && Notification.permission === "default" && setting && allow) {
    setting.hidden = false;
    allow.addEventListener("click", function () {
      Notification.requestPermission().then(function () { setting.hidden = Notification.permission === "default"; });
      // The first click also lets the page play sound.
      chime();
    });
  }

  var sites = (root.dataset.sites || "").split(" ").filter(Boolean);
  window.followFloor(sites, "/backoffice", function (fresh) {
    var freshRoot = fresh.getElementById("back-office");
    if (!freshRoot) { return; }
    var presence = freshRoot.dataset.presence;
    root.dataset.presence = presence;
    window.swapParts(fresh, ["waiting-requests", "my-visit"]);
    var now = document.getElementById("presence");
    var next = fresh.getElementById("presence");
    if (now && next && !now.contains(document.activeElement)) {
      // The notification setting stays the live one: its button listens, and it knows whether
      // permission was asked already.
      var replacement = document.importNode(next, true);
      var setting = now.querySelector("#notification-setting");
      var kept = replacement.querySelector("#notification-setting");
      if (setting && kept) { kept.replaceWith(setting); }
      now.replaceWith(replacement);
    }
    compare(requestsOf(fresh), presence);
  });
}());
