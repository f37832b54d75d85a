// The management view after days played with `loket simulate`: the history shows the week with
// Thursday as its busiest day and the evening as Thursday's rush, its figures add up per week and
// in the CSV export, and the live view shows the floor in the middle of the evening rush; without
// WCAG 2.1 AA violations.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { accessibilityViolations, launchBrowser, newPage, screenshot, signIn, startLoket } from "./harness.mjs";

const week = [
  { date: "2026-11-30", visitors: 1000 },
  { date: "2026-12-01", visitors: 350 },
  { date: "2026-12-02", visitors: 600 },
  { date: "2026-12-03", visitors: 1200 },
];

let played;
let evening;
let browser;
before(async () => {
  played = await startLoket({ now: "2026-12-03T20:30:00+01:00", simulate: week });
  evening = await startLoket({
    now: "2026-12-03T18:30:00+01:00",
    simulate: [{ date: "2026-12-03", visitors: 1200, until: "18:30" }],
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await played?.stop();
  await evening?.stop();
});

/** The visitors a summary of `loket simulate` reports. */
function visitorsOf(summary) {
  return Number(summary.match(/visitors\s+(\d+) \(\d+ tickets\)/)[1]);
}

/** The cells of each body row of a table on the page, as text. */
async function rows(page, table) {
  return page.$$eval(`${table} tbody tr`, (trs) =>
    trs.map((tr) => [...tr.querySelectorAll("th, td")].map((cell) => cell.textContent.trim())),
  );
}

test("the history shows the simulated week, Thursday the busiest day and its evening the rush", async () => {
  const page = await newPage(browser, "nl");
  await signIn(page, played.base, "manager");
  const span = "site=stadskantoor&from=2026-11-30&to=2026-12-03";
  await page.goto(`${played.base}/manage/history?${span}`);
  const days = await rows(page, 'table[data-table="periods"]');
  assert.equal(days.length, 4);
  const visitors = days.map((cells) => Number(cells[1]));
  assert.deepEqual(visitors, played.summaries.map(visitorsOf), "each day as the simulation reported it");
  const busiest = visitors.indexOf(Math.max(...visitors));
  assert.equal(busiest, 3, "Thursday");
  assert.ok(visitors[0] > visitors[1] && visitors[0] > visitors[2], "Monday comes second");
  assert.equal(await page.locator(".chart-bar").count(), 4);

  const hours = await page.$$eval('table[data-table="heat"] thead th', (ths) => ths.map((th) => parseInt(th.textContent, 10)));
  const thursday = (await rows(page, 'table[data-table="heat"]'))[3].slice(1).map(Number);
  const rush = hours[thursday.indexOf(Math.max(...thursday))];
  assert.ok(rush >= 17 && rush <= 19, `Thursday's busiest hour is ${rush}h`);
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, "simulated-history");

  await page.selectOption("#f-per", "week");
  await Promise.all([page.waitForNavigation(), page.click("form.history-form button[type=submit]")]);
  const weeks = await rows(page, 'table[data-table="periods"]');
  assert.equal(weeks.length, 1);
  assert.equal(Number(weeks[0][1]), visitors.reduce((sum, day) => sum + day, 0), "the week adds its days up");
  assert.deepEqual(await accessibilityViolations(page), []);

  const csv = await (await page.request.get(`${played.base}/manage/history.csv?${span}&table=periods`)).text();
  assert.equal(csv.charCodeAt(0), 0xfeff, "a byte order mark, so a spreadsheet reads it as UTF-8");
  const lines = csv.slice(1).trim().split(/\r?\n/).map((line) => line.split(";"));
  assert.equal(lines.length, 5, "a header and four days");
  assert.deepEqual(lines.slice(1).map((line) => Number(line[1])), visitors);
  await page.context().close();
});

test("the live view shows the floor in the middle of a simulated evening rush", async () => {
  const page = await newPage(browser, "nl");
  await signIn(page, evening.base, "manager");
  await page.goto(`${evening.base}/manage`);
  const zones = await rows(page, "table.manage-zones");
  assert.ok(zones.length >= 4);
  const open = zones.reduce((sum, cells) => sum + Number(cells[3]), 0);
  assert.ok(open >= 10, `${open} counters open at 18:30`);
  const served = zones.reduce((sum, cells) => sum + Number(cells[6]), 0);
  assert.ok(served > 0, "tickets served since 18:00");
  assert.match(await page.textContent('[data-zone-pressure="A"]'), /^\d+,\d$/);
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, "simulated-live");
  await page.context().close();
});
