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

for (const language of ["nl", "fr", "en"]) {
  test(`the site page and the zone form in ${language} have no WCAG 2.1 AA violations, also with errors`, async () => {
    const page = await newPage(browser, language);
    await signIn(page, loket.base, "admin");
    await page.goto(`${loket.base}/admin/sites/stadskantoor`);
    assert.equal(await page.getAttribute("html", "lang"), language);
    assert.equal(await page.textContent("h1"), "Stadskantoor Leuven");
    assert.deepEqual(await accessibilityViolations(page), []);
    if (language === "nl") await screenshot(page, "admin-site-nl");

    await page.goto(`${loket.base}/admin/sites/stadskantoor/zones/B`);
    assert.deepEqual(await accessibilityViolations(page), []);

    await page.fill("#f-colour", "#facc15");
    await Promise.all([page.waitForNavigation(), page.click("form.admin-form button[type=submit]")]);
    assert.ok(await page.isVisible(".error-summary"));
    assert.equal(await page.inputValue("#f-colour"), "#facc15");
    assert.deepEqual(await accessibilityViolations(page), []);
    await page.context().close();
  });
}

test("an administrator renames zone B and sees the new name on the site page", async () => {
  const page = await newPage(browser, "nl");
  await signIn(page, loket.base, "admin");
  await page.goto(`${loket.base}/admin`);
  await Promise.all([page.waitForNavigation(), page.click("text=Vestigingen")]);
  await Promise.all([page.waitForNavigation(), page.click("text=Stadskantoor Leuven")]);
  await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: "Zone B wijzigen" }).click()]);
  assert.match(await page.textContent("h1"), /Zone B wijzigen/);
  assert.equal(await page.inputValue("#f-name_nl"), "Burgerzaken");

  await page.fill("#f-name_nl", "Burgerzaken en identiteit");
  await Promise.all([page.waitForNavigation(), page.click("form.admin-form button[type=submit]")]);
  assert.equal(new URL(page.url()).pathname, "/admin/sites/stadskantoor");
  assert.match(await page.textContent(".notice"), /opgeslagen/);
  const zoneB = page.locator("tr", { has: page.locator(".zone-badge.zone-B") }).first();
  assert.match(await zoneB.textContent(), /Burgerzaken en identiteit/);
  await page.context().close();
});
