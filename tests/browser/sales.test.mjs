// Sales at the fast counter and at a partner shop: a counter employee sells stickers and bags by
// card and gets the receipt, the stock shows what went out, and the shop keeper sells a sticker
// at the shop but reaches no other staff page.
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

async function assertAccessible(page, what) {
  assert.deepEqual(await accessibilityViolations(page), [], `${what} has no WCAG 2.1 AA violations`);
}

test("the fast counter sells stickers and bags by card, prints the receipt and the stock goes down", async () => {
  const page = await newPage(browser, "nl");
  await signIn(page, loket.base, "balie1");
  await go(page, "a[href='/sales']");
  await assertAccessible(page, "the sale page");
  const stockBefore = Number(await page.getAttribute("#f-q-gft-120", "max"));
  assert.match(await page.textContent("main"), /Bijna op: nog 12/);

  // Sending nothing keeps the page with a clear error.
  await go(page, "button:has-text('Verkopen')");
  assert.match(await page.textContent(".error-summary"), /minstens één artikel/);
  await assertAccessible(page, "the sale page with errors");

  await page.fill("#f-q-gft-120", "2");
  await page.fill("#f-q-pmd-60", "1");
  await page.check("#pay-card");
  assert.equal(await page.textContent("#sale-total"), "€ 103,00", "the total while typing");
  await screenshot(page, "sales-sale");
  await go(page, "button:has-text('Verkopen')");
  assert.match(page.url(), /\/sales\/\d+\/receipt$/);
  assert.equal((await page.textContent(".receipt-total")).trim(), "€ 103,00");
  assert.match(await page.textContent(".receipt-paper"), /Betaald met de kaart/);
  assert.ok(await page.isVisible("button:has-text('Kasticket afdrukken')"));
  await assertAccessible(page, "the receipt");
  await screenshot(page, "sales-receipt");
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isVisible(".site-header"), false, "only the receipt is printed");
  await screenshot(page, "sales-receipt-print");
  await page.emulateMedia({ media: "screen" });

  await page.goto(`${loket.base}/sales/stock`);
  assert.equal(await page.textContent("#stock-gft-120 td:nth-child(3)"), String(stockBefore - 2));
  await assertAccessible(page, "the stock page");
  await screenshot(page, "sales-stock");
  await page.context().close();
});

test("the shop keeper sells a sticker at the shop and opens no other staff page", async () => {
  const page = await newPage(browser, "nl");
  await signIn(page, loket.base, "winkel1");
  assert.deepEqual(await page.$$eval("main .card a", (links) => links.map((a) => a.getAttribute("href"))), ["/sales"]);
  await go(page, "a[href='/sales']");
  assert.match(await page.textContent("h1"), /Dagbladhandel De Hoek/);
  await page.fill("#f-q-gft-40", "1");
  await page.check("#pay-cash");
  await go(page, "button:has-text('Verkopen')");
  assert.equal((await page.textContent(".receipt-total")).trim(), "€ 20,00");
  await assertAccessible(page, "the shop's receipt");
  await screenshot(page, "sales-shop-receipt");

  // Pages with citizens' data: the fast counter's pickups and reception (when this build has
  // them: a page that exists asks a stranger to sign in), the counter and the agenda.
  for (const path of ["/pickups", "/reception", "/counter", "/staff/appointments", "/sales?point=snelloket"]) {
    const stranger = await fetch(`${loket.base}${path}`);
    if (stranger.status === 404) continue;
    const response = await page.goto(`${loket.base}${path}`);
    assert.equal(response.status(), 403, path);
    assert.equal(await page.textContent("h1"), "Geen toegang", path);
  }
  await assertAccessible(page, "the refusal page");
  await page.context().close();
});
