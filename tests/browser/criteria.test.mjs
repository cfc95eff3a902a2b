// The bank's own criteria in Chromium: the admin imports the published
// 「電子決済等代行業者に求める基準」 (seed 000 as it stands) on 審査基準, sees every
// criterion with its relation to the checklist (the shipped cross-walk
// applied) and the suggestions, filters them, takes a suggestion into a
// mapping and saves it; then a connector's submission is read through the
// criteria (coverage per criterion).
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { BASE_URL, accounts, api, expectProblem, launch, look, signedIn } from "./lib.mjs";

const B = accounts.bank;
const C = accounts.connector;
const SEED = fileURLToPath(new URL("../../catalog/sources/000_facbf1237c5cd287.txt", import.meta.url));

let browser;
let bank;
let connector;
let submission;

before(async () => {
  browser = await launch();
  bank = await signedIn(browser, B.admin);
});
after(async () => {
  await browser?.close();
});

// The row of criterion key in the mapping table.
function row(key) {
  return bank.locator("#criteria-map tbody tr").filter({ has: bank.getByRole("rowheader", { name: key, exact: true }) });
}

async function visibleKeys() {
  return bank.locator("#criteria-map tbody tr:not([hidden]) th").allTextContents();
}

test("the bank imports its criteria: every one with its relation to the checklist", async () => {
  await bank.getByRole("link", { name: "審査基準", exact: true }).click();
  await bank.getByRole("heading", { level: 1, name: "自行の審査基準とチェックリストとの対応" }).waitFor();
  await bank.getByText("審査基準はまだ取り込まれていません。", { exact: false }).waitFor();
  await bank.getByLabel("ファイル形式", { exact: true }).selectOption("text");
  await bank.getByLabel("取り込むファイル", { exact: true }).setInputFiles(SEED);
  // First what was read (criteria_paste.test.mjs has the preview), then the replace.
  await bank.locator("#criteria-import").getByRole("button", { name: "読み取って確認する", exact: true }).click();
  await Promise.all([bank.waitForEvent("load"), bank.getByRole("button", { name: "この内容で置き換える", exact: true }).click()]);
  assert.equal(await bank.locator("main .lead").textContent(),
    "「電子決済等代行業者に求める基準」：対応付け済みの基準は 57 件中 57 件です。");
  assert.equal(await bank.locator("#criteria-map tbody tr").count(), 57);
  assert.equal((await row("(1)-2").locator("td").nth(1).innerText()).split("\n")[0], "同等");
  // Damaged in the source: its text is gone, and the row says so.
  await row("(1)-12").getByText("原文の破損あり", { exact: true }).waitFor();
  await look(bank, "criteria-1-imported");
});

test("a file it cannot read: the problem in the page's words, where it is, and nothing changed", async () => {
  // The same 通番 twice, as a list typed by hand often has it.
  const file = join(mkdtempSync(join(tmpdir(), "shinsa-")), "基準（改訂案）.tsv");
  writeFileSync(file, "通番\t区分\t項目\n1\tガバナンス\t経営陣の関与\n1\t\t情報管理\n");
  await bank.getByLabel("ファイル形式", { exact: true }).selectOption("");
  await bank.getByLabel("取り込むファイル", { exact: true }).setInputFiles(file);
  await bank.locator("#criteria-import").getByRole("button", { name: "読み取って確認する", exact: true }).click();
  const alert = bank.locator("#criteria-import [role=alert]");
  await alert.locator("li").waitFor();
  assert.equal(await alert.locator("p").textContent(), "ファイルを取り込めませんでした。現在の審査基準は変わっていません。");
  assert.deepEqual(await alert.locator("li").allTextContents(),
    ["基準（改訂案）.tsv:3：通番 1 が2回あります（最初は 基準（改訂案）.tsv:2）。"]);
  expectProblem(bank, /status of 400 .*\/api\/v1\/criteria\/preview/);
  await look(bank, "criteria-1b-refused");
  assert.equal(await bank.locator("#criteria-map tbody tr").count(), 57);
  const still = await api(bank, "GET", "/api/v1/criteria");
  assert.equal(still.json.criteria.length, 57);
});

test("the filters: the criteria without a counterpart, and a search", async () => {
  await bank.locator(".filters").getByLabel("対応関係").selectOption("none");
  assert.deepEqual(await visibleKeys(), ["(1)-10", "(1)-12", "(2)-1", "(2)-2"]);
  await bank.locator(".filters").getByLabel("対応関係").selectOption("");
  await bank.getByLabel("基準の検索", { exact: true }).fill("経営陣");
  assert.deepEqual(await visibleKeys(), ["(1)-1"]);
  await bank.getByLabel("基準の検索", { exact: true }).fill("");
});

test("a suggestion taken into the mapping and saved", async () => {
  const r = row("(1)-1");
  const form = r.locator("form.mapping");
  await r.getByRole("button", { name: "通番2を追加", exact: true }).click();
  assert.equal(await form.getByLabel("チェックリストの通番", { exact: true }).inputValue(), "1、2");
  // The item typed in full width, as a Japanese input method gives it: the
  // suggestion is added to the text as typed, and the server reads both.
  await form.getByLabel("チェックリストの通番", { exact: true }).fill("１");
  await r.getByRole("button", { name: "通番2を追加", exact: true }).click();
  assert.equal(await form.getByLabel("チェックリストの通番", { exact: true }).inputValue(), "１、2");
  await r.getByRole("button", { name: "通番2を追加", exact: true }).click();
  assert.equal(await form.getByLabel("チェックリストの通番", { exact: true }).inputValue(), "１、2", "once only");
  assert.equal(await form.getByLabel("対応関係", { exact: true }).inputValue(), "intersects");
  await Promise.all([bank.waitForEvent("load"), form.getByRole("button", { name: "対応関係を保存", exact: true }).click()]);
  const after = await api(bank, "GET", "/api/v1/criteria");
  const c = after.json.criteria.find((x) => x.key === "(1)-1");
  assert.deepEqual([c.relation, c.items], ["intersects", [1, 2]]);
  const saved = row("(1)-1");
  await saved.locator("td").nth(1).getByText("通番2", { exact: false }).waitFor();
  assert.equal(await saved.locator(".suggestions li").filter({ hasText: "通番2 " }).locator(".chip.good").textContent(), "設定済");
  await look(bank, "criteria-2-mapping-saved");
});

test("a submission read through the bank's criteria", async () => {
  connector = await signedIn(browser, C.admin);
  const cat = await api(connector, "GET", "/api/v1/catalogs/api-checklist-2018-08");
  for (const it of cat.json.items.filter((x) => x.party !== "bank")) {
    const r = await api(connector, "PUT", `/api/v1/answers/${it.no}`, { status: "implemented", current: `当社の対応${it.no}` });
    assert.equal(r.status, 200);
  }
  const s = await api(connector, "POST", "/api/v1/submissions");
  assert.equal(s.status, 201, JSON.stringify(s.json));
  const sh = await api(connector, "POST", `/api/v1/submissions/${s.json.id}/shares`, { bank: B.org });
  assert.equal(sh.status, 201, JSON.stringify(sh.json));
  submission = s.json.id;
  await bank.goto(`${BASE_URL}/reviews/${submission}`);
  await Promise.all([bank.waitForEvent("load"), bank.getByRole("link", { name: "自行基準で見る", exact: true }).click()]);
  await bank.getByRole("heading", { level: 1, name: "自行基準による審査結果" }).waitFor();
  assert.deepEqual(await summary(), ["充足 0", "充足（改善計画あり） 0", "一部充足 0", "未確定 53", "対応項目なし 4"]);
  assert.equal(await state("(1)-1"), "未確定");
  await look(bank, "criteria-3-review-open");
  // Every item accepted on the review screen: the criteria follow.
  await Promise.all([bank.waitForEvent("load"), bank.getByRole("link", { name: "審査画面へ戻る", exact: true }).click()]);
  await Promise.all([bank.waitForEvent("load"), bank.getByRole("button", { name: /^未判定の \d+ 項目をまとめて了承$/ }).click()]);
  await Promise.all([bank.waitForEvent("load"), bank.getByRole("link", { name: "自行基準で見る", exact: true }).click()]);
  assert.deepEqual(await summary(), ["充足 49", "充足（改善計画あり） 0", "一部充足 4", "未確定 0", "対応項目なし 4"]);
  // Overlapping items only: the rest of the criterion is the bank's to judge.
  assert.equal(await state("(1)-1"), "一部充足");
  assert.equal(await state("(1)-2"), "充足");
  assert.equal(await state("(2)-1"), "対応項目なし");
  await look(bank, "criteria-4-review-accepted");
});

test("the supplementary questions: the connector answers one on the review, the bank reads it", async () => {
  await connector.goto(`${BASE_URL}/reviews/${submission}?bank=${encodeURIComponent(B.org)}`);
  const qs = connector.locator("#questions");
  assert.deepEqual(await qs.locator("h3").allTextContents(), [
    "基準 (1)-10 情報・セキュリティ管理態勢", // (1)-12, seed 000's unreadable row, is never asked
    "基準 (2)-1 事業継続管理(BCP)", "基準 (2)-2 反社会的勢力の排除"]);
  const q = qs.locator("article").first();
  await q.getByLabel("回答", { exact: true }).fill("ISMS 認証（ISO/IEC 27001）を取得しています");
  await Promise.all([connector.waitForEvent("load"), q.getByRole("button", { name: "回答を保存", exact: true }).click()]);
  await connector.locator("#questions article").first().getByText("ISMS 認証（ISO/IEC 27001）を取得しています").first().waitFor();
  await look(connector, "criteria-5-connector-questions");
  await bank.goto(`${BASE_URL}/reviews/${submission}`);
  const seen = bank.locator("#questions article").first();
  assert.equal(await seen.locator("dd").first().textContent(), "ISMS 認証（ISO/IEC 27001）を取得しています");
  assert.equal(await seen.locator("textarea").count(), 0, "the bank reads, it does not answer");
  assert.equal(await bank.locator("#questions article").nth(1).locator("p.muted").textContent(), "まだ回答されていません。");
  await look(bank, "criteria-6-bank-questions");
});

async function summary() {
  return bank.locator("main ul li .chip").allTextContents();
}

// The 充足状況 cell of criterion key on the review by criteria.
async function state(key) {
  return bank.locator("tbody tr").filter({ has: bank.getByRole("rowheader", { name: key, exact: true }) })
    .locator("td").last().textContent();
}
