// Every page at 390 px, a phone held upright, as a connector (admin) and as
// a bank (admin, reviewer), in Japanese and in English, with a company name
// of 30 characters and answers of several hundred: no page scrolls
// sideways, and no header or name is broken one character per line (a
// Japanese text has no spaces: a careless rule breaks it anywhere).
// The long-named organisations are added with the CLI on the server's own
// database (run.sh exports SHINSA and SHINSA_DB); the rest goes through the
// API, as the pages do.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { BASE_URL, PASSWORD, api, assertClean, assertNoSideScroll, launch, shot, signedIn } from "./lib.mjs";

const CONNECTOR = "株式会社オープンバンキング・フィンテック・ソリューションズ社";
const BANK = "株式会社みらい信託・地域共創フィナンシャルグループ東日本銀行";
const C = { admin: "admin@narrow-c.test" };
const B = { admin: "admin@narrow-b.test", reviewer: "reviewer@narrow-b.test" };
const LONG_JA = "当社は外部委託先の管理態勢について年次で点検を行い、その結果を取締役会に報告しています。".repeat(8);
const SEED = fileURLToPath(new URL("../../catalog/sources/000_facbf1237c5cd287.txt", import.meta.url));

function cli(...args) {
  return execFileSync(process.env.SHINSA, args, { input: `${PASSWORD}\n`, encoding: "utf8" });
}

let browser;
let submission;

before(async () => {
  assert.equal([...CONNECTOR].length, 30);
  assert.equal([...BANK].length, 30);
  cli("org", "add", "--kind", "connector", "--name", CONNECTOR);
  cli("org", "add", "--kind", "bank", "--name", BANK);
  cli("user", "add", "--org", CONNECTOR, "--email", C.admin, "--role", "admin", "--password-stdin");
  cli("user", "add", "--org", BANK, "--email", B.admin, "--role", "admin", "--password-stdin");
  cli("user", "add", "--org", BANK, "--email", B.reviewer, "--role", "reviewer", "--password-stdin");
  cli("criteria", "import", SEED, "--org", BANK, "--format", "text");
  browser = await launch();
  const c = await signedIn(browser, C.admin);
  for (let no = 1; no <= 45; no++) {
    // The bank's items are refused (400): they are not the connector's.
    await api(c, "PUT", `/api/v1/answers/${no}`, {
      status: no % 5 === 0 ? "partial" : "implemented",
      current: LONG_JA,
      issues: no % 5 === 0 ? LONG_JA : "",
      plan: no % 5 === 0 ? LONG_JA : "",
      plan_due: no % 5 === 0 ? "2027-03-31" : null,
      notes: "",
    });
  }
  const s = await api(c, "POST", "/api/v1/submissions");
  assert.equal(s.status, 201, JSON.stringify(s.json));
  submission = s.json.id;
  const sh = await api(c, "POST", `/api/v1/submissions/${submission}/shares`, { bank: BANK, expires: "2030-12-31" });
  assert.equal(sh.status, 201, JSON.stringify(sh.json));
  await c.close();
  const b = await signedIn(browser, B.admin);
  assert.equal((await api(b, "GET", `/api/v1/reviews/${submission}`)).status, 200);
  const m = await api(b, "POST", `/api/v1/reviews/${submission}/items/1/messages`, { text: LONG_JA });
  assert.equal(m.status, 201, JSON.stringify(m.json));
  await b.close();
});
after(async () => { await browser?.close(); });

// Every page route of src/web/routes.c a signed-in person of that kind may
// open (/, /login and /lang/ only lead to these).
const PAGES = {
  connector: () => ["/answers", "/submissions", `/submissions/${submission}`, `/submissions/${submission}/diff/working`,
    "/shares", "/reviews", `/reviews/${submission}?bank=${encodeURIComponent(BANK)}`, "/plans", "/portfolio",
    "/notifications", "/account", "/account/password", "/admin/users", "/audit"],
  bank: () => ["/inbox", "/reviews", `/reviews/${submission}`, `/reviews/${submission}/criteria`, "/criteria",
    "/plans", "/portfolio", "/notifications", "/account", "/account/password", "/admin/users", "/audit"],
};

// The texts broken one character per line: headers, headings, the
// company names, labels and chips of at least three characters whose
// lines hold fewer than two characters each on average (the lines counted
// from the text's own boxes, so padding and line-height do not matter).
async function brokenTexts(page) {
  return page.evaluate((names) => {
    const out = [];
    const sel = "caption, th, h1, h2, h3, label, .chip, nav a, button, summary";
    const els = [...document.querySelectorAll(sel)];
    for (const el of document.querySelectorAll("main *"))
      if (names.includes(el.textContent.trim()) && !els.includes(el)) els.push(el);
    for (const el of els) {
      const text = el.textContent.replace(/\s+/g, "");
      if ([...text].length < 3 || !el.getClientRects().length) continue;
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size >= 3 && tops.size * 2 > [...text].length) out.push(`${el.tagName.toLowerCase()} "${text}" in ${tops.size} lines`);
    }
    return out;
  }, [CONNECTOR, BANK]);
}

const WHO = [["connector", C.admin, "connector-admin"], ["bank", B.admin, "bank-admin"], ["bank", B.reviewer, "bank-reviewer"]];
for (const [kind, email, tag] of WHO) {
  for (const lang of ["ja-JP", "en"]) {
    test(`every ${kind} page fits 390px, names and headers whole, as ${tag} (${lang})`, async () => {
      const page = await signedIn(browser, email);
      if (lang === "en") {
        await page.goto(`${BASE_URL}/lang/en?next=%2Faccount`);
        assert.equal(await page.getAttribute("html", "lang"), "en");
      }
      await page.setViewportSize({ width: 390, height: 844 });
      const failures = [];
      for (const path of PAGES[kind]()) {
        const res = await page.goto(`${BASE_URL}${path}`);
        // A reviewer may not manage users or read the audit trail: 403.
        assert.ok([200, 403].includes(res.status()), `${path}: ${res.status()}`);
        await page.waitForLoadState("networkidle");
        if (/^\/reviews\/\d+(\?|$)/.test(path)) assert.ok((await page.content()).includes(LONG_JA.slice(0, 40)), `${path} shows the long answer`);
        if (path === "/portfolio") assert.ok((await page.content()).includes(kind === "bank" ? CONNECTOR : BANK), "the long name on /portfolio");
        const name = `narrow-${tag}-${lang}${path.split("?")[0].replaceAll("/", "-")}`.replace(/-\d+/g, "-N");
        await shot(page, name);
        await assertNoSideScroll(page).catch((e) => failures.push(`${path}: ${e.message}`));
        // The first few of a page are enough to see what to mend.
        for (const b of (await brokenTexts(page)).slice(0, 3)) failures.push(`${path}: ${b}`);
        try {
          assertClean(page, { allow: [/status of 403 \(Forbidden\)/] });
        } catch (e) {
          failures.push(`${path}: ${e.message}`);
        }
        page.problems.length = 0;
      }
      assert.equal(failures.length, 0, `\n${failures.join("\n")}`);
      await page.close();
    });
  }
}

// The same pages at 1366px: a header is not broken one character per line
// on a laptop either (the 基準番号 column of /criteria was).
const WIDE = [["connector", C.admin, ["/answers", "/portfolio", "/reviews", "/admin/users"]],
  ["bank", B.admin, ["/inbox", "/reviews", "/criteria", "/portfolio", "/admin/users"]]];
for (const [kind, email, paths] of WIDE) {
  test(`the ${kind}'s tables at 1366px keep their headers and names whole`, async () => {
    const page = await signedIn(browser, email);
    const failures = [];
    for (const path of [...paths, `/reviews/${submission}${kind === "connector" ? `?bank=${encodeURIComponent(BANK)}` : ""}`]) {
      assert.equal((await page.goto(`${BASE_URL}${path}`)).status(), 200, path);
      await page.waitForLoadState("networkidle");
      await shot(page, `wide-${kind}${path.split("?")[0].replaceAll("/", "-")}`.replace(/-\d+/g, "-N"));
      await assertNoSideScroll(page).catch((e) => failures.push(`${path}: ${e.message}`));
      for (const b of (await brokenTexts(page)).slice(0, 3)) failures.push(`${path}: ${b}`);
      assertClean(page);
    }
    assert.equal(failures.length, 0, `\n${failures.join("\n")}`);
    await page.close();
  });
}
