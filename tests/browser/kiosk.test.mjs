import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { accessibilityViolations, launchBrowser, newPage, screenshot, signIn, startLoket } from "./harness.mjs";

let loket;
let browser;
before(async () => {
  loket = await startLoket();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await loket?.stop();
});

async function accessible(page, name) {
  assert.deepEqual(await accessibilityViolations(page), [], name);
  await screenshot(page, name);
}

async function tap(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

/** A page the size of a kiosk's touch screen standing upright. */
async function kioskPage(language = "nl") {
  const page = await newPage(browser, language);
  await page.setViewportSize({ width: 1080, height: 1700 });
  return page;
}

test("a citizen taps a rubric and a product, and gets a ticket on screen and on paper", async () => {
  const page = await kioskPage();
  await page.goto(`${loket.base}/kiosk/stadskantoor`);
  assert.match(await page.textContent("h1"), /Welkom/);
  assert.ok(await page.isVisible("text=Ik heb een afspraak"));
  assert.ok(await page.isVisible(".kiosk-languages >> text=Français"));
  const height = await page.$eval(".kiosk-grid .kiosk-button", (button) => button.getBoundingClientRect().height);
  assert.ok(height >= 76, `a touch target is at least 2 cm high (${height}px)`);
  await accessible(page, "kiosk-start-nl");

  await tap(page, "text=Afval");
  assert.ok(await page.isVisible("text=GFT-sticker"));
  await accessible(page, "kiosk-rubric-nl");

  await tap(page, "button:has-text('GFT-sticker')");
  assert.match(page.url(), /\/kiosk\/stadskantoor\/ticket\/[^?]+$/, "the print request leaves the address once printed");
  assert.equal(await page.textContent(".paper-number"), "A001");
  assert.ok(await page.isVisible(".paper-qr svg"));
  assert.match(await page.textContent(".paper-facts"), /nog geen schatting/);
  await accessible(page, "kiosk-ticket-nl");

  // The receipt: only the paper part, on 80 mm.
  await page.setViewportSize({ width: 302, height: 700 });
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isVisible(".kiosk-bar"), false, "no buttons on paper");
  assert.equal(await page.isVisible(".paper-number"), true);
  const size = await page.$eval(".paper-number", (number) => parseFloat(getComputedStyle(number).fontSize));
  assert.ok(size >= 60, `the number is as large as the paper allows (${size}px)`);
  await screenshot(page, "kiosk-ticket-print-nl");
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 1080, height: 1700 });

  // Back to the start for the next citizen.
  await tap(page, ".kiosk-restart");
  assert.match(await page.textContent("h1"), /Welkom/);

  // A product that needs an appointment says how to book it.
  await tap(page, "text=Identiteit");
  await tap(page, "button:has-text('Identiteitskaart (eID) aanvragen')");
  assert.match(await page.textContent("h1"), /Hiervoor maakt u een afspraak/);
  await accessible(page, "kiosk-appointment-only-nl");
  await tap(page, ".kiosk-primary");

  // One on call goes to reception.
  await tap(page, "text=Bouwen");
  await tap(page, "button:has-text('Omgevingsvergunning')");
  assert.match(await page.textContent("h1"), /Ga naar het onthaal/);
  await accessible(page, "kiosk-reception-nl");
  await page.context().close();
});

test("a kiosk page left alone goes back to the start, in the kiosk's own language", async () => {
  const page = await kioskPage("fr");
  await page.clock.install();
  await page.goto(`${loket.base}/kiosk/stadskantoor/rubrics/afval`);
  assert.match(await page.textContent("main"), /Autocollant/);
  await Promise.all([page.waitForURL(`${loket.base}/kiosk/stadskantoor`), page.clock.fastForward(46_000)]);
  assert.match(await page.textContent("h1"), /Welkom/);
  await page.context().close();
});

test("the start page is accessible in French and English", async () => {
  for (const [language, words] of [["fr", /J'ai un rendez-vous/], ["en", /I have an appointment/]]) {
    const page = await kioskPage(language);
    await page.goto(`${loket.base}/kiosk/stadskantoor`);
    assert.match(await page.textContent("main"), words);
    await accessible(page, `kiosk-start-${language}`);
    await page.context().close();
  }
});

test("a citizen with an appointment checks in with the booking code", async () => {
  // An appointment at 10.20 uur, booked by the telephonist within the lead time.
  const staff = await newPage(browser, "nl");
  await signIn(staff, loket.base, "telefoon");
  await tap(staff, "text=Afspraak maken voor een burger");
  await staff.check("#product-rijbewijs");
  await staff.check("#soon");
  await tap(staff, "main button[type=submit].button");
  await tap(staff, "main button[type=submit].button");
  await tap(staff, 'a[href$="date=2026-12-03"]');
  await tap(staff, "button.time-button >> text=10.20 uur");
  await staff.fill("#f-name", "Mira Claes");
  await staff.fill("#f-phone", "0470 12 34 56");
  await tap(staff, "main button[type=submit].button");
  await tap(staff, "form[action='/staff/book/confirm?soon=1'] button");
  const code = (await staff.textContent(".booking-code")).trim();
  await staff.context().close();

  const page = await kioskPage();
  await page.goto(`${loket.base}/kiosk/stadskantoor`);
  await tap(page, "text=Ik heb een afspraak");
  await accessible(page, "kiosk-check-in-nl");

  await page.fill("#f-code", "ZZZZZZZ");
  await tap(page, ".kiosk-check-in button");
  assert.match(await page.textContent(".kiosk-error"), /geen afspraak/);
  assert.match(await page.textContent(".kiosk-error"), /onthaal/);
  assert.equal(await page.inputValue("#f-code"), "ZZZZZZZ", "the typed code is kept");
  await accessible(page, "kiosk-check-in-error-nl");

  await page.fill("#f-code", code.toLowerCase());
  await tap(page, ".kiosk-check-in button");
  assert.match(await page.textContent(".paper-number"), /^B\d{3}$/);
  await page.context().close();
});

test("the phone page says wait, then which counter, as soon as a counter calls", async () => {
  // A floor of its own, so that this ticket is the first a counter calls.
  const floor = await startLoket();
  try {
    const kiosk = await kioskPage();
    await kiosk.goto(`${floor.base}/kiosk/stadskantoor/rubrics/afval`);
    await tap(kiosk, "button:has-text('PMD-zakken')");
    const token = new URL(kiosk.url()).pathname.split("/").pop();
    await kiosk.context().close();

    const phone = await newPage(browser, "nl");
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${floor.base}/t/${token}`);
    assert.match(await phone.textContent("h1"), /Even wachten/);
    assert.match(await phone.textContent(".phone-facts"), /u bent de volgende/);
    await phone.waitForSelector("#phone-live:not([hidden])");
    await accessible(phone, "phone-waiting-nl");

    const { token: bearer } = await (
      await fetch(`${floor.base}/api/v1/auth/token`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ username: "balie1", password: "demo" }),
      })
    ).json();
    const counter = (action) =>
      fetch(`${floor.base}/api/v1/counters/stadskantoor/1/${action}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${bearer}`, "Content-Type": "application/json" },
        body: "{}",
      });
    assert.equal((await counter("sign-in")).status, 204);
    assert.equal((await counter("call-next")).status, 200);

    await phone.waitForFunction(() => /Ga naar loket 1/.test(document.querySelector("h1").textContent), null, { timeout: 1000 });
    assert.ok(await phone.isVisible(".state-called"));
    await accessible(phone, "phone-called-nl");

    await phone.goto(`${floor.base}/t/no-such-ticket`);
    assert.match(await phone.textContent("h1"), /Ticket niet gevonden/);
    await accessible(phone, "phone-unknown-nl");
    await phone.context().close();
  } finally {
    await floor.stop();
  }
});

test("on Sunday the kiosk says the office is closed", async () => {
  const sunday = await startLoket({ now: "2026-12-06T11:00:00+01:00" });
  try {
    const page = await kioskPage();
    await page.goto(`${sunday.base}/kiosk/stadskantoor/rubrics/afval`);
    await tap(page, "button:has-text('GFT-sticker')");
    assert.match(await page.textContent("h1"), /gesloten/);
    assert.match(await page.textContent("main"), /maandag 7 december 2026/);
    await accessible(page, "kiosk-closed-nl");
    await page.context().close();
  } finally {
    await sunday.stop();
  }
});
