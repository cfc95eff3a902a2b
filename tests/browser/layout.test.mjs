// Every page, as each kind of organisation, in Japanese and in English: no
// console error, no CSP violation, and no sideways scrolling at 1366px even
// when answers, shares and threads carry long text (an unbroken URL, a long
// Japanese sentence). The data is made through the API, as the pages do.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE_URL, accounts, api, assertClean, assertNoSideScroll, launch, signedIn } from "./lib.mjs";

const LONG_URL = "https://example.test/" + "a".repeat(300);
const LONG_JA = "外部委託先の管理態勢について、".repeat(40);

let browser;
let submission;

// A signed-in page of email's (past the sign-in page, the start page
// loaded in full before anything else is asked for), and a call to the API
// with its session.
async function session(email) {
  const page = await signedIn(browser, email);
  await page.waitForLoadState("networkidle");
  return { page, call: (method, path, data) => api(page, method, path, data) };
}

before(async () => {
  browser = await launch();
  // The connector answers every item it answers with long text, submits and
  // shares; the bank opens the review and asks a long question.
  const c = await session(accounts.connector.admin);
  for (let no = 1; no <= 45; no++) {
    // The bank's items are refused (400): they are not the connector's.
    await c.call("PUT", `/api/v1/answers/${no}`, {
      status: no % 7 === 0 ? "partial" : "implemented",
      current: `${LONG_JA} ${LONG_URL}`,
      issues: no % 7 === 0 ? LONG_URL : "",
      plan: no % 7 === 0 ? LONG_JA : "",
      plan_due: no % 7 === 0 ? "2027-03-31" : null,
      notes: LONG_URL,
    });
  }
  const s = await c.call("POST", "/api/v1/submissions");
  assert.equal(s.status, 201, JSON.stringify(s.json));
  submission = s.json.id;
  const sh = await c.call("POST", `/api/v1/submissions/${submission}/shares`, {
    bank: accounts.bank.org,
    expires: "2030-12-31",
  });
  assert.equal(sh.status, 201, JSON.stringify(sh.json));
  await c.page.context().close();
  const b = await session(accounts.bank.admin);
  assert.equal((await b.call("GET", `/api/v1/reviews/${submission}`)).status, 200);
  const m = await b.call("POST", `/api/v1/reviews/${submission}/items/1/messages`, { text: `${LONG_JA}${LONG_URL}` });
  assert.equal(m.status, 201, JSON.stringify(m.json));
  await b.page.context().close();
});
after(async () => { await browser?.close(); });

const PAGES = {
  connector: () => ["/answers", "/submissions", `/submissions/${submission}`, `/submissions/${submission}/diff/working`,
    "/shares", "/reviews", `/reviews/${submission}?bank=${encodeURIComponent(accounts.bank.org)}`, "/plans",
    "/portfolio", "/account", "/account/password", "/admin/users", "/audit"],
  bank: () => ["/inbox", "/reviews", `/reviews/${submission}`, `/reviews/${submission}/criteria`, "/criteria",
    "/plans", "/portfolio", "/account", "/account/password", "/admin/users", "/audit"],
};

for (const kind of ["connector", "bank"]) {
  for (const lang of ["ja-JP", "en"]) {
    test(`every ${kind} page fits 1366px with long text, cleanly (${lang})`, async () => {
      // Signed in in Japanese (the form is found by its Japanese labels), then switched.
      const { page } = await session(accounts[kind].admin);
      if (lang === "en") {
        await page.goto(`${BASE_URL}/lang/en?next=%2Faccount`);
        await page.waitForLoadState("networkidle");
        assert.equal(await page.getAttribute("html", "lang"), "en");
      }
      assertClean(page);
      for (const path of PAGES[kind]()) {
        const res = await page.goto(`${BASE_URL}${path}`);
        // A bank without criteria gets the 404 page for its criteria views.
        assert.ok([200, 404].includes(res.status()), `${path}: ${res.status()}`);
        await page.waitForLoadState("networkidle");
        // The long text is there to be wrapped on the pages that show answers.
        if (/^\/(submissions|reviews)\/\d+(\?|$)/.test(path))
          assert.ok((await page.content()).includes(LONG_URL), `${path} shows the long answer`);
        await assertNoSideScroll(page).catch((e) => { throw new Error(`${path}: ${e.message}`); });
        try {
          assertClean(page, { allow: [/status of 404 \(Not Found\)/] });
        } catch (e) {
          throw new Error(`${path}: ${e.message}`);
        }
        page.problems.length = 0;
      }
      await page.context().close();
    });
  }
}
