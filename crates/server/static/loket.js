// Small enhancements only; every page works without this script.
document.addEventListener("DOMContentLoaded", () => {
  // After a failed form, take the keyboard and screen reader to the list of errors.
  const summary = document.querySelector("[data-autofocus]");
  if (summary) summary.focus();
  // A ticket or receipt handed out at a desk: its button (hidden without this script) prints the
  // page, laid out for paper.
  document.querySelectorAll("button[data-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  });
});

// Staff tools stay live without a reload: on every change on the floor of `sites` (and on every
// (re)connection, so no change in between is missed) the page at `url` is read again and `update`
// gets the fresh document. Reads never overlap; changes during a read cause one more read. Without
// server-sent events the page is read every ten seconds instead.
window.followFloor = (sites, url, update) => {
  let pending = false;
  let again = false;
  const read = () => {
    if (pending) { again = true; return; }
    pending = true;
    again = false;
    fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
      .then((html) => update(new DOMParser().parseFromString(html, "text/html")))
      .catch(() => { /* the next change reads again */ })
      .then(() => {
        pending = false;
        if (again) read();
      });
  };
  if (!("EventSource" in window)) {
    window.setInterval(read, 10000);
    return read;
  }
  sites.forEach((site) => {
    const events = new EventSource(`/api/v1/sites/${encodeURIComponent(site)}/events`);
    ["called", "changed", "open"].forEach((name) => events.addEventListener(name, read));
  });
  return read;
};

// Puts the fresh versions of the parts with these ids in place, except a part the user is working
// in, which stays as it is until the next change.
window.swapParts = (fresh, ids) => {
  ids.forEach((id) => {
    const now = document.getElementById(id);
    const next = fresh.getElementById(id);
    if (now && next && !now.contains(document.activeElement)) now.replaceWith(document.importNode(next, true));
  });
};
