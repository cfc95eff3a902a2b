// Shared by the browser tests (tests/browser/*.test.mjs): a real Chromium
// (Debian's /usr/bin/chromium driven by playwright-core, which never
// downloads a browser of its own) against the server that run.sh started.
//
// run.sh exports what the tests need:
//   BASE_URL         the server, e.g. http://127.0.0.1:40123
//   SHINSA_SHOTS     the directory screenshots go to ($BUILD/browser-shots)
//   TEST_PASSWORD    every account's password
//   SHINSA_ACCOUNTS  JSON: {"connector": {"org": NAME, "admin": EMAIL, ...},
//                    "bank": {...}}, one email per role (see run.sh);
//                    `accounts` below is that object
//
//   launch()                      a headless Chromium with a fresh profile
//   newPage(browser, {lang})      a page in a fresh context (ja-JP unless
//                                 told), a 1366x768 laptop viewport, and a
//                                 record of everything that went wrong
//   assertClean(page, {allow})    fails listing console errors and warnings,
//                                 page errors, failed requests and CSP
//                                 violations, except those matching a RegExp
//                                 in `allow`
//   expectProblem(page, re)       a problem the test caused on purpose (the
//                                 browser logs a 4xx it asked for): fails
//                                 unless the record has one matching re,
//                                 then drops those from the record
//   assertNoSideScroll(page)      fails if the page scrolls sideways
//   signIn(page, email, password[, totp])  fills the sign-in form by its
//                                 labels, submits it and returns the
//                                 response to the form's POST
//   shot(page, name)              a full-page PNG, $SHINSA_SHOTS/NAME.png
//   look(page, name)              assertNoSideScroll, shot, then assertClean
//   signedIn(browser, email)      a new page signed in as email (password
//                                 PASSWORD), every confirm() accepted, past
//                                 the sign-in page
//   api(page, method, path[, data])  the JSON API as the page's person, with
//                                 its CSRF token: {status, json}
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

function required(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the browser tests through tests/browser/run.sh`);
  return v;
}

export const BASE_URL = required("BASE_URL");
export const PASSWORD = required("TEST_PASSWORD");
export const accounts = JSON.parse(required("SHINSA_ACCOUNTS"));
const SHOTS = required("SHINSA_SHOTS");

// The closed network refuses Chromium's own background connections (updates,
// sync, field trials); without these flags they show up as noise or delays.
// --no-sandbox: the tests may run as root, where the sandbox cannot start.
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

// chromium.launch() gives every browser a fresh temporary profile
// (user-data-dir) and removes it on close: nothing carries over between runs.
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ARGS,
  });
}

// The page's record of trouble, as lines: "console.error: TEXT (URL)",
// "pageerror: MESSAGE", "requestfailed: METHOD URL (REASON)",
// "securitypolicyviolation: DIRECTIVE blocked URI (SOURCE)".
const CSP_TAG = "securitypolicyviolation:";

export async function newPage(browser, { lang = "ja-JP" } = {}) {
  const context = await browser.newContext({
    locale: lang,
    extraHTTPHeaders: { "Accept-Language": lang },
    viewport: { width: 1366, height: 768 },
  });
  // Chromium logs a CSP violation to the console in its own words; this
  // says which directive and what was blocked, in a form the record keeps.
  // Init scripts are injected by the browser, so the page's CSP allows them.
  await context.addInitScript((tag) => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`${tag} ${e.violatedDirective} blocked ${e.blockedURI || "(inline)"} (${e.sourceFile || e.documentURI}:${e.lineNumber})`);
    });
  }, CSP_TAG);
  const page = await context.newPage();
  // Each page has a context of its own (its own cookies): closing the page
  // closes it too, or its kept-alive connections would stay open and, all
  // from 127.0.0.1, count against the server's cap per address.
  const closePage = page.close.bind(page);
  page.close = async (opts) => {
    await closePage(opts);
    await context.close();
  };
  page.problems = [];
  page.on("console", (m) => {
    const t = m.type();
    if (m.text().startsWith(CSP_TAG)) page.problems.push(m.text());
    else if (t === "error" || t === "warning") page.problems.push(`console.${t}: ${m.text()} (${m.location().url || "?"})`);
  });
  page.on("pageerror", (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on("requestfailed", (r) =>
    page.problems.push(`requestfailed: ${r.method()} ${r.url()} (${r.failure()?.errorText ?? "?"})`));
  return page;
}

// Chromium asks for /favicon.ico by itself, once per browser, whichever page
// comes first, when a page names no icon: its 404 says nothing about the
// page (an icon a page names, at any other path, still counts).
const OWN_FAVICON = /^console\.error: Failed to load resource: the server responded with a status of 404 .*\(https?:\/\/[^/]+\/favicon\.ico\)$/;

// The page's icon is fetched by the browser on its own time; a navigation
// that comes first aborts it, which says nothing about the page either.
const ICON_ABORTED = /^requestfailed: GET https?:\/\/[^/]+\/static\/icon\.svg \(net::ERR_ABORTED\)$/;

export function assertClean(page, { allow = [] } = {}) {
  const left = page.problems.filter((p) => !OWN_FAVICON.test(p) && !ICON_ABORTED.test(p) && !allow.some((re) => re.test(p)));
  assert.deepEqual(left, [], `the page reported problems:\n  ${left.join("\n  ")}`);
}

export function expectProblem(page, re) {
  assert.ok(page.problems.some((p) => re.test(p)), `no problem matching ${re} in:\n  ${page.problems.join("\n  ")}`);
  const left = page.problems.filter((p) => !re.test(p));
  page.problems.length = 0;
  page.problems.push(...left);
}

export async function assertNoSideScroll(page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= client, `the page scrolls sideways: scrollWidth ${scroll} > clientWidth ${client}`);
}

// By the form's labels and the button's name, never by ids: the page may
// change its markup, not what a person reads. Waits for the answer to the
// POST the form sends (whatever its path) and for the page to settle.
export async function signIn(page, email, password, totp) {
  await page.getByLabel("メールアドレス", { exact: true }).fill(email);
  await page.getByLabel("パスワード", { exact: true }).fill(password);
  if (totp !== undefined) await page.getByLabel(/^確認コード/).fill(totp);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().startsWith(BASE_URL)),
    page.getByRole("button", { name: "サインイン", exact: true }).click(),
  ]);
  await page.waitForLoadState();
  return response;
}

// Chromium captures at most 16,384 px in one texture; a taller page (45
// long answers) is shot down to SHOT_MAX_HEIGHT, and a capture Chromium
// refuses once under memory pressure (two suites side by side) is tried
// again: the picture is for people to look at, the checks are elsewhere.
const SHOT_MAX_HEIGHT = 16000;

export async function shot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  const { width, height } = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
  }));
  const options = { path, fullPage: true };
  if (height > SHOT_MAX_HEIGHT) options.clip = { x: 0, y: 0, width, height: SHOT_MAX_HEIGHT };
  try {
    await page.screenshot(options);
  } catch (e) {
    if (!/Unable to capture screenshot/.test(String(e))) throw e;
    await page.waitForTimeout(500);
    await page.screenshot(options);
  }
  return path;
}

export async function look(page, name) {
  await assertNoSideScroll(page);
  await shot(page, name);
  assertClean(page);
}

// The pages ask before submitting, sharing, revoking and deciding.
export async function signedIn(browser, email, { lang } = {}) {
  const page = await newPage(browser, lang ? { lang } : {});
  page.on("dialog", (d) => d.accept());
  await page.goto(`${BASE_URL}/login`);
  const r = await signIn(page, email, PASSWORD);
  assert.equal(r.status(), 200, `sign-in of ${email}`);
  await page.waitForURL((u) => u.pathname !== "/login");
  return page;
}

export async function api(page, method, path, data) {
  const csrf = await page.locator('meta[name="csrf-token"]').getAttribute("content");
  const r = await page.request.fetch(`${BASE_URL}${path}`, {
    method,
    headers: { "X-CSRF-Token": csrf },
    data,
  });
  return { status: r.status(), json: await r.json().catch(() => null) };
}

// The connector (a signed-in page) answers every item of catalog that is
// its own, item longNo with long, submits, and shares with bankOrg: the
// submission's id.
export async function answeredAndShared(connector, catalog, bankOrg, long, longNo = 33) {
  const cat = await api(connector, "GET", `/api/v1/catalogs/${catalog}`);
  for (const it of cat.json.items.filter((i) => i.party !== "bank")) {
    const r = await api(connector, "PUT", `/api/v1/answers/${it.no}`,
      { status: "implemented", current: it.no === longNo ? long : `当社の対応${it.no}` });
    assert.equal(r.status, 200, `item ${it.no}: ${JSON.stringify(r.json)}`);
  }
  const sub = await api(connector, "POST", "/api/v1/submissions", {});
  assert.equal(sub.status, 201, JSON.stringify(sub.json));
  const share = await api(connector, "POST", `/api/v1/submissions/${sub.json.id}/shares`, { bank: bankOrg });
  assert.equal(share.status, 201, JSON.stringify(share.json));
  return sub.json.id;
}
