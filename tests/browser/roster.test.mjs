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

/** The free starts of an eID appointment on one day, as the API gives them. */
async function freeTimes(day) {
  const response = await fetch(`${loket.base}/api/v1/availability?site=stadskantoor&products=eid-aanvraag&from=${day}&to=${day}`);
  return (await response.json()).slots;
}

for (const language of ["nl", "fr", "en"]) {
  test(`the roster pages in ${language} have no WCAG 2.1 AA violations, also with errors`, async () => {
    const page = await newPage(browser, language);
    await signIn(page, loket.base, "manager");
    await page.goto(`${loket.base}/staff/roster`);
    assert.equal(await page.getAttribute("html", "lang"), language);
    assert.deepEqual(await accessibilityViolations(page), []);

    await page.goto(`${loket.base}/staff/roster/stadskantoor/B`);
    assert.deepEqual(await accessibilityViolations(page), []);
    await screenshot(page, `roster-zone-${language}`);

    await page.goto(`${loket.base}/staff/roster/stadskantoor/B/blocks/new?weekday=6`);
    assert.deepEqual(await accessibilityViolations(page), []);
    await page.fill("#f-from", "09:00");
    await page.fill("#f-until", "08:00");
    await page.fill("#f-counters", "2");
    await page.fill("#f-walk_in", "3");
    await Promise.all([page.waitForNavigation(), page.click("form.admin-form button[type=submit]")]);
    assert.ok(await page.isVisible(".error-summary"));
    assert.equal(await page.inputValue("#f-walk_in"), "3");
    assert.equal(await page.inputValue("#f-weekday"), "6");
    assert.deepEqual(await accessibilityViolations(page), []);
    if (language === "nl") await screenshot(page, "roster-block-error-nl");

    await page.goto(`${loket.base}/staff/roster/stadskantoor/B/dates/new`);
    assert.deepEqual(await accessibilityViolations(page), []);
    await page.context().close();
  });
}

test("a manager keeps counters for walk-ins and plans a staff outing; the free times follow", async () => {
  assert.equal((await freeTimes("2026-12-10"))[0].remaining, 6);
  const page = await newPage(browser, "nl");
  await signIn(page, loket.base, "manager");
  await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: "Loketroosters" }).click()]);
  await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: "Zone B" }).click()]);
  assert.match(await page.textContent("h1"), /Rooster van zone B/);

  await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: "Wijzigen donderdag" }).click()]);
  assert.equal(await page.inputValue("#f-counters"), "8");
  await page.fill("#f-walk_in", "5");
  await Promise.all([page.waitForNavigation(), page.click("form.admin-form button[type=submit]")]);
  assert.equal(new URL(page.url()).pathname, "/staff/roster/stadskantoor/B");
  assert.match(await page.textContent(".notice"), /opgeslagen/);
  const thursday = page.locator("tbody", { has: page.locator("th", { hasText: "donderdag" }) });
  assert.match(await thursday.textContent(), /8\s*5\s*3/);
  assert.equal((await freeTimes("2026-12-10"))[0].remaining, 3);

  await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: "Dag toevoegen" }).click()]);
  await page.fill("#f-date", "2026-12-10");
  await page.fill("#f-note", "Personeelsuitstap");
  await page.check("#start-none");
  await Promise.all([page.waitForNavigation(), page.click("form.admin-form button[type=submit]")]);
  assert.equal(new URL(page.url()).pathname, "/staff/roster/stadskantoor/B/dates/2026-12-10");
  assert.match(await page.textContent("h1"), /donderdag 10 december 2026/);
  assert.match(await page.textContent("main"), /geen afspraken/);
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, "roster-date-nl");
  assert.deepEqual(await freeTimes("2026-12-10"), []);
  assert.equal((await freeTimes("2026-12-17"))[0].remaining, 3, "the next Thursday keeps the weekly roster");
  await page.context().close();
});

test("an administrator reaches a zone's roster from the site overview", async () => {
  const page = await newPage(browser, "nl");
  await signIn(page, loket.base, "admin");
  await page.goto(`${loket.base}/admin/sites/stadskantoor`);
  await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: "Rooster van zone C" }).click()]);
  assert.equal(new URL(page.url()).pathname, "/staff/roster/stadskantoor/C");
  assert.match(await page.textContent("h1"), /Rooster van zone C: Vreemdelingenzaken/);
  const thursday = page.locator("tbody", { has: page.locator("th", { hasText: "donderdag" }) });
  assert.match(await thursday.textContent(), /4\s*1\s*3/, "four staffed, one for walk-ins, three for appointments");
  await page.context().close();
});
