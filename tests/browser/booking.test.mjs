import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { accessibilityViolations, launchBrowser, newPage, screenshot, startLoket } from "./harness.mjs";

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

  await Promise.all([page.waitForNavigation(), page.click("text=Uw afspraak verplaatsen")]);
  await Promise.all([page.waitForNavigation(), page.click('a[href$="date=2026-12-14"]')]);
  await Promise.all([page.waitForNavigation(), page.click("button.time-button >> text=18.00 uur")]);
  assert.match(await page.textContent(".check-list"), /maandag 14 december 2026 om 18\.00 uur/);

  await Promise.all([page.waitForNavigation(), page.click("text=Uw afspraak annuleren")]);
  await accessible(page, "booking-cancel-nl");
  await submit(page);
  assert.match(await page.textContent("main"), /Deze afspraak is geannuleerd/);
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
