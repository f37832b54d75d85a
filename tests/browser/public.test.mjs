import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { accessibilityViolations, launchBrowser, newPage, screenshot, startLoket } from "./harness.mjs";

const pages = {
  nl: { home: "Welkom bij Stadskantoor Leuven", product: "Identiteitskaart (eID) aanvragen", hours: "Openingsuren", login: "Aanmelden voor medewerkers" },
  fr: { home: "Bienvenue", product: "Demande de carte d'identité (eID)", hours: "Heures d'ouverture", login: "Connexion" },
  en: { home: "Welcome to Stadskantoor Leuven", product: "eID card application", hours: "Opening hours", login: "Staff sign-in" },
};

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

for (const [language, expected] of Object.entries(pages)) {
  describe(`the public site in ${language}`, () => {
    const visits = [
      ["home", "/", expected.home],
      ["product", "/products/eid-aanvraag", expected.product],
      ["hours", "/opening-hours", expected.hours],
      ["login", "/staff/login", expected.login],
    ];
    for (const [name, path, heading] of visits) {
      test(`${name} page speaks ${language} and has no WCAG 2.1 AA violations`, async () => {
        const page = await newPage(browser, language);
        await page.goto(loket.base + path);
        assert.equal(await page.getAttribute("html", "lang"), language);
        assert.match(await page.textContent("h1"), new RegExp(heading.replace(/[()]/g, "\\$&")));
        assert.ok(await page.isVisible(".demo-banner"), "demo mode says so on every page");
        assert.deepEqual(await accessibilityViolations(page), []);
        await screenshot(page, `${name}-${language}`);
        await page.context().close();
      });
    }
  });
}

test("the product page tells the fee, what to bring and how to get it", async () => {
  const page = await newPage(browser, "nl");
  await page.goto(`${loket.base}/products/eid-aanvraag`);
  const facts = await page.textContent(".facts");
  assert.match(facts, /€ 20,00/);
  assert.match(facts, /15 minuten/);
  assert.match(await page.textContent(".how"), /Maak een afspraak/);
  assert.ok((await page.locator(".checklist li").count()) >= 1);
  await page.context().close();
});

test("the opening hours show both evening openings and the coming closing days", async () => {
  const page = await newPage(browser, "nl");
  await page.goto(`${loket.base}/opening-hours`);
  const rows = await page.locator(".hours-table").first().locator("tr").allTextContents();
  const monday = rows.find((row) => row.includes("maandag"));
  const thursday = rows.find((row) => row.includes("donderdag"));
  assert.match(monday, /9\.00 uur tot 20\.00 uur/);
  assert.match(monday, /avondopening/);
  assert.match(thursday, /avondopening/);
  assert.match(rows.find((row) => row.includes("dinsdag")), /9\.00 uur tot 12\.30 uur/);
  const closures = await page.textContent(".closures-table");
  assert.match(closures, /vrijdag 25 december 2026\s*Kerstmis/);
  assert.match(closures, /maandag 29 maart 2027\s*Paasmaandag/);
  assert.doesNotMatch(closures, /zaterdag 26 december 2026/, "a Saturday is closed anyway");
  assert.match(closures, /vrijdag 7 mei 2027\s*Vrijdag na Hemelvaart/);
  assert.match(await page.textContent(".today-status"), /Vandaag open tot 20\.00 uur/);
  await page.context().close();
});

test("the language switcher changes the language and stays on the same page", async () => {
  const page = await newPage(browser, "nl");
  await page.goto(`${loket.base}/products/rijbewijs`);
  await Promise.all([page.waitForNavigation(), page.click("nav.languages >> text=Français")]);
  assert.equal(new URL(page.url()).pathname, "/products/rijbewijs");
  assert.equal(await page.getAttribute("html", "lang"), "fr");
  assert.match(await page.textContent("h1"), /Demande de permis de conduire/);
  await page.goto(`${loket.base}/opening-hours`);
  assert.equal(await page.getAttribute("html", "lang"), "fr", "the choice is remembered");
  await page.context().close();
});
