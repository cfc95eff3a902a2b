// The harness itself (lib.mjs) sees what it is there to see: a CSP
// violation, an uncaught error, a failed request and a page wider than the
// window each fail a test. A blind assertClean would pass every page.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE_URL, assertClean, assertNoSideScroll, launch, newPage } from "./lib.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("assertClean reports a CSP violation and a page error", async () => {
  const page = await newPage(browser);
  await page.goto(`${BASE_URL}/login`);
  assertClean(page);
  await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.inlineRan = true;";
    document.body.append(s);
    setTimeout(() => { throw new Error("thrown by the harness test"); }, 0);
  });
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.inlineRan), undefined, "the inline script was blocked");
  const seen = page.problems.join("\n");
  assert.match(seen, /^securitypolicyviolation: script-src-elem blocked inline/m);
  assert.match(seen, /^pageerror: thrown by the harness test$/m);
  assert.throws(() => assertClean(page), /the page reported problems/);
  await page.context().close();
});

test("assertClean reports a failed request", async () => {
  const page = await newPage(browser);
  // The style sheet never arrives, as when the connection drops.
  await page.route("**/static/shinsa.css", (route) => route.abort());
  await page.goto(`${BASE_URL}/login`);
  assert.match(page.problems.join("\n"), /^requestfailed: GET http:\/\/127\.0\.0\.1:\d+\/static\/shinsa\.css \(net::ERR_FAILED\)$/m);
  assert.throws(() => assertClean(page), /the page reported problems/);
  await page.context().close();
});

test("assertNoSideScroll reports a page wider than the window", async () => {
  const page = await newPage(browser);
  await page.goto(`${BASE_URL}/login`);
  await assertNoSideScroll(page);
  await page.evaluate(() => {
    const d = document.createElement("div");
    d.style.width = "2000px";
    d.style.height = "1px";
    document.body.append(d);
  });
  await assert.rejects(assertNoSideScroll(page), /scrollWidth 20\d\d > clientWidth 1366/);
  await page.context().close();
});
