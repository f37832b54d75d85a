import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
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

async function accessible(page, name) {
  assert.deepEqual(await accessibilityViolations(page), [], name);
  await screenshot(page, name);
}

async function takeTicket(product = "gft-sticker", base = loket.base) {
  const response = await fetch(`${base}/api/v1/tickets`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ site: "stadskantoor", product }),
  });
  assert.equal(response.status, 201);
  return (await response.json()).ticket.number;
}

/** The waiting-room screen as a TV shows it, once its script follows the stream; what it says is kept in `window.spoken`. */
async function openScreen(language, path = "/display/stadskantoor", base = loket.base) {
  const context = await browser.newContext({
    locale: language,
    extraHTTPHeaders: { "Accept-Language": language },
    viewport: { width: 1920, height: 1080 },
    bypassCSP: true, // lets axe-core be injected
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.spoken = [];
    const voice = { speak: (utterance) => window.spoken.push({ text: utterance.text, lang: utterance.lang }) };
    Object.defineProperty(window, "speechSynthesis", { value: voice, configurable: true });
  });
  const following = page.waitForResponse((r) => r.url().includes("/api/v1/sites/stadskantoor/display"));
  await page.goto(`${base}${path}`);
  await following;
  return page;
}

async function submit(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

test("a call at the counter appears on the screen at once and the visit is finished with its transactions", async () => {
  const number = await takeTicket();
  const screen = await openScreen("nl");
  assert.equal(await screen.textContent(".waiting-count[data-zone=A]"), "1");

  const counter = await newPage(browser, "nl");
  await signIn(counter, loket.base, "balie1");
  await counter.goto(`${loket.base}/counter`);
  await accessible(counter, "counter-choose-nl");
  const following = counter.waitForResponse((r) => r.url().includes("/counter?site=") && r.request().resourceType() === "fetch");
  await submit(counter, "button:has-text('Werk aan loket 1')");
  assert.match(await counter.textContent("h1"), /Loket 1/);
  assert.match(await counter.textContent("#waiting"), new RegExp(number));
  await accessible(counter, "counter-open-nl");

  // Another citizen takes a ticket: the console's list follows without a reload.
  await following;
  const second = await takeTicket();
  await counter.waitForFunction((n) => document.getElementById("waiting").textContent.includes(n), second, { timeout: 2000 });

  assert.match(await counter.textContent("#call-next"), /Volgende oproepen/);
  await Promise.all([counter.waitForNavigation(), counter.keyboard.press("n")]);
  assert.match(await counter.textContent(".notice"), new RegExp(`${number} is opgeroepen`));

  await screen.waitForSelector(`.call-newest[data-number="${number}"]`, { timeout: 1000 });
  assert.match(await screen.textContent(".call-newest"), /Loket 1/);
  await screen.waitForFunction(() => window.spoken.length > 0);
  assert.deepEqual(await screen.evaluate(() => window.spoken), [{ text: "Nummer A 1, loket 1", lang: "nl-BE" }]);
  assert.equal(await screen.textContent(".waiting-count[data-zone=A]"), "1", "the second ticket still waits");
  const layout = await screen.evaluate(() => ({
    fontSize: parseFloat(getComputedStyle(document.querySelector(".call-newest .call-number")).fontSize),
    scrolls: document.documentElement.scrollHeight > window.innerHeight || document.documentElement.scrollWidth > window.innerWidth,
  }));
  assert.ok(layout.fontSize >= 108, `numbers are at least a tenth of the screen high (${layout.fontSize}px)`);
  assert.equal(layout.scrolls, false, "the screen does not scroll");
  await accessible(screen, "screen-call-nl");

  await accessible(counter, "counter-called-nl");
  await submit(counter, "button:has-text('Behandeling starten')");
  const ticked = await counter.$$eval("input[name=transactions]", (boxes) => boxes.map((b) => [b.value, b.checked]));
  assert.deepEqual(ticked[0], ["gft-sticker", true], "the ticket's product is ticked");
  const other = ticked.find(([code]) => code !== "gft-sticker")[0];
  await counter.check(`#tx-${other}`);
  await accessible(counter, "counter-serving-nl");
  await submit(counter, "button:has-text('Afronden')");
  assert.match(await counter.textContent(".notice"), new RegExp(`${number} is afgerond met 2 verrichtingen`));

  // Three more calls fill the screen with the newest on top.
  for (let i = 0; i < 4; i++) await takeTicket();
  for (let i = 0; i < 4; i++) {
    await submit(counter, "#call-next");
    await submit(counter, "button:has-text('Behandeling starten')");
    await submit(counter, "button:has-text('Afronden')");
  }
  await screen.waitForFunction(() => document.querySelectorAll(".call").length === 5);
  await screenshot(screen, "screen-calls-nl");
  await screen.context().close();
  await counter.context().close();
});

test("the screen in French speaks French and keeps up without a script too", async () => {
  const screen = await openScreen("fr", "/display/stadskantoor?lang=fr");
  assert.equal(await screen.getAttribute("html", "lang"), "fr");
  assert.equal(await screen.getAttribute("#display", "data-say"), "Numéro {letter} {number}, guichet {counter}");
  assert.match(await screen.textContent(".call-newest"), /Guichet 1/);
  await accessible(screen, "screen-fr");
  await screen.context().close();
});

function freePort() {
  return new Promise((found, fail) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => found(port));
    });
    server.on("error", fail);
  });
}

/** `loket serve --demo` on a given port and database, so it can be stopped and started again. */
async function serve(port, database) {
  const here = dirname(fileURLToPath(import.meta.url));
  const binary = process.env.LOKET_BIN ?? resolve(here, "../../target/debug/loket");
  const child = spawn(
    binary,
    ["serve", "--demo", "--listen", `127.0.0.1:${port}`, "--database", database, "--now", "2026-12-03T10:00:00+01:00", "--rate-limit", "off"],
    { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, LOKET_LOG: "warn" } },
  );
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`loket exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r() : child.once("exit", r)));
    },
  };
}

test("a screen that lost the server during a restart still shows and speaks the next call", async () => {
  const folder = mkdtempSync(join(tmpdir(), "loket-restart-"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let server = await serve(port, join(folder, "loket.db"));
  try {
    const number = await takeTicket("gft-sticker", base);
    const screen = await openScreen("fr", "/display/stadskantoor?lang=fr", base);
    await server.stop();
    await screen.waitForTimeout(300);
    server = await serve(port, join(folder, "loket.db"));

    const login = await fetch(`${base}/api/v1/auth/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "balie3", password: "demo" }),
    });
    const { token } = await login.json();
    const asCounter = { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: "{}" };
    assert.equal((await fetch(`${base}/api/v1/counters/stadskantoor/2/sign-in`, asCounter)).status, 204);
    const called = await (await fetch(`${base}/api/v1/counters/stadskantoor/2/call-next`, asCounter)).json();
    assert.equal(called.ticket.number, number);

    await screen.waitForSelector(`.call-newest[data-number="${number}"]`, { timeout: 15000 });
    assert.match(await screen.textContent(".call-newest"), /Guichet 2/);
    await screen.waitForFunction(() => window.spoken.length > 0);
    assert.deepEqual(await screen.evaluate(() => window.spoken), [{ text: "Numéro A 1, guichet 2", lang: "fr-BE" }]);
    await screen.context().close();
  } finally {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});
