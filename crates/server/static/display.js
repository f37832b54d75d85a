// The waiting-room screen follows the floor's events: on every change, and on every (re)connection,
// it reads the display's state, redraws, and chimes and speaks each call it had not shown yet.
(function () {
  "use strict";
  var root = document.getElementById("display");
  if (!root) { return; }
  var site = root.dataset.site;
  var zone = root.dataset.zone;
  var offset = Number(root.dataset.now) - Date.now();
  var calls = document.getElementById("display-calls");
  var empty = document.getElementById("display-empty");
  var clock = document.getElementById("display-clock");

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return values[name] !== undefined ? values[name] : all;
    });
  }

  // "B012" → letter "B", digits "012" and the number a voice says, "12".
  function parts(number) {
    var match = /^(\D*)(\d*)$/.exec(number) || ["", number, ""];
    var spoken = match[2].replace(/^0+/, "") || "0";
    return { letter: match[1], digits: match[2], spoken: spoken };
  }

  function tick() {
    var now = new Date(Date.now() + offset);
    var pieces = {};
    try {
      new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: root.dataset.timeZone })
        .formatToParts(now).forEach(function (p) { pieces[p.type] = p.value; });
    } catch (e) {
      pieces = { hour: String(now.getHours()), minute: String(now.getMinutes()).padStart(2, "0") };
    }
    clock.textContent = fill(root.dataset.clockFormat, { hour: String(Number(pieces.hour)), minute: pieces.minute });
  }

  function span(className, text) {
    var element = document.createElement("span");
    element.className = className;
    element.textContent = text;
    return element;
  }

  function drawCalls(shown, fresh) {
    var items = shown.map(function (call, index) {
      var p = parts(call.number);
      var item = document.createElement("li");
      item.className = "call" + (index === 0 ? " call-newest" : "") + (index === 0 && fresh ? " call-fresh" : "");
      item.dataset.number = call.number;
      item.dataset.key = keyOf(call);
      item.dataset.room = call.room || "";
      var number = span("call-number", "");
      number.appendChild(span("call-letter zone-" + call.zone, call.zone));
      number.appendChild(document.createTextNode(p.digits));
      var arrow = span("call-arrow", "→");
      arrow.setAttribute("aria-hidden", "true");
      item.appendChild(number);
      item.appendChild(arrow);
      item.appendChild(span(call.room ? "call-counter call-room" : "call-counter", call.room || fill(root.dataset.counterLabel, { counter: call.counter })));
      return item;
    });
    calls.replaceChildren.apply(calls, items);
    empty.hidden = items.length > 0;
  }

  function drawCounts(waiting) {
    document.querySelectorAll(".waiting-count").forEach(function (count) {
      count.textContent = String(waiting[count.dataset.zone] || 0);
    });
  }

  function chime() {
    try {
      var Context = window.AudioContext || window.webkitAudioContext;
      if (!Context) { return; }
      var audio = chime.context || (chime.context = new Context());
      [659.25, 523.25].forEach(function (frequency, index) {
        var start = audio.currentTime + index * 0.45;
        var tone = audio.createOscillator();
        var volume = audio.createGain();
        tone.type = "sine";
        tone.frequency.value = frequency;
        volume.gain.setValueAtTime(0.0001, start);
        volume.gain.exponentialRampToValueAtTime(0.4, start + 0.03);
        volume.gain.exponentialRampToValueAtTime(0.0001, start + 0.9);
        tone.connect(volume).connect(audio.destination);
        tone.start(start);
        tone.stop(start + 1);
      });
    } catch (e) { /* a screen without sound still shows the call */ }
  }

  function speak(call) {
    if (!("speechSynthesis" in window)) { return; }
    var p = parts(call.number);
    var text = call.room
      ? fill(root.dataset.sayRoom, { letter: p.letter, number: p.spoken, room: call.room })
      : fill(root.dataset.say, { letter: p.letter, number: p.spoken, counter: call.counter });
    var utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = root.dataset.lang;
    utterance.rate = 0.9;
    window.setTimeout(function () { window.speechSynthesis.speak(utterance); }, 900);
  }

  function keyOf(call) {
    return call.number + "|" + (call.room || call.counter) + "|" + call.at;
  }

  // The newest call this screen has shown; every call after it is announced, whether the screen
  // hears of it through the stream, the replay after a reconnection, or a fresh read of the state.
  var first = calls.querySelector(".call");
  var lastSeen = first ? first.dataset.key : null;

  function read() {
    return fetch("/api/v1/sites/" + encodeURIComponent(site) + "/display", { headers: { Accept: "application/json", "Accept-Language": document.documentElement.lang } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (state) {
        var shown = state.recent_calls.filter(function (call) { return !zone || call.zone === zone; }).slice(0, 6);
        var fresh = [];
        for (var i = 0; i < shown.length && keyOf(shown[i]) !== lastSeen; i++) { fresh.push(shown[i]); }
        if (shown.length > 0) { lastSeen = keyOf(shown[0]); }
        drawCalls(shown, fresh.length > 0);
        drawCounts(state.waiting);
        if (fresh.length > 0) {
          chime();
          fresh.reverse().forEach(speak);
        }
      })
      .catch(function () { /* the next change or reconnection reads again */ });
  }

  // One read at a time, in order, so a call is announced once.
  var reading = Promise.resolve();
  function refresh() {
    reading = reading.then(read);
    return reading;
  }

  tick();
  window.setInterval(tick, 1000);
  if (!("EventSource" in window)) {
    window.setInterval(refresh, 5000);
    return;
  }
  var events = new EventSource("/api/v1/sites/" + encodeURIComponent(site) + "/events");
  events.addEventListener("called", refresh);
  events.addEventListener("changed", refresh);
  // Read the whole state on every (re)connection: what happened between rendering the page and
  // the stream starting, or while the connection was lost, is never missed.
  events.addEventListener("open", refresh);
}());
