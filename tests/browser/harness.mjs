// Starts the real loket binary on a free loopback port with a fresh demo database, and drives
// Debian's Chromium through playwright-core. Screenshots land in tests/browser/artifacts/.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
export const artifacts = join(here, "artifacts");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
    server.on("error", reject);
  });
}

async function waitForHealth(base, child) {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`loket exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("loket did not become healthy within 30 seconds");
}

/**
 * Starts a real SMTP server (aiosmtpd, as the Rust mail tests use) that writes every message it
 * accepts to a folder; `mails()` reads them, `waitForMail(test)` waits for one.
 */
export async function startSmtpSink() {
  const script = resolve(here, "../../crates/server/tests/support/smtp_sink.py");
  const folder = mkdtempSync(join(tmpdir(), "loket-smtp-"));
  const port = await freePort();
  const child = spawn("python3", [script, String(port), folder], { stdio: ["pipe", "pipe", "inherit"] });
  await new Promise((ready, fail) => {
    child.stdout.once("data", (line) => (String(line).trim() === "ready" ? ready() : fail(new Error(`SMTP sink: ${line}`))));
    child.once("exit", (code) => fail(new Error(`the SMTP sink exited with ${code}; it needs python3 with aiosmtpd`)));
  });
  const mails = () =>
    readdirSync(folder)
      .filter((name) => name.endsWith(".json"))
      .sort()
      .map((name) => JSON.parse(readFileSync(join(folder, name), "utf8")));
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    async waitForMail(test, seconds = 20) {
      for (let attempt = 0; attempt < seconds * 10; attempt++) {
        const found = mails().find(test);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no such mail arrived within ${seconds} seconds; arrived: ${mails().map((m) => m.subject).join(" | ")}`);
    },
    async stop() {
      child.stdin.end();
      await new Promise((r) => (child.exitCode !== null ? r() : child.once("exit", r)));
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The text of a mail part of the given type. */
export function mailPart(mail, contentType) {
  return mail.parts.find((part) => part.content_type === contentType);
}

/**
 * Starts `loket serve --demo` on a temporary SQLite file; the clock starts on Thursday 3 December
 * 2026 10:00. With `smtp` (a URL) mail leaves through that server; without it, it waits in the outbox.
 */
export async function startLoket({ now = "2026-12-03T10:00:00+01:00", smtp, simulate = [] } = {}) {
  const binary = process.env.LOKET_BIN ?? resolve(here, "../../target/debug/loket");
  const folder = mkdtempSync(join(tmpdir(), "loket-browser-"));
  const database = join(folder, "loket.db");
  const summaries = simulate.map((day) => simulateDay(binary, database, day));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(
    binary,
    ["serve", "--demo", "--listen", `127.0.0.1:${port}`, "--database", database, "--now", now, "--rate-limit", "off"],
    {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, LOKET_LOG: "warn", ...(smtp ? { LOKET_SMTP_URL: smtp, LOKET_MAIL_FROM: "Stad Leuven <noreply@leuven.test>" } : {}) },
    },
  );
  await waitForHealth(base, child);
  return {
    base,
    summaries,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r() : child.once("exit", r)));
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Plays a day into the demo database with `loket simulate`: `{ date, visitors, until? }`; its summary. */
function simulateDay(binary, database, { date, visitors, until }) {
  const args = ["simulate", "--demo", "--date", date, "--visitors", String(visitors), "--database", database];
  const played = spawnSync(binary, until ? [...args, "--until", until] : args, { encoding: "utf8", env: { ...process.env, LOKET_LOG: "warn" } });
  if (played.status !== 0) throw new Error(`loket simulate ${date} failed: ${played.stderr}`);
  return played.stdout;
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** A page in a fresh context whose browser asks for `language` first. */
export async function newPage(browser, language = "nl") {
  const context = await browser.newContext({
    locale: language,
    extraHTTPHeaders: { "Accept-Language": language },
    viewport: { width: 1280, height: 900 },
    bypassCSP: true, // lets axe-core be injected; the pages themselves run under the strict policy
  });
  return context.newPage();
}

/** Runs axe-core with the WCAG 2.1 A and AA rules and returns the violations, readable. */
export async function accessibilityViolations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

export async function screenshot(page, name) {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

export async function signIn(page, base, username, password = "demo") {
  await page.goto(`${base}/staff/login`);
  await page.fill("#f-username", username);
  await page.fill("#f-password", password);
  await Promise.all([page.waitForNavigation(), page.click("button[type=submit].button")]);
}
