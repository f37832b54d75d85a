// One citizen's whole visit on the floor, each part in its own browser as in the office: the kiosk
// at the entrance, the waiting-room screen, the phone in the citizen's hand and the counter.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, newPage, screenshot, signIn, startLoket } from "./harness.mjs";

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

test("a citizen walks from the kiosk to the counter while the screen and the phone follow", async () => {
  const kiosk = await newPage(browser, "nl");
  await kiosk.goto(`${loket.base}/kiosk/stadskantoor`);
  await go(kiosk, "text=Document afhalen");
  await go(kiosk, "button:has-text('Rijbewijs afhalen')");
  const number = await kiosk.textContent(".paper-number");
  assert.equal(number, "A001");
  const token = kiosk.url().match(/\/ticket\/([^?]+)/)[1];

  const screen = await newPage(browser, "nl");
  await screen.setViewportSize({ width: 1920, height: 1080 });
  const following = screen.waitForResponse((r) => r.url().includes("/api/v1/sites/stadskantoor/display"));
  await screen.goto(`${loket.base}/display/stadskantoor`);
  await following;
  const phone = await newPage(browser, "nl");
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(`${loket.base}/t/${token}`);
  assert.match(await phone.textContent("main"), /Even wachten/);

  const counter = await newPage(browser, "nl");
  await signIn(counter, loket.base, "balie1");
  await counter.goto(`${loket.base}/counter`);
  await go(counter, "button:has-text('Werk aan loket 1')");
  await Promise.all([counter.waitForNavigation(), counter.keyboard.press("n")]);

  // Both follow the stream: the call arrives without a reload, within the second the issue asks.
  await screen.waitForSelector(`.call-newest[data-number="${number}"]`, { timeout: 1000 });
  await phone.waitForFunction(() => /loket 1/i.test(document.querySelector("main").textContent), null, { timeout: 1000 });
  await screenshot(screen, "floor-walk-screen");
  await screenshot(phone, "floor-walk-phone");

  await go(counter, "button:has-text('Behandeling starten')");
  await go(counter, "button:has-text('Afronden')");
  assert.match(await counter.textContent(".notice"), new RegExp(`${number} is afgerond`));
  await phone.waitForFunction(() => !/Ga naar loket/.test(document.querySelector("main").textContent), null, { timeout: 2000 });
  await screenshot(counter, "floor-walk-counter");
  for (const page of [kiosk, screen, phone, counter]) await page.context().close();
});
