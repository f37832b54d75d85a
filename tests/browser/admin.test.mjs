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

test("a wrong password keeps the username and says what is wrong", async () => {
  const page = await newPage(browser, "nl");
  await signIn(page, loket.base, "admin", "wrong password");
  assert.equal(await page.inputValue("#f-username"), "admin");
  assert.match(await page.textContent(".error-summary"), /gebruikersnaam of het wachtwoord is niet juist/);
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.context().close();
});

for (const language of ["nl", "fr", "en"]) {
  test(`the admin product form in ${language} has no WCAG 2.1 AA violations, also with errors`, async () => {
    const page = await newPage(browser, language);
    await signIn(page, loket.base, "admin");
    await page.goto(`${loket.base}/admin/products/eid-aanvraag`);
    assert.equal(await page.getAttribute("html", "lang"), language);
    assert.deepEqual(await accessibilityViolations(page), []);
    await screenshot(page, `admin-product-form-${language}`);

    await page.fill("#f-minutes", "0");
    await Promise.all([page.waitForNavigation(), page.click("form.admin-form button[type=submit]")]);
    assert.ok(await page.isVisible(".error-summary"));
    assert.deepEqual(await accessibilityViolations(page), []);
    await page.context().close();
  });
}

test("an administrator edits a product; a bad value is explained and nothing typed is lost", async () => {
  const page = await newPage(browser, "nl");
  await signIn(page, loket.base, "admin");
  await page.goto(`${loket.base}/admin/products`);
  await screenshot(page, "admin-products-nl");
  await Promise.all([page.waitForNavigation(), page.click("text=Stadsplan")]);

  await page.fill("#f-fee", "twee euro");
  await page.fill("#f-description_nl", "Een gratis plattegrond van Leuven met alle stadsdiensten.");
  await Promise.all([page.waitForNavigation(), page.click("form.admin-form button[type=submit]")]);
  assert.match(await page.textContent(".error-summary"), /Vul een bedrag in euro in/);
  assert.equal(await page.inputValue("#f-fee"), "twee euro");
  assert.equal(await page.inputValue("#f-description_nl"), "Een gratis plattegrond van Leuven met alle stadsdiensten.");
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains("error-summary")), true);
  await screenshot(page, "admin-product-form-error-nl");

  await page.fill("#f-fee", "1,50");
  await Promise.all([page.waitForNavigation(), page.click("form.admin-form button[type=submit]")]);
  assert.match(await page.textContent(".notice"), /opgeslagen/);
  await page.goto(`${loket.base}/products/stadsplan`);
  assert.match(await page.textContent(".facts"), /€ 1,50/);
  assert.match(await page.textContent(".lead"), /gratis plattegrond van Leuven/);
  await page.context().close();
});

test("a counter employee is refused the administration", async () => {
  const page = await newPage(browser, "en");
  await signIn(page, loket.base, "balie1");
  assert.match(await page.textContent("h1"), /Welcome, Jan Janssens/);
  const response = await page.goto(`${loket.base}/admin/products`);
  assert.equal(response.status(), 403);
  assert.match(await page.textContent("h1"), /No access/);
  await page.context().close();
});

test("an administrator creates a staff account that can then sign in", async () => {
  const page = await newPage(browser, "nl");
  await signIn(page, loket.base, "admin");
  await page.goto(`${loket.base}/admin/users/new`);
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.fill("#f-username", "jan.peeters");
  await page.fill("#f-display_name", "Jan Peeters");
  await page.check("#role-counter");
  await page.fill("#f-password", "kort");
  await Promise.all([page.waitForNavigation(), page.click("form.admin-form button[type=submit]")]);
  assert.match(await page.textContent(".error-summary"), /minstens 10 tekens/);
  assert.equal(await page.inputValue("#f-username"), "jan.peeters");
  assert.ok(await page.isChecked("#role-counter"));
  await page.fill("#f-password", "een lang genoeg wachtwoord");
  await Promise.all([page.waitForNavigation(), page.click("form.admin-form button[type=submit]")]);
  assert.match(await page.textContent(".data-table"), /Jan Peeters/);

  const colleague = await newPage(browser, "nl");
  await signIn(colleague, loket.base, "jan.peeters", "een lang genoeg wachtwoord");
  assert.match(await colleague.textContent("h1"), /Welkom, Jan Peeters/);
  await colleague.context().close();
  await page.context().close();
});

test("the opening hours and closing days pages have no WCAG 2.1 AA violations", async () => {
  const page = await newPage(browser, "nl");
  await signIn(page, loket.base, "admin");
  for (const [path, name] of [
    ["/admin/sites/stadskantoor/hours", "admin-hours-nl"],
    ["/admin/sites/stadskantoor/closing-days", "admin-closing-days-nl"],
    ["/admin/sites/stadskantoor/closing-days/rules/new", "admin-closing-rule-nl"],
    ["/admin/sites/stadskantoor/counters/7", "admin-counter-nl"],
  ]) {
    await page.goto(loket.base + path);
    assert.deepEqual(await accessibilityViolations(page), [], path);
    await screenshot(page, name);
  }
  await page.goto(`${loket.base}/admin/sites/stadskantoor/hours`);
  await page.fill("#f-counters-3", "9 tot 5");
  await Promise.all([page.waitForNavigation(), page.click("form.admin-form button[type=submit]")]);
  assert.equal(await page.inputValue("#f-counters-3"), "9 tot 5");
  assert.match(await page.textContent(".error-summary"), /Vul een uur in/);
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.context().close();
});

test("the kiosk rubric pages have no WCAG 2.1 AA violations and keep the kiosk order", async () => {
  const page = await newPage(browser, "nl");
  await signIn(page, loket.base, "admin");
  await page.goto(`${loket.base}/admin`);
  await Promise.all([page.waitForNavigation(), page.click("a[href='/admin/rubrics']")]);
  assert.match(await page.textContent("h1"), /Rubrieken op de ticketzuil/);
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, "admin-rubrics-nl");

  await page.goto(`${loket.base}/admin/rubrics/new`);
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.fill("#f-code", "Sport Club");
  await page.fill("#f-name_nl", "Sport");
  await Promise.all([page.waitForNavigation(), page.click("form.admin-form button[type=submit]")]);
  assert.match(await page.textContent(".error-summary"), /Vul de naam in het Frans in/);
  assert.equal(await page.inputValue("#f-code"), "Sport Club");
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, "admin-rubric-form-errors-nl");
  await page.fill("#f-code", "sport");
  await page.fill("#f-name_fr", "Sport");
  await page.fill("#f-name_en", "Sports");
  await Promise.all([page.waitForNavigation(), page.click("form.admin-form button[type=submit]")]);
  assert.match(await page.textContent(".notice"), /opgeslagen/);
  const rows = await page.$$eval(".data-table tbody tr td:nth-child(3)", (cells) => cells.map((c) => c.textContent));
  assert.equal(rows[rows.length - 1], "sport");

  await Promise.all([page.waitForNavigation(), page.click("form[action='/admin/rubrics/sport/up'] button")]);
  const moved = await page.$$eval(".data-table tbody tr td:nth-child(3)", (cells) => cells.map((c) => c.textContent));
  assert.equal(moved[moved.length - 2], "sport");

  await page.goto(`${loket.base}/admin/rubrics/afval`);
  await Promise.all([page.waitForNavigation(), page.click("#f-remove")]);
  assert.match(await page.textContent(".error-summary"), /er staan nog 4 producten in/);
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, "admin-rubric-in-use-nl");

  await page.goto(`${loket.base}/admin/rubrics/sport`);
  await Promise.all([page.waitForNavigation(), page.click("#f-remove")]);
  assert.match(await page.textContent(".notice"), /verwijderd/);
  await page.context().close();
});
