// What the review of issues 16 and 17 left, in Chromium: the 回答者 of a
// supplementary question (the bank's review page and the connector's) and
// the 取込者 of the criteria list named 氏名（部署）, the e-mail as the
// title and in small type; the answers page says the 対応予定日 date forms
// once, every date field naming that one hint (after the mark of a field
// the submit panel said is missing); and at 390 px no button on
// the review or the answers page leaves one character alone on its last
// line (「…ダウンロー」「ド」). In Japanese and English, at 1366 and 390 px,
// with long answers and long names.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { BASE_URL, accounts, answeredAndShared, api, launch, look, signedIn } from "./lib.mjs";

const C = accounts.connector, B = accounts.bank;
const SEED = fileURLToPath(new URL("../../catalog/sources/000_facbf1237c5cd287.txt", import.meta.url));
const LONG = "当社は外部委託先の管理態勢について年次で点検を行い、その結果を取締役会に報告しています。".repeat(6);
const ANSWER = "事業継続計画を策定し、年1回、全社で訓練を行っています。".repeat(4);
const NAMES = {
  [C.admin]: ["長谷川 五十鈴之助", "オープンAPI接続推進部 第二グループ"],
  [B.admin]: ["山田 花子", "システムリスク管理部 オープンAPI審査グループ"],
};

function cli(...args) {
  return execFileSync(process.env.SHINSA, args, { encoding: "utf8" });
}

let browser, bank, connector, submission;

before(async () => {
  for (const [email, [name, dept]] of Object.entries(NAMES))
    cli("user", "update", "--email", email, "--name", name, "--department", dept);
  browser = await launch();
  bank = await signedIn(browser, B.admin);
  const csrf = await bank.locator('meta[name="csrf-token"]').getAttribute("content");
  const imp = await bank.request.fetch(`${BASE_URL}/api/v1/criteria?format=text&name=seed.txt`, {
    method: "POST", headers: { "X-CSRF-Token": csrf, "Content-Type": "text/plain; charset=utf-8" },
    data: readFileSync(SEED),
  });
  assert.equal(imp.status(), 201, await imp.text());
  connector = await signedIn(browser, C.admin);
  submission = await answeredAndShared(connector, "api-checklist-2018-08", B.org, LONG);
  const q = await api(connector, "PUT", `/api/v1/banks/${encodeURIComponent(B.org)}/questions/${encodeURIComponent("(2)-1")}`,
    { answer: ANSWER });
  assert.equal(q.status, 200, JSON.stringify(q.json));
  // The bank accepts every item and decides: the decision's download button is there.
  await bank.goto(`${BASE_URL}/reviews/${submission}`);
  await Promise.all([bank.waitForEvent("load"), bank.getByRole("button", { name: /^未判定の \d+ 項目をまとめて了承$/ }).click()]);
  const d = await api(bank, "POST", `/api/v1/reviews/${submission}/decision`, { decision: "meets" });
  assert.equal(d.status, 201, JSON.stringify(d.json));
});
after(async () => { await browser?.close(); });

async function at(page, lang, width, path) {
  await page.goto(`${BASE_URL}/lang/${lang}?next=${encodeURIComponent(path)}`);
  await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
}

// The person as the pages name people (person.html): label, then the e-mail in small type, and the e-mail as title.
async function person(loc) {
  const p = loc.locator(".person");
  return [await p.evaluate((el) => el.firstChild.textContent), await p.locator(".person-email").textContent(),
    await p.getAttribute("title")];
}

// A close look at one part of the page, beside the full-page shots.
const part = (loc, name) => loc.screenshot({ path: `${process.env.SHINSA_SHOTS}/${name}.png` });

const RUNS = [["ja", 1366], ["ja", 390], ["en", 1366], ["en", 390]];

for (const [lang, width] of RUNS) {
  const tag = `${lang}-${width}`;

  test(`回答者 and 取込者 by name (${tag})`, async () => {
    const who = ["長谷川 五十鈴之助（オープンAPI接続推進部 第二グループ）", C.admin, C.admin];
    for (const [page, path, side] of [[bank, `/reviews/${submission}`, "bank"],
      [connector, `/reviews/${submission}?bank=${encodeURIComponent(B.org)}`, "connector"]]) {
      await at(page, lang, width, path);
      const answered = page.locator("#questions article").filter({ hasText: ANSWER.slice(0, 20) });
      assert.deepEqual(await person(answered.locator("dd").nth(1)), who, `${side}: the 回答者`);
      await answered.scrollIntoViewIfNeeded();
      await look(page, `mend-1-${side}-question-${tag}`);
      await part(answered, `mend-1b-${side}-question-${tag}`);
    }
    await at(bank, lang, width, "/criteria");
    assert.equal(await bank.locator("dl.facts dt").nth(1).textContent(), lang === "ja" ? "取込日時（JST）・取込者" : "Imported (JST), by");
    assert.deepEqual(await person(bank.locator("dl.facts dd").nth(1)),
      ["山田 花子（システムリスク管理部 オープンAPI審査グループ）", B.admin, B.admin], "the 取込者");
    await look(bank, `mend-2-criteria-${tag}`);
    await part(bank.locator("dl.facts"), `mend-2b-criteria-${tag}`);
  });

  test(`the 対応予定日 forms said once, named by every date field (${tag})`, async () => {
    await at(connector, lang, width, "/answers");
    const hint = connector.locator("#plan-due-hint");
    assert.equal(await hint.count(), 1);
    assert.equal(await hint.textContent(), lang === "ja"
      ? "「対応予定日」は 2027-07-31、2027/7/31、2027年7月31日、令和9年7月31日、R9.7.31 のいずれの形でも入力できます（全角数字も可）。"
      : "Type each “Planned date” as 2027-07-31, 2027/7/31, 2027年7月31日, 令和9年7月31日 or R9.7.31 (full-width digits too).");
    assert.equal(await hint.isVisible(), true);
    const dates = connector.locator('input[name="plan_due"]');
    assert.equal(await dates.count(), 39);
    assert.deepEqual([...new Set(await dates.evaluateAll((els) => els.map((e) => e.getAttribute("aria-describedby"))))],
      ["plan-due-hint"]);
    // What a screen reader says with the field: the hint.
    assert.equal(await dates.first().evaluate((el) => document.getElementById(el.getAttribute("aria-describedby")).textContent),
      await hint.textContent());
    // Said once: no date field repeats it (the 有効期限 fields have a hint of their own).
    assert.equal(await connector.getByText(await hint.textContent(), { exact: true }).count(), 1);
    await hint.scrollIntoViewIfNeeded();
    await look(connector, `mend-3-answers-hint-${tag}`);
    await part(hint, `mend-3b-answers-hint-${tag}`);
    await dates.first().scrollIntoViewIfNeeded();
    await part(connector.locator("#answer-1 .answer-fields"), `mend-3c-answers-field-${tag}`);
    // Opened from the submit panel's list of what is missing: the mark first, the hint still named.
    await connector.goto(`${BASE_URL}/answers?missing=plan_due#item-5`);
    const due = connector.locator("#plan_due-5");
    await connector.locator("#answer-5 .missing-mark").waitFor();
    assert.equal(await due.getAttribute("aria-describedby"), "missing-plan_due-item-5 plan-due-hint");
    await due.fill("令和9年7月31日");
    assert.equal(await due.getAttribute("aria-describedby"), "plan-due-hint");
    // The date typed is saved when the field is left: wait for it before the next page.
    await Promise.all([connector.waitForResponse((r) => r.url().endsWith("/api/v1/answers/5") && r.request().method() === "PUT"),
      due.press("Tab")]);
  });
}

// Each visible button's text as it stands on the screen, line by line.
const buttonLines = (page) => page.locator("button, .button").evaluateAll((els) => els
  .filter((el) => el.offsetParent !== null && el.textContent.trim())
  .map((el) => {
    const lines = []; // [top, text]
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      for (let i = 0; i < n.data.length; i++) {
        if (/\s/.test(n.data[i])) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        const box = r.getBoundingClientRect();
        if (!box.width) continue;
        const line = lines.find(([top]) => Math.abs(top - box.top) <= 4);
        if (line) line[1] += n.data[i];
        else lines.push([box.top, n.data[i]]);
      }
    }
    return lines.sort((a, b) => a[0] - b[0]).map(([, text]) => text);
  }));

for (const lang of ["ja", "en"]) {
  test(`at 390 px no button leaves one character on its last line (${lang})`, async () => {
    for (const [page, path, name] of [[bank, `/reviews/${submission}`, "bank-review"],
      [connector, `/reviews/${submission}?bank=${encodeURIComponent(B.org)}`, "connector-review"],
      [connector, "/answers", "answers"]]) {
      await at(page, lang, 390, path);
      const buttons = await buttonLines(page);
      assert.ok(buttons.length > 5, `${name}: buttons measured`);
      const alone = buttons.filter((b) => b.length > 1 && [...b[b.length - 1]].length === 1);
      assert.deepEqual(alone, [], `${name}: a button with one character on its last line`);
    }
    await at(bank, lang, 390, `/reviews/${submission}`);
    const download = bank.locator(`a.button[href^="/api/v1/reviews/${submission}/decision"]`);
    // A Japanese label breaks between its phrases, never inside a word.
    if (lang === "ja")
      assert.deepEqual((await buttonLines(bank)).find((b) => b.join("") === "署名付き審査結果ファイルをダウンロード"),
        ["署名付き審査結果", "ファイルをダウンロード"]);
    await download.scrollIntoViewIfNeeded();
    await look(bank, `mend-4-decision-button-${lang}-390`);
    await part(download, `mend-4b-decision-button-${lang}-390`);
  });
}
