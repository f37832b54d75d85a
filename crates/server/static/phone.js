// The ticket on the phone follows the floor: on every event of the site it re-reads the ticket,
// and when something the citizen sees has changed, it takes the new page's ticket part. When the
// ticket is called, the phone vibrates and beeps where the browser allows it.
document.addEventListener("DOMContentLoaded", () => {
  const body = document.body;
  const { site, token } = body.dataset;
  if (!site || !token || !("EventSource" in window)) return;
  let status = body.dataset.status;
  let seen = null;
  let audio = null;

  // Browsers only let a page make sound after a touch; prepare it on the first one.
  const unlock = () => {
    try {
      const Context = window.AudioContext || window.webkitAudioContext;
      if (Context && !audio) audio = new Context();
      if (audio && audio.state === "suspended") audio.resume();
    } catch {
      audio = null;
    }
  };
  document.addEventListener("pointerdown", unlock, { once: true });

  const beep = () => {
    try {
      const Context = window.AudioContext || window.webkitAudioContext;
      if (!audio && Context) audio = new Context();
      if (!audio) return;
      for (const [start, frequency] of [[0, 880], [0.25, 1175]]) {
        const oscillator = audio.createOscillator();
        const gain = audio.createGain();
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.25, audio.currentTime + start);
        gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + start + 0.22);
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start(audio.currentTime + start);
        oscillator.stop(audio.currentTime + start + 0.23);
      }
    } catch {
      // no sound then; the page and the vibration still tell
    }
  };

  const alert = () => {
    if (navigator.vibrate) navigator.vibrate([300, 150, 300, 150, 600]);
    beep();
  };

  let busy = false;
  let again = false;
  const refresh = async () => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      const response = await fetch(`/api/v1/tickets/${encodeURIComponent(token)}`, { headers: { Accept: "application/json" } });
      if (!response.ok) return;
      const ticket = await response.json();
      const signature = JSON.stringify([ticket.number, ticket.status, ticket.position, ticket.estimated_wait_minutes, ticket.counter]);
      if (signature === seen) return;
      seen = signature;
      const page = await fetch(window.location.pathname, { headers: { Accept: "text/html" } });
      if (!page.ok) return;
      const html = new DOMParser().parseFromString(await page.text(), "text/html");
      const fresh = html.getElementById("ticket-state");
      const current = document.getElementById("ticket-state");
      if (fresh && current) current.replaceWith(fresh);
      if (ticket.status === "called" && status !== "called") alert();
      status = ticket.status;
      body.dataset.status = status;
    } catch {
      // the next event tries again
    } finally {
      busy = false;
      if (again) {
        again = false;
        refresh();
      }
    }
  };

  const events = new EventSource(`/api/v1/sites/${encodeURIComponent(site)}/events`);
  events.addEventListener("called", refresh);
  events.addEventListener("changed", refresh);
  events.addEventListener("open", refresh);
  const live = document.getElementById("phone-live");
  if (live) live.hidden = false;
});
