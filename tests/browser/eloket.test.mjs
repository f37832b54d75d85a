// The e-loket in the browser: a demo resident signs in, requests a residence certificate, finds it
// in the e-box and downloads it; the verification page accepts that file and rejects a changed
// copy. A resident declares an address change that the back office approves, and applies for,
// pays and receives a parking card. Documents are rendered with pdftoppm for a look. Every page
// visited is checked with axe-core for WCAG 2.1 AA.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { accessibilityViolations, artifacts, launchBrowser, newPage, screenshot, signIn, startLoket } from "./harness.mjs";

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

async function submit(page, selector = "main form button[type=submit]") {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

async function accessible(page) {
  assert.deepEqual(await accessibilityViolations(page), []);
}

async function demoResidents() {
  return (await fetch(`${loket.base}/api/v1/demo/residents`)).json();
}

/** An adult demo resident (born in the 1900s), other than those at the start of the list. */
async function adultResident(skip) {
  const residents = await demoResidents();
  return residents.slice(skip).find((r) => Number(r.national_number.slice(0, 2)) > 30);
}

/** Signs in as the demo resident at `index` of the picker (or this resident) and returns them. */
async function signInAsResident(page, index) {
  const resident = typeof index === "number" ? (await demoResidents())[index] : index;
  await page.goto(`${loket.base}/eloket`);
  assert.match(page.url(), /\/eloket\/login/);
  await accessible(page);
  await screenshot(page, "eloket-sign-in");
  await page.selectOption("#f-resident", resident.national_number);
  await submit(page);
  assert.match(await page.textContent("h1"), new RegExp(resident.first_name));
  return resident;
}

/** Renders the first page of a PDF to PNG in the artifacts, for a look at the document itself. */
function renderFirstPage(pdf, name) {
  mkdirSync(artifacts, { recursive: true });
  const file = join(artifacts, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", file, join(artifacts, name)]);
}

test("a resident requests a residence certificate, downloads it from the e-box, and it verifies", async () => {
  const page = await newPage(browser, "nl");
  await signInAsResident(page, 0);
  await accessible(page);
  await screenshot(page, "eloket-home");

  await submit(page, "main a[href='/eloket/certificates']");
  assert.match(page.url(), /\/eloket\/certificates$/);
  await submit(page);
  assert.match(await page.textContent(".error-summary"), /Kies welk attest/);
  await accessible(page);
  await page.check("#kind-attest-woonst");
  await submit(page);
  assert.match(await page.textContent("h1"), /Uw attest van woonst staat klaar/);
  await accessible(page);
  await screenshot(page, "eloket-message");

  const [download] = await Promise.all([page.waitForEvent("download"), page.click("a[href^='/ebox/documents/']")]);
  assert.match(download.suggestedFilename(), /^attest-woonst-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\.pdf$/);
  const pdf = readFileSync(await download.path());
  assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
  renderFirstPage(pdf, "certificate-attest-woonst");

  await page.goto(`${loket.base}/ebox`);
  assert.match(await page.textContent("main"), /U hebt alle berichten gelezen/);
  await accessible(page);
  await screenshot(page, "ebox");

  await page.goto(`${loket.base}/verify/file`);
  await page.setInputFiles("#f-file", { name: "attest.pdf", mimeType: "application/pdf", buffer: pdf });
  await submit(page);
  assert.match(await page.textContent("main"), /Dit is precies het document \(attest van woonst\)/);
  await accessible(page);
  await screenshot(page, "verify-file-genuine");

  const changed = Buffer.from(pdf);
  changed[Math.floor(changed.length / 2)] ^= 0x01;
  await page.goto(`${loket.base}/verify/file`);
  await page.setInputFiles("#f-file", { name: "attest.pdf", mimeType: "application/pdf", buffer: changed });
  await submit(page);
  assert.match(await page.textContent("h1"), /niet aanvaard/);
  await page.context().close();
});

test("the e-loket reads in French and English too", async () => {
  for (const [language, title] of [["fr", /Votre document « certificat de vie » est prêt/], ["en", /Your certificate of life is ready/]]) {
    const page = await newPage(browser, language);
    await signInAsResident(page, 1);
    await page.goto(`${loket.base}/eloket/certificates`);
    await accessible(page);
    await page.check("#kind-attest-leven");
    await submit(page);
    assert.match(await page.textContent("h1"), title);
    assert.equal(await page.getAttribute("html", "lang"), language);
    await accessible(page);
    for (const path of ["/eloket", "/ebox", "/eloket/address-change", "/eloket/parking-card", "/eloket/parking-cards"]) {
      await page.goto(`${loket.base}${path}`);
      assert.doesNotMatch(await page.textContent("main"), /\b(aanvragen|verhuis|bewonerskaart aanvragen|Uw )\b/, `${path} in ${language}`);
      await accessible(page);
    }
    await screenshot(page, `eloket-parking-card-${language}`);
    await page.context().close();
  }
});

test("a counter employee makes a certificate for a visitor", async () => {
  const residents = await demoResidents();
  const page = await newPage(browser, "nl");
  await signIn(page, loket.base, "balie1");
  await submit(page, "main a[href='/counter/certificates']");
  await page.fill("#f-national_number", "85.07.30-033.29");
  await submit(page);
  assert.match(await page.textContent(".error-summary"), /klopt niet/);
  assert.equal(await page.inputValue("#f-national_number"), "85.07.30-033.29");
  await accessible(page);
  await page.fill("#f-national_number", residents[2].national_number);
  await page.check("#kind-attest-gezinssamenstelling");
  await submit(page);
  assert.match(await page.textContent("h1"), /Het attest is gemaakt/);
  assert.match(await page.textContent("main"), new RegExp(residents[2].last_name));
  await accessible(page);
  await screenshot(page, "eloket-counter-issued");
  await page.context().close();
});

test("a resident declares an address change that the back office approves", async () => {
  const resident = await adultResident(10);
  const citizen = await newPage(browser, "nl");
  await signInAsResident(citizen, resident);
  await submit(citizen, "main a[href='/eloket/address-change']");
  await submit(citizen);
  assert.match(await citizen.textContent(".error-summary"), /straat/i);
  await accessible(citizen);
  await citizen.fill("#f-street", "Bondgenotenlaan");
  await citizen.fill("#f-number", "12");
  await citizen.fill("#f-box", "3");
  await citizen.fill("#f-moving_date", "10/12/2026");
  await accessible(citizen);
  await screenshot(citizen, "eloket-address-change");
  await submit(citizen);
  assert.match(citizen.url(), /\/eloket\/address-change\/\d+$/);
  await accessible(citizen);
  await screenshot(citizen, "eloket-address-change-submitted");

  const employee = await newPage(browser, "nl");
  await signIn(employee, loket.base, "bevolking1");
  await submit(employee, "main a[href='/backoffice/address-changes']");
  await accessible(employee);
  await screenshot(employee, "backoffice-address-changes");
  await submit(employee, `main a:has-text("${resident.last_name}")`);
  await employee.check("#outcome-confirmed");
  await submit(employee, "form[action$='/check'] button[type=submit]");
  await accessible(employee);
  await screenshot(employee, "backoffice-address-change-checked");
  await submit(employee, "form[action$='/approve'] button[type=submit]");
  await accessible(employee);
  await employee.context().close();

  await citizen.goto(`${loket.base}/ebox`);
  await submit(citizen, "main a:has-text('adreswijziging')");
  assert.match(await citizen.textContent("h1"), /Uw adreswijziging is goedgekeurd/);
  assert.match(await citizen.textContent("main"), /identiteitskaart|eID/);
  await accessible(citizen);
  await citizen.goto(`${loket.base}/eloket`);
  assert.match(await citizen.textContent(".lead"), /Bondgenotenlaan 12 bus 3, 3000 Leuven/);
  await citizen.context().close();
});

test("a resident applies for a parking card, pays it and receives the card", async () => {
  const resident = await adultResident(40);
  const page = await newPage(browser, "nl");
  await signInAsResident(page, resident);
  await submit(page, "main a[href='/eloket/parking-card']");
  await page.fill("#f-plate", "1-AB");
  await submit(page);
  assert.match(await page.textContent(".error-summary"), /nummerplaat/);
  assert.equal(await page.inputValue("#f-plate"), "1-AB");
  await accessible(page);
  await page.fill("#f-plate", "1-ABC-123");
  await page.check("#duration-year");
  await page.check("#f-no_garage");
  await page.check("#f-vehicle_fits");
  await accessible(page);
  await screenshot(page, "eloket-parking-card");
  await submit(page);
  assert.match(page.url(), /\/pay\/test\//);
  await accessible(page);
  await screenshot(page, "pay-test");
  await submit(page, "form input[value=paid] ~ button");
  await page.goto(`${loket.base}/ebox`);
  await submit(page, "main a:has-text('bewonerskaart')");
  assert.match(await page.textContent("h1"), /Uw bewonerskaart voor 1-ABC-123 staat klaar/);
  await accessible(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("a[href^='/ebox/documents/']")]);
  renderFirstPage(readFileSync(await download.path()), "parking-card");
  await page.goto(`${loket.base}/eloket/parking-cards`);
  assert.match(await page.textContent("main"), /1-ABC-123/);
  await accessible(page);
  await screenshot(page, "eloket-parking-cards");

  // Renewing is two clicks and a payment; the new card follows the old one.
  await submit(page, "main a[href$='/renew']");
  await accessible(page);
  await submit(page, "form[action$='/renew'] button[type=submit]");
  assert.match(page.url(), /\/pay\/test\//);
  await submit(page, "form input[value=paid] ~ button");
  await page.goto(`${loket.base}/eloket/parking-cards`);
  assert.match(await page.textContent("main"), /3 december 2027/);

  // Stopping asks once more, then the card is no longer valid.
  await submit(page, "main a[href$='/stop']");
  await accessible(page);
  await submit(page, "form[action$='/stop'] button[type=submit]");
  assert.match(await page.textContent("main"), /Gestopt/);
  await accessible(page);
  await page.context().close();
});
