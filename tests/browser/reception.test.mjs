// Reception at the door: the floor at a glance that follows the counters live, a ticket handed out
// for a visitor who does not use the kiosk, an answered question noted, and a late appointment
// checked in anyway.
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

async function go(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

test("reception hands out a ticket and sees the floor change live", async () => {
  const desk = await newPage(browser, "nl");
  await signIn(desk, loket.base, "onthaal");
  await desk.goto(`${loket.base}/reception`);
  assert.deepEqual(await accessibilityViolations(desk), []);

  // Nothing chosen: the same page says what is missing, and nothing is handed out.
  await go(desk, "button:has-text('Ticket geven')");
  assert.match(await desk.textContent(".error-summary"), /Kies een dienst uit de lijst/);
  assert.equal(await desk.textContent('[data-zone-waiting="B"]'), "0");

  // A passport is by appointment only at the kiosk; reception may still send a visitor to zone B.
  await desk.selectOption("#f-ticket_product", "reispas-aanvraag");
  await go(desk, "button:has-text('Ticket geven')");
  assert.equal(await desk.textContent(".paper-number"), "B001");
  assert.match(await desk.textContent("h1"), /Ticket B001 gegeven/);
  await screenshot(desk, "reception-ticket");
  assert.deepEqual(await accessibilityViolations(desk), []);

  await go(desk, "text=Terug naar het onthaal");
  assert.equal(await desk.textContent('[data-zone-waiting="B"]'), "1");
  await screenshot(desk, "reception");

  // A counter opens in another browser: reception sees it without reloading.
  const counter = await newPage(browser, "nl");
  await signIn(counter, loket.base, "balie1");
  await counter.goto(`${loket.base}/counter`);
  await go(counter, "button:has-text('Werk aan loket 4')");
  await desk.waitForSelector('[data-counter="4"].reception-counter-open', { timeout: 2000 });
  assert.match(await desk.textContent('[data-counter="4"]'), /Jan Janssens/);
  await go(counter, "#call-next");
  await desk.waitForFunction(() => document.querySelector('[data-zone-waiting="B"]').textContent === "0", null, { timeout: 2000 });
  assert.match(await desk.textContent('[data-counter="4"]'), /Bedient B001/);
});

test("reception notes an answered question by subject", async () => {
  const desk = await newPage(browser, "fr");
  await signIn(desk, loket.base, "onthaal");
  await desk.goto(`${loket.base}/reception`);
  await desk.selectOption("#f-question_product", "gft-sticker");
  await go(desk, "button:has-text('Noter la question')");
  assert.match(await desk.textContent("[role=status]"), /Noté : une question sur Autocollant déchets organiques/);
  assert.match(await desk.textContent(".reception-actions"), /1 question notée aujourd'hui/);
});

test("reception checks in a citizen who is too early for the kiosk", async () => {
  // A booking for 12.00 today, made by phone with the lead time lifted.
  const phone = await newPage(browser, "nl");
  await signIn(phone, loket.base, "telefoon");
  await phone.goto(`${loket.base}/staff/book`);
  await phone.check("#product-rijbewijs");
  await phone.check("#soon");
  await go(phone, "main button[type=submit]");
  await go(phone, "main button[type=submit]");
  await go(phone, 'a[href$="date=2026-12-03"]');
  await go(phone, "button.time-button >> text=12.00 uur");
  await phone.fill("#f-name", "Mieke Smets");
  await go(phone, "main button[type=submit]");
  await go(phone, "form[action='/staff/book/confirm?soon=1'] button");
  const code = (await phone.textContent(".booking-code")).trim();

  // At 10.00 the kiosk says it is too early; reception finds the appointment and checks it in.
  const desk = await newPage(browser, "nl");
  await signIn(desk, loket.base, "onthaal");
  await desk.goto(`${loket.base}/reception`);
  await desk.fill("#f-appointment", code);
  await go(desk, "button:has-text('Zoeken')");
  await go(desk, `a >> text=${code}`);
  assert.match(await desk.textContent("main"), /Mieke Smets/);
  assert.deepEqual(await accessibilityViolations(desk), []);
  await go(desk, "button:has-text('Nu aanmelden en ticket geven')");
  assert.match(await desk.textContent("main"), new RegExp(`Ingecheckt voor afspraak ${code}`));
  assert.match(await desk.textContent(".paper-number"), /^B\d{3}$/);

  // Once checked in, the appointment offers no second check-in.
  await desk.goBack();
  await desk.reload();
  assert.equal(await desk.locator("text=Nu aanmelden en ticket geven").count(), 0);
});

test("reception follows the counter on call live: who is in, who waits, who accepted where", async () => {
  const backOffice = await newPage(browser, "nl");
  await signIn(backOffice, loket.base, "backoffice1");
  await backOffice.goto(`${loket.base}/backoffice`);

  const desk = await newPage(browser, "nl");
  await signIn(desk, loket.base, "onthaal");
  await desk.goto(`${loket.base}/reception`);
  assert.match(await desk.textContent(".reception-back-office"), /Koen Wouters: Niet aan het werk/);

  await go(backOffice, "button:has-text('In de backoffice')");
  await desk.waitForFunction(() => /Koen Wouters: In de backoffice/.test(document.querySelector(".reception-back-office").textContent), null, { timeout: 2000 });

  await go(desk, "a:has-text('Medewerker oproepen')");
  await desk.selectOption("#f-product", "milieu-advies");
  await desk.fill("#f-citizen_name", "Jef Wouters");
  await go(desk, "button:has-text('Medewerker oproepen')");
  await go(desk, "text=Terug naar het onthaal");
  const line = desk.locator(".reception-on-call tbody tr").first();
  assert.match(await line.textContent(), /Milieu en energie \(advies\)/);
  assert.match(await line.textContent(), /Jef Wouters/);
  assert.match(await line.textContent(), /Wacht op een medewerker/);
  assert.deepEqual(await accessibilityViolations(desk), []);

  await backOffice.reload();
  await go(backOffice, "button:has-text('aannemen')");
  await desk.waitForFunction(() => /Loket 18/.test(document.querySelector(".reception-on-call").textContent), null, { timeout: 2000 });
  assert.match(await line.textContent(), /Koen Wouters/);
  assert.match(await desk.textContent(".reception-back-office"), /Koen Wouters: Aan een loket of in een spreekruimte/);
  assert.match(await desk.textContent('[data-counter="18"]'), /Open/);
  await screenshot(desk, "reception-on-call");
});
