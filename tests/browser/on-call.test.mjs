// The counter on call, each part in its own browser as in the office: reception summons the
// building department for a citizen with plans, the employee in the back office is alerted live and
// accepts, and the waiting-room screen calls the citizen to the meeting room with the large table.
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

async function accessible(page, name) {
  assert.deepEqual(await accessibilityViolations(page), [], name);
}

test("reception summons the building department, the back office accepts and the screen calls to the room", async () => {
  const backOffice = await newPage(browser, "nl");
  await backOffice.context().grantPermissions(["notifications"]);
  await signIn(backOffice, loket.base, "backoffice1");
  await backOffice.goto(`${loket.base}/backoffice`);
  await go(backOffice, "button:has-text('In de backoffice')");
  assert.equal(await backOffice.getAttribute("button[value=back_office]", "aria-pressed"), "true");
  await accessible(backOffice, "back office, nobody waiting");
  const following = backOffice.waitForResponse((r) => r.url().endsWith("/backoffice") && r.request().method() === "GET");
  await backOffice.reload();
  await following;

  const screen = await newPage(browser, "nl");
  await screen.setViewportSize({ width: 1920, height: 1080 });
  const screenReady = screen.waitForResponse((r) => r.url().includes("/api/v1/sites/stadskantoor/display"));
  await screen.goto(`${loket.base}/display/stadskantoor`);
  await screenReady;

  const reception = await newPage(browser, "nl");
  await signIn(reception, loket.base, "onthaal");
  await reception.goto(`${loket.base}/reception/on-call/new`);
  await accessible(reception, "summons form");
  await reception.selectOption("#f-product", "bouwaanvraag");
  await reception.fill("#f-citizen_name", "An Claes");
  await reception.fill("#f-note", "Brengt de bouwplannen mee");
  await reception.selectOption("#f-room", "spreekruimte-1");
  await screenshot(reception, "summons-form");
  await go(reception, "button:has-text('Medewerker oproepen')");
  assert.equal(await reception.textContent(".paper-number"), "E001");
  assert.match(await reception.textContent("#summons-status"), /Wacht op een medewerker/);
  await accessible(reception, "summons page");
  await screenshot(reception, "summons");

  // The back office hears of it without a reload.
  await backOffice.waitForFunction(() => /Nieuwe oproep: E001/.test(document.getElementById("on-call-alert").textContent), null, { timeout: 3000 });
  assert.match(await backOffice.textContent("#waiting-requests"), /An Claes/);
  await accessible(backOffice, "back office with a request");
  await screenshot(backOffice, "backoffice-alert");

  await go(backOffice, "button:has-text('Oproep E001 aannemen')");
  await reception.waitForFunction(() => /Spreekruimte 1/.test(document.getElementById("summons-status").textContent), null, { timeout: 3000 });
  assert.match(await backOffice.textContent("#my-visit"), /naar Spreekruimte 1/);
  await screen.waitForSelector(`.call-newest[data-number="E001"][data-room="Spreekruimte 1"]`, { timeout: 1000 });
  assert.match(await screen.textContent(".call-newest .call-counter"), /Spreekruimte 1/);
  await screenshot(screen, "on-call-screen");

  await go(backOffice, "button:has-text('De burger is er')");
  await screenshot(backOffice, "backoffice-serving");
  await accessible(backOffice, "back office serving");
  await backOffice.check("#tx-bouwaanvraag");
  await go(backOffice, "button:has-text('Afsluiten')");
  assert.match(await backOffice.textContent(".notice"), /terug in de backoffice/);
  assert.equal(await backOffice.getAttribute("button[value=back_office]", "aria-pressed"), "true");
  await screenshot(backOffice, "backoffice-back");

  await reception.waitForFunction(() => /Afgehandeld/.test(document.getElementById("summons-status").textContent), null, { timeout: 3000 });
  for (const page of [backOffice, screen, reception]) await page.context().close();
});
