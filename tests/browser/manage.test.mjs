// The management view in the browser: a manager watches the floor's figures per zone change live
// as kiosks hand out tickets and a counter opens, and reads the history per day with its chart;
// without WCAG 2.1 AA violations, in each language.
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

async function api(path, body, token) {
  const headers = { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) };
  return fetch(`${loket.base}${path}`, { method: "POST", headers, body: JSON.stringify(body) });
}

test("the manager sees the waiting and the counter pressure change live", async () => {
  const page = await newPage(browser, "nl");
  await signIn(page, loket.base, "manager");
  await Promise.all([page.waitForNavigation(), page.click("main a[href='/manage']")]);
  assert.equal(await page.textContent('[data-zone-waiting="A"]'), "0");
  assert.deepEqual(await accessibilityViolations(page), []);

  for (let i = 0; i < 5; i++) {
    const response = await api("/api/v1/tickets", { site: "stadskantoor", product: "rijbewijs-afhalen" });
    assert.equal(response.status, 201);
  }
  await page.waitForFunction(() => document.querySelector('[data-zone-waiting="A"]').textContent === "5");
  assert.equal(await page.textContent('[data-zone-pressure="A"]'), "geen loket open");

  const session = await (await api("/api/v1/auth/token", { username: "balie1", password: "demo" })).json();
  assert.equal((await api("/api/v1/counters/stadskantoor/1/sign-in", {}, session.token)).status, 204);
  await page.waitForFunction(() => document.querySelector('[data-zone-pressure="A"]').textContent === "5,0");
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, "manage-live");

  await Promise.all([page.waitForNavigation(), page.click("main a[href^='/manage/history']")]);
  assert.match(await page.textContent("h1"), /Geschiedenis/);
  assert.equal(await page.locator(".chart-bar").count(), 30, "a bar for each of the last 30 days");
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, "manage-history");
  await page.fill("#f-from", "gisteren");
  await Promise.all([page.waitForNavigation(), page.click("form.history-form button[type=submit]")]);
  assert.match(await page.textContent(".error-summary"), /JJJJ-MM-DD/);
  assert.equal(await page.inputValue("#f-from"), "gisteren");
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.context().close();
});

for (const [language, heading] of [["fr", /Le plateau maintenant/], ["en", /The floor now/]]) {
  test(`the management view reads in ${language}`, async () => {
    const page = await newPage(browser, language);
    await signIn(page, loket.base, "manager");
    await page.goto(`${loket.base}/manage`);
    assert.match(await page.textContent("h1"), heading);
    assert.deepEqual(await accessibilityViolations(page), []);
    await page.goto(`${loket.base}/manage/history`);
    assert.equal(await page.getAttribute("html", "lang"), language);
    assert.deepEqual(await accessibilityViolations(page), []);
    await page.context().close();
  });
}
