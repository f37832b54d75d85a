import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { accessibilityViolations, launchBrowser, mailPart, newPage, screenshot, signIn, startLoket, startSmtpSink } from "./harness.mjs";

let sink;
let loket;
let browser;
before(async () => {
  sink = await startSmtpSink();
  loket = await startLoket({ smtp: sink.url });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await loket?.stop();
  await sink?.stop();
});

async function accessible(page, name) {
  assert.deepEqual(await accessibilityViolations(page), [], name);
  await screenshot(page, name);
}

async function submit(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

async function search(page, query) {
  await page.fill("#f-q", query);
  await submit(page, "form[role=search] button");
}

test("the counter registers a document, the holder is mailed, and it is handed over once", async () => {
  const page = await newPage(browser, "nl");
  await signIn(page, loket.base, "balie1");
  await page.goto(`${loket.base}/staff`);
  await submit(page, "a[href='/fast-counter']");
  await accessible(page, "fast-counter-empty");
  await submit(page, "a[href^='/fast-counter/pickups/new']");

  await page.selectOption("#f-product", "eid-afhalen");
  await page.fill("#f-holder_name", "Katrien Janssens");
  await page.fill("#f-national_number", "85.07.30-033.29");
  await page.fill("#f-email", "katrien.janssens@example.be");
  await submit(page, "form[action='/fast-counter/pickups/new'] button[type=submit]");
  assert.match(await page.textContent(".error-summary"), /controlecijfers|rijksregisternummer/i);
  assert.equal(await page.inputValue("#f-holder_name"), "Katrien Janssens");
  await accessible(page, "fast-counter-register-error");
  await page.fill("#f-national_number", "85.07.30-033.28");
  await submit(page, "form[action='/fast-counter/pickups/new'] button[type=submit]");
  const code = (await page.textContent("#registered .booking-code")).trim();
  assert.match(code, /^[A-Z0-9]{6}$/);
  assert.match(await page.textContent("#registered"), /85\.07\.30-\*\*\*\.\*\*/);
  await accessible(page, "fast-counter-registered");

  const mail = await sink.waitForMail((m) => m.rcpt_tos.includes("katrien.janssens@example.be"));
  assert.match(mail.subject, new RegExp(code));
  const text = mailPart(mail, "text/plain").body;
  assert.match(text, new RegExp(code));
  assert.match(text, /Uw oude identiteitskaart/);
  assert.match(text, /De brief met uw PIN- en PUK-code/);
  assert.match(text, /volmacht/);
  assert.doesNotMatch(text + mailPart(mail, "text/html").body, /033|85073003328/);

  await page.goto(`${loket.base}/fast-counter`);
  await search(page, "janss");
  assert.match(await page.textContent("#pickups"), /Identiteitskaart \(eID\).*Katrien Janssens/s);
  assert.match(await page.textContent("#pickups"), /85\.07\.30-\*\*\*\.\*\*/);
  assert.doesNotMatch(await page.content(), /033\.28/);
  await search(page, code.toLowerCase());
  assert.match(await page.textContent("#pickups"), new RegExp(code));
  await accessible(page, "fast-counter");

  // A colleague keeps the results open while the document is handed over here.
  const colleague = await newPage(browser, "nl");
  await signIn(colleague, loket.base, "balie2");
  await colleague.goto(`${loket.base}/fast-counter?q=${code}`);

  await page.check("input[name=proxy]");
  await submit(page, "#pickups button[type=submit]");
  assert.match(await page.textContent("[role=status]"), /Afgegeven: Identiteitskaart \(eID\) van Katrien Janssens, aan een volmachthouder/);
  assert.match(await page.textContent("#pickups"), /Afgehaald/);
  assert.equal(await page.locator("#pickups button").count(), 0);
  await accessible(page, "fast-counter-handed-over");

  await submit(colleague, "#pickups button[type=submit]");
  assert.match(await colleague.textContent("[role=alert]"), /al afgehaald.*geen tweede keer/);
  await accessible(colleague, "fast-counter-refused");
  await colleague.context().close();

  await page.goto(`${loket.base}/fast-counter/pickups/return`);
  await accessible(page, "fast-counter-return");
  await page.goto(`${loket.base}/fast-counter/pickups/import`);
  await accessible(page, "fast-counter-import");
  await page.context().close();
});
