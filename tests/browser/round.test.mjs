// The whole round through the pages, as people do it, in Chromium:
//   the connector answers (most items set up through the API, as an import
//   would; one typed on the answers page and saved by autosave), submits
//   and shares with the bank; the bank finds it in its inbox, raises a
//   query on item 7 and accepts the rest at once; the connector answers
//   the query on the item's thread; the bank accepts item 7 and decides,
//   and the signed decision is there to download. Then every main screen
//   of both sides, in Japanese and, switched, in English.
// Each step checks what a person would see (headings, chips, counts,
// messages), no console error, no CSP violation, no sideways scrolling,
// and saves a screenshot ($SHINSA_SHOTS/NN-name.png).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  BASE_URL, PASSWORD, accounts, api, assertClean, expectProblem, launch, look, newPage, signIn, signedIn,
} from "./lib.mjs";

const C = accounts.connector;
const B = accounts.bank;
const CATALOG = "api-checklist-2018-08";
const TEXT = "照会・要改善の内容（了承・対象外は任意のメモ）"; // the verdict's text box

let browser;
let connector; // the connector's editor
let bank;      // the bank's reviewer
let submission;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// Clicks what submits a data-api form and waits for the page it reloads.
async function submitAndReload(page, locator) {
  await Promise.all([page.waitForEvent("load"), locator.click()]);
}

// Clicks what saves one item's form on the review page and waits for it
// to say so: the page stays (web/static/review_work.js).
async function saveInPlace(page, no, button) {
  await button.click();
  await page.locator(`#item-${no}`).getByRole("status").filter({ hasText: "保存しました" }).waitFor();
}

async function heading(page, name) {
  await page.getByRole("heading", { level: 1, name, exact: true }).waitFor();
}

test("the connector answers: one item typed on the page, saved by autosave", async () => {
  connector = await signedIn(browser, C.editor);
  assert.equal(new URL(connector.url()).pathname, "/answers", "a connector starts at its answers");
  await heading(connector, "API接続チェックリストの回答");
  // Every connector and common item but item 3 answered as an import would.
  const cat = await api(connector, "GET", `/api/v1/catalogs/${CATALOG}`);
  const mine = cat.json.items.filter((it) => it.party !== "bank").map((it) => it.no);
  assert.ok(mine.includes(3) && mine.includes(5) && mine.includes(7));
  for (const no of mine) {
    if (no === 3) continue;
    const body = no === 5
      ? { status: "partial", current: "ログは6か月保存", issues: "保存期間が短い", plan: "保存期間を1年に延ばす", plan_due: "2027-06-30" }
      : { status: "implemented", current: `当社の対応${no}` };
    const r = await api(connector, "PUT", `/api/v1/answers/${no}`, body);
    assert.equal(r.status, 200, `item ${no}: ${JSON.stringify(r.json)}`);
  }
  await connector.reload();
  assert.equal(await connector.locator("#count-unset").textContent(), "1");
  // Item 3 on the page: the status, then the text; autosave says so.
  const item = connector.locator("#item-3");
  await item.getByLabel("対応状況", { exact: true }).selectOption("implemented");
  await item.getByLabel("現在の対応状況", { exact: true }).fill("社内規程に基づき年1回見直している");
  await item.getByLabel("備考", { exact: true }).click(); // leaving the field saves at once
  await item.getByRole("status").filter({ hasText: "保存しました" }).waitFor();
  assert.equal(await connector.locator("#count-unset").textContent(), "0", "the counts follow the save");
  assert.equal(await connector.locator("#count-implemented").textContent(), String(mine.length - 1));
  assert.equal(await item.locator(".answer-head .chip").textContent(), "対応済");
  const saved = await api(connector, "GET", "/api/v1/answers");
  const three = saved.json.items.find((it) => it.no === 3);
  assert.equal(three.status, "implemented");
  assert.equal(three.current, "社内規程に基づき年1回見直している");
  // The filters: only the partial item.
  await connector.locator("#f-status").selectOption("partial");
  assert.equal(await connector.locator("#grid [data-row]:not([hidden])").count(), 1);
  assert.equal(await connector.locator("#item-5").isVisible(), true);
  await connector.locator("#f-status").selectOption("");
  await look(connector, "01-connector-answers");
});

test("the connector submits and shares with the bank", async () => {
  await connector.getByRole("link", { name: "提出", exact: true }).click();
  await heading(connector, "提出履歴");
  await look(connector, "02-connector-submissions");
  await Promise.all([
    connector.waitForURL(/\/submissions\/\d+$/),
    connector.getByRole("button", { name: "提出する", exact: true }).click(),
  ]);
  submission = Number(new URL(connector.url()).pathname.split("/").pop());
  assert.ok(submission > 0);
  // A bank that is not there: the page's own words first, the refusal's (its
  // problem "no_bank", worded by the page) under them.
  const share = connector.locator("form").filter({ has: connector.getByLabel("銀行名", { exact: true }) });
  await connector.getByLabel("銀行名", { exact: true }).fill("存在しない銀行");
  await share.getByRole("button", { name: "共有する", exact: true }).click();
  const alert = share.getByRole("alert");
  await alert.locator("li").waitFor();
  assert.deepEqual(await alert.evaluate((a) => [...a.querySelectorAll("p, li")].map((x) => x.textContent)), [
    "入力内容を確認してください。",
    "「存在しない銀行」という銀行は登録されていません。銀行名を入力し、候補から選んでください。",
  ]);
  expectProblem(connector, /status of 400 .*\/shares\)$/);
  await connector.getByLabel("銀行名", { exact: true }).fill(B.org);
  await submitAndReload(connector, connector.getByRole("button", { name: "共有する", exact: true }));
  const row = connector.locator("table.shares tbody tr").filter({ hasText: B.org });
  await row.getByText("有効", { exact: true }).waitFor();
  await look(connector, "03-connector-submission-shared");
});

test("the bank finds it in its inbox, raises a query and accepts the rest", async () => {
  bank = await signedIn(browser, B.reviewer);
  assert.equal(new URL(bank.url()).pathname, "/inbox", "a bank starts at its inbox");
  const row = bank.locator("tbody tr").filter({ hasText: C.org });
  await look(bank, "04-bank-inbox");
  await Promise.all([bank.waitForURL(/\/reviews\/\d+$/), row.getByRole("link").first().click()]);
  await heading(bank, `${C.org} 第1版の審査`);
  await look(bank, "05-bank-review");
  // A query on item 7.
  const seven = bank.locator("#item-7");
  await seven.getByLabel("判定", { exact: true }).selectOption("query");
  await seven.getByLabel(TEXT, { exact: true }).fill("委託先の一覧を示してください");
  await saveInPlace(bank, 7, seven.getByRole("button", { name: "判定を保存", exact: true }));
  await bank.locator("#item-7").getByText("委託先の一覧を示してください").first().waitFor();
  // The rest at once.
  const bulk = bank.locator("#accept-pending button");
  const label = await bulk.textContent();
  const pending = Number(label.match(/(\d+)/)[1]);
  assert.ok(pending > 30, `pending items: ${label}`);
  await submitAndReload(bank, bulk);
  await bank.getByText("未判定 0", { exact: true }).waitFor();
  await bank.getByText(`了承 ${pending}`, { exact: true }).waitFor();
  await bank.getByText("照会 1", { exact: true }).waitFor();
  await look(bank, "06-bank-review-query");
});

test("the connector answers the query on the item's thread", async () => {
  await connector.getByRole("link", { name: "審査", exact: true }).click();
  await heading(connector, "審査一覧");
  await look(connector, "07-connector-reviews");
  await Promise.all([
    connector.waitForURL(/\/reviews\/\d+\?bank=/),
    connector.locator("tbody tr").filter({ hasText: B.org }).getByRole("link").first().click(),
  ]);
  const seven = connector.locator("#item-7");
  await seven.getByText("委託先の一覧を示してください").first().waitFor();
  assert.equal(await connector.locator('form[id^="verdict-"]').count(), 0, "a connector gives no verdicts");
  await seven.getByLabel("銀行への回答", { exact: true }).fill("委託先一覧を別紙1として追加しました");
  await saveInPlace(connector, 7, seven.getByRole("button", { name: "送信", exact: true }));
  await connector.locator("#item-7").getByText("委託先一覧を別紙1として追加しました").waitFor();
  await look(connector, "08-connector-review-reply");
});

test("the bank accepts item 7 and decides; the signed decision is there", async () => {
  await bank.reload();
  const seven = bank.locator("#item-7");
  await seven.getByText("委託先一覧を別紙1として追加しました").waitFor();
  await seven.getByLabel("判定", { exact: true }).selectOption("accepted");
  await saveInPlace(bank, 7, seven.getByRole("button", { name: "判定を保存", exact: true }));
  await bank.getByText("照会 0", { exact: true }).waitFor();
  const decide = bank.locator("#decide");
  await decide.getByLabel("審査結果", { exact: true }).selectOption("conditional");
  await decide.getByLabel("理由・条件", { exact: true }).fill("項目5の改善計画（2027-06-30まで）の完了を条件とする");
  await submitAndReload(bank, decide.getByRole("button", { name: "審査結果を確定する", exact: true }));
  await bank.getByText("署名は有効です", { exact: true }).waitFor();
  const link = bank.getByRole("link", { name: "署名付き審査結果ファイルをダウンロード", exact: true });
  const href = await link.getAttribute("href");
  const file = await bank.request.get(`${BASE_URL}${href}`);
  assert.equal(file.status(), 200);
  const decision = await file.json();
  assert.equal(decision.document.format, "shinsa-review-decision/1");
  assert.equal(decision.document.decision, "conditional");
  assert.equal(decision.document.connector, C.org);
  await look(bank, "09-bank-decision");
});

test("both sides' other screens, in Japanese", async () => {
  const screens = [
    [bank, "/reviews", "10-bank-reviews"],
    [bank, `/reviews/${submission}/criteria`, "11-bank-review-criteria"],
    [bank, "/criteria", "12-bank-criteria"],
    [bank, "/portfolio", "13-bank-portfolio"],
    [bank, "/plans", "14-bank-plans"],
    [connector, "/shares", "15-connector-shares"],
    [connector, "/plans", "16-connector-plans"],
    [connector, "/portfolio", "17-connector-portfolio"],
    [connector, `/submissions/${submission}/diff/working`, "18-connector-diff"],
    [connector, "/account", "19-connector-account"],
  ];
  for (const [page, path, name] of screens) {
    const r = await page.goto(`${BASE_URL}${path}`);
    assert.equal(r.status(), 200, path);
    assert.equal(await page.locator("html").getAttribute("lang"), "ja", path);
    await look(page, name);
  }
  // The bank sees the connector's overdue-free, conditional standing.
  await bank.goto(`${BASE_URL}/portfolio`);
  await bank.locator("tbody tr").filter({ hasText: C.org }).getByText("条件付適合").first().waitFor();
});

test("an administrator's screens: users and the audit trail", async () => {
  const admin = await signedIn(browser, C.admin);
  for (const [path, name] of [["/admin/users", "20-admin-users"], ["/audit", "21-admin-audit"]]) {
    const r = await admin.goto(`${BASE_URL}${path}`);
    assert.equal(r.status(), 200, path);
    await look(admin, name);
  }
  await admin.locator("tbody").getByText(C.editor).first().waitFor();
  // Adding a user asks for the administrator's own password first.
  await admin.goto(`${BASE_URL}/admin/users`);
  const add = admin.locator("#user-add");
  await add.getByLabel("メールアドレス", { exact: true }).fill("new@connector.test");
  await add.getByRole("button", { name: "追加", exact: true }).click();
  assert.equal((await add.getByRole("alert").textContent()).trim(), "先に「あなたのパスワード」を入力してください。");
  await admin.getByLabel("あなたのパスワード", { exact: true }).fill(PASSWORD);
  await add.getByRole("button", { name: "追加", exact: true }).click();
  await admin.locator("#user-added").waitFor();
  assert.match(await admin.locator("#added-otp").textContent(), /^[a-z0-9]{5}(-[a-z0-9]{5}){3}$/);
  await look(admin, "22-admin-user-added");
  const otp = await admin.locator("#added-otp").textContent();
  await admin.context().close();
  // The new user signs in with it and must choose a password first, as
  // the README's round has every demo user do.
  const first = await newPage(browser);
  await first.goto(`${BASE_URL}/login`);
  await signIn(first, "new@connector.test", otp);
  await first.waitForURL(/\/account\/password$/);
  await heading(first, "パスワードの変更");
  await first.goto(`${BASE_URL}/answers`);
  await first.waitForURL(/\/account\/password$/); // nothing else opens until then
  await first.getByLabel("現在のパスワード", { exact: true }).fill(otp);
  await first.getByLabel("新しいパスワード", { exact: true }).fill("a new password of mine");
  await first.getByLabel("新しいパスワード（確認のため再入力）", { exact: true }).fill("a new password of mine");
  await Promise.all([first.waitForURL(/\/answers$/), first.getByRole("button", { name: "パスワードを変更", exact: true }).click()]);
  await heading(first, "API接続チェックリストの回答");
  assertClean(first);
  await first.context().close();
});

test("switched to English, the same screens speak English", async () => {
  await connector.goto(`${BASE_URL}/answers`);
  await Promise.all([connector.waitForURL(/\/answers$/), connector.getByRole("link", { name: "English" }).click()]);
  assert.equal(await connector.locator("html").getAttribute("lang"), "en");
  await connector.getByRole("link", { name: "日本語" }).waitFor();
  await look(connector, "23-en-connector-answers");
  await connector.goto(`${BASE_URL}/submissions`);
  await look(connector, "24-en-connector-submissions");
  await bank.goto(`${BASE_URL}/lang/en?next=${encodeURIComponent(`/reviews/${submission}`)}`);
  assert.equal(await bank.locator("html").getAttribute("lang"), "en");
  await look(bank, "25-en-bank-review");
  await bank.goto(`${BASE_URL}/inbox`);
  await look(bank, "26-en-bank-inbox");
  await bank.goto(`${BASE_URL}/portfolio`);
  await look(bank, "27-en-bank-portfolio");
  // And back: the choice is kept until changed.
  await Promise.all([bank.waitForURL(/\/portfolio$/), bank.getByRole("link", { name: "日本語" }).click()]);
  assert.equal(await bank.locator("html").getAttribute("lang"), "ja");
  await connector.context().close();
  await bank.context().close();
});
