// The kiosk: back to the start after a while without a touch, and the ticket printed once.
document.addEventListener("DOMContentLoaded", () => {
  const body = document.body;
  const home = body.dataset.home;
  const idle = Number(body.dataset.idle);
  if (home && idle > 0) {
    let timer;
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => window.location.assign(home), idle * 1000);
    };
    for (const event of ["pointerdown", "keydown", "input", "scroll"]) {
      document.addEventListener(event, restart, { passive: true });
    }
    restart();
  }

  // A double tap asks for one ticket, not two.
  for (const form of document.querySelectorAll("form")) {
    form.addEventListener("submit", (event) => {
      if (form.dataset.sent) event.preventDefault();
      form.dataset.sent = "1";
    });
  }

  // A form that came back with a message: take the screen reader to it.
  const message = document.querySelector("[data-autofocus]");
  if (message) message.focus();

  // The ticket prints once, on the receipt printer (Chromium's --kiosk-printing skips the dialog);
  // reloading the page or switching its language does not print it again.
  if (body.dataset.print === "1" && new URLSearchParams(window.location.search).get("print") === "1") {
    const url = new URL(window.location.href);
    url.searchParams.delete("print");
    window.history.replaceState(null, "", url.pathname + url.search);
    window.setTimeout(() => window.print(), 100);
  }
});
