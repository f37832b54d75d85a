// The public verification page in the browser: the code form, its errors, and the file check, in
// each language, without WCAG 2.1 AA violations. A document issued by Loket is accepted by the
// HTTP tests (crates/server/tests/verify.rs); here nobody can issue one yet, so the browser checks
// what a visitor sees for codes and files Loket did not issue.
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

const unknownCode = { nl: /Er is geen document met deze code/, fr: /Aucun document ne porte ce code/, en: /No document has this code/ };
const rejected = { nl: /niet aanvaard/, fr: /n'est pas accepté/, en: /not accepted/ };

for (const language of ["nl", "fr", "en"]) {
  test(`a code that Loket did not issue is refused and kept in the field, in ${language}`, async () => {
    const page = await newPage(browser, language);
    await page.goto(`${loket.base}/verify`);
    assert.equal(await page.getAttribute("html", "lang"), language);
    assert.deepEqual(await accessibilityViolations(page), []);
    await screenshot(page, `verify-code-${language}`);

    await page.fill("#f-code", "zzzz zzzz zzzz");
    await Promise.all([page.waitForNavigation(), page.click("form button[type=submit]")]);
    assert.match(await page.textContent(".error-summary"), unknownCode[language]);
    assert.equal(await page.inputValue("#f-code"), "zzzz zzzz zzzz");
    assert.deepEqual(await accessibilityViolations(page), []);
    await page.context().close();
  });

  test(`a file that Loket did not issue is rejected, in ${language}`, async () => {
    const page = await newPage(browser, language);
    await page.goto(`${loket.base}/verify`);
    await Promise.all([page.waitForNavigation(), page.click("a[href='/verify/file']")]);
    assert.deepEqual(await accessibilityViolations(page), []);
    await page.setInputFiles("#f-file", {
      name: "attest.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.7\n% a file Loket never issued\n%%EOF\n"),
    });
    await Promise.all([page.waitForNavigation(), page.click("form button[type=submit]")]);
    assert.match(await page.textContent("h1"), rejected[language]);
    assert.deepEqual(await accessibilityViolations(page), []);
    await screenshot(page, `verify-file-rejected-${language}`);
    await page.context().close();
  });
}

test("checking without choosing a file says to choose one", async () => {
  const page = await newPage(browser, "nl");
  await page.goto(`${loket.base}/verify/file`);
  await Promise.all([page.waitForNavigation(), page.click("form button[type=submit]")]);
  assert.match(await page.textContent(".error-summary"), /Kies een PDF-bestand/);
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.context().close();
});
