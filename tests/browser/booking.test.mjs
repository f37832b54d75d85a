import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { accessibilityViolations, launchBrowser, mailPart, newPage, screenshot, signIn, startLoket, startSmtpSink } from "./harness.mjs";

let sink;
let loket;
let browser;
before(async () => {
  sink = await startSmtpSink();
  loket = await startLoket({ smtp: sink.url });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await loket?.stop();
  await sink?.stop();
});

async function accessible(page, name) {
  assert.deepEqual(await accessibilityViolations(page), [], name);
  await screenshot(page, name);
}

async function submit(page, selector = "main button[type=submit].button") {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

test("a citizen books an eID for two persons, gets a code, then moves and cancels", async () => {
  const page = await newPage(browser, "nl");
  await page.goto(loket.base);
  await Promise.all([page.waitForNavigation(), page.click("text=Maak een afspraak")]);
  await accessible(page, "booking-products-nl");

  await submit(page);
  assert.match(await page.textContent(".error-summary"), /Kies minstens één product/);
  await page.check("#product-eid-aanvraag");
  await submit(page);
  await page.selectOption("#persons-eid-aanvraag", "2");
  await accessible(page, "booking-persons-nl");
  await submit(page);

  assert.match(await page.textContent(".visit-summary"), /2 × Identiteitskaart \(eID\) aanvragen/);
  await accessible(page, "booking-day-nl");
  await Promise.all([page.waitForNavigation(), page.click('a[href$="date=2026-12-10"]')]);
  await accessible(page, "booking-time-nl");
  await Promise.all([page.waitForNavigation(), page.click("button.time-button >> text=10.00 uur")]);

  await page.fill("#f-name", "An Peeters");
  await page.fill("#f-email", "an.peeters");
  await submit(page);
  assert.match(await page.textContent(".error-summary"), /geldig e-mailadres/);
  assert.equal(await page.inputValue("#f-name"), "An Peeters");
  await accessible(page, "booking-details-error-nl");
  await page.fill("#f-email", "an.peeters@example.be");
  await submit(page);
  assert.match(await page.textContent(".check-list"), /donderdag 10 december 2026 om 10\.00 uur/);
  await accessible(page, "booking-check-nl");
  await submit(page, "form[action='/appointments/new/confirm'] button");

  assert.match(await page.textContent("h1"), /Uw afspraak is gemaakt/);
  const code = (await page.textContent(".booking-code")).trim();
  assert.match(code, /^[A-Z2-9]{7}$/);
  assert.ok(await page.isVisible(".qr svg"));
  await accessible(page, "booking-confirmation-nl");
  await page.context().close();

  // The confirmation arrives at the mail server with the calendar file and the secret link.
  const citizen = (address) => (mail) => mail.rcpt_tos.includes(address);
  const confirmation = await sink.waitForMail(citizen("an.peeters@example.be"));
  assert.match(confirmation.subject, /^Uw afspraak bij .*: donderdag 10 december 2026 om 10\.00 uur$/);
  const calendar = mailPart(confirmation, "text/calendar");
  assert.ok(calendar, "the .ics is attached");
  assert.match(calendar.body, /DTSTART:20261210T090000Z/);
  assert.match(mailPart(confirmation, "text/html").body, new RegExp(code));
  const link = mailPart(confirmation, "text/plain").body.match(/http:\/\/\S+\/appointments\/manage\/[A-Za-z0-9_-]+/)[0];
  assert.ok(link.startsWith(loket.base), link);

  // The citizen follows the link from the mail in a new browser, moves and cancels.
  const fromMail = await newPage(browser, "nl");
  await fromMail.goto(link);
  assert.equal(await fromMail.textContent(".booking-code"), code);
  await accessible(fromMail, "booking-manage-from-mail-nl");
  await Promise.all([fromMail.waitForNavigation(), fromMail.click("text=Uw afspraak verplaatsen")]);
  await Promise.all([fromMail.waitForNavigation(), fromMail.click('a[href$="date=2026-12-14"]')]);
  await Promise.all([fromMail.waitForNavigation(), fromMail.click("button.time-button >> text=18.00 uur")]);
  assert.match(await fromMail.textContent(".check-list"), /maandag 14 december 2026 om 18\.00 uur/);
  const moved = await sink.waitForMail((mail) => citizen("an.peeters@example.be")(mail) && /is verplaatst/.test(mail.subject));
  assert.match(moved.subject, /maandag 14 december 2026 om 18\.00 uur/);

  await Promise.all([fromMail.waitForNavigation(), fromMail.click("text=Uw afspraak annuleren")]);
  await accessible(fromMail, "booking-cancel-nl");
  await submit(fromMail);
  assert.match(await fromMail.textContent("main"), /Deze afspraak is geannuleerd/);
  await sink.waitForMail((mail) => citizen("an.peeters@example.be")(mail) && /is geannuleerd/.test(mail.subject));
  await fromMail.context().close();
});

test("a telephonist books for a caller, also within the lead time, then finds the visit", async () => {
  const page = await newPage(browser, "nl");
  await signIn(page, loket.base, "telefoon");
  await Promise.all([page.waitForNavigation(), page.click("text=Afspraak maken voor een burger")]);
  assert.match(await page.textContent("main"), /U boekt voor een burger aan de telefoon of de balie/);
  await page.check("#product-rijbewijs");
  await page.check("#soon");
  await accessible(page, "staff-book-products-nl");
  await submit(page);
  await submit(page);
  await Promise.all([page.waitForNavigation(), page.click('a[href$="date=2026-12-03"]')]);
  await accessible(page, "staff-book-time-nl");
  await Promise.all([page.waitForNavigation(), page.click("button.time-button >> text=10.30 uur")]);

  await page.fill("#f-name", "Jan Peeters");
  await page.fill("#f-phone", "0470 12 34 56");
  await page.selectOption("#f-locale", "fr");
  await accessible(page, "staff-book-details-nl");
  await submit(page);
  assert.match(await page.textContent(".check-list"), /donderdag 3 december 2026 om 10\.30 uur/);
  await submit(page, "form[action='/staff/book/confirm?soon=1'] button");

  assert.match(await page.textContent("h1"), /De afspraak is gemaakt/);
  const code = (await page.textContent(".booking-code")).trim();
  await accessible(page, "staff-booked-nl");

  await page.goto(`${loket.base}/staff/appointments/find`);
  await page.fill("#f-q", code.toLowerCase());
  await Promise.all([page.waitForNavigation(), page.click("main button[type=submit]")]);
  assert.match(await page.textContent("table"), /Jan Peeters/);
  await accessible(page, "staff-find-nl");
  await Promise.all([page.waitForNavigation(), page.click(`a >> text=${code}`)]);
  await Promise.all([page.waitForNavigation(), page.click("text=Afspraak annuleren")]);
  await accessible(page, "staff-cancel-nl");
  await submit(page);
  assert.match(await page.textContent(".check-list"), /Geannuleerd/);
  await page.context().close();
});

for (const language of ["fr", "en"]) {
  test(`the booking pages in ${language} have no WCAG 2.1 AA violations`, async () => {
    const page = await newPage(browser, language);
    await page.goto(`${loket.base}/appointments/new`);
    assert.equal(await page.getAttribute("html", "lang"), language);
    await accessible(page, `booking-products-${language}`);
    await page.goto(`${loket.base}/appointments/new/day?products=rijbewijs&month=2026-12`);
    await accessible(page, `booking-day-${language}`);
    await page.goto(`${loket.base}/appointments/new/time?products=rijbewijs&date=2026-12-10`);
    await accessible(page, `booking-time-${language}`);
    await page.context().close();
  });
}

test("counter staff see the day agenda of their zone", async () => {
  const booking = { site: "stadskantoor", products: ["rijbewijs"], start: "2026-12-10T14:00:00+01:00", name: "Bart Claes", email: "bart@example.be" };
  const response = await fetch(`${loket.base}/api/v1/appointments`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(booking) });
  assert.equal(response.status, 201);
  const page = await newPage(browser, "nl");
  await page.goto(`${loket.base}/staff/login`);
  await page.fill("#f-username", "balie1");
  await page.fill("#f-password", "demo");
  await submit(page);
  await Promise.all([page.waitForNavigation(), page.click("text=Afspraken van de dag")]);
  await page.goto(`${loket.base}/staff/appointments?date=2026-12-10&zone=B`);
  assert.match(await page.textContent(".data-table"), /Bart Claes/);
  await accessible(page, "staff-agenda-nl");
  await page.context().close();
});
