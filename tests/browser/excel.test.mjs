// Excel on the answers page, in Chromium: the connector downloads its
// answers as the A3 form, the page checks a file before importing it (the
// changes item by item, statuses by their labels), imports it, and shows a
// broken file's errors by cell while writing nothing.
// Files are changed as the CLI tests change them (tests/cli/xlsx_edit.py).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { accounts, api, expectProblem, launch, look, signedIn } from "./lib.mjs";

const C = accounts.connector;
const EDIT = fileURLToPath(new URL("../cli/xlsx_edit.py", import.meta.url));
const SHEET = "API接続チェックリスト";

let browser;
let page;
let dir;

before(async () => {
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), "shinsa-excel-"));
  page = await signedIn(browser, C.editor);
  for (const no of [1, 3]) {
    const r = await api(page, "PUT", `/api/v1/answers/${no}`, { status: "implemented", current: `当社の対応${no}` });
    assert.equal(r.status, 200, JSON.stringify(r.json));
  }
  await page.reload();
});
after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// The rows of the result's table, cell texts trimmed.
async function rows(selector) {
  return page.locator(`${selector} tr`).evaluateAll((trs) =>
    trs.map((tr) => [...tr.cells].map((td) => td.textContent.trim())));
}

async function check(file) {
  await page.getByLabel("取り込む Excel ファイル（.xlsx）", { exact: true }).setInputFiles(file);
  await page.getByRole("button", { name: "内容を確認", exact: true }).click();
}

test("the connector downloads its answers as the Excel form", async () => {
  // Checking with no file chosen: the page says so, in one line.
  await page.getByRole("button", { name: "内容を確認", exact: true }).click();
  assert.equal(await page.locator(".import-result").innerText(), "ファイルを選択してください。");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "回答を Excel（.xlsx）でダウンロード", exact: true }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `${C.org}-api-checklist-2018-08.xlsx`);
  await download.saveAs(join(dir, "answers.xlsx"));
  assert.equal(readFileSync(join(dir, "answers.xlsx")).subarray(0, 2).toString(), "PK", "a zip, as .xlsx is");
});

test("checking a file lists what would change, by label; importing writes it", async () => {
  const r = await api(page, "PUT", "/api/v1/answers/3", { status: "partial", current: "書き換えた" });
  assert.equal(r.status, 200);
  await check(join(dir, "answers.xlsx"));
  await page.locator(".import-changes").waitFor();
  assert.equal(await page.locator(".import-result p").first().textContent(), "取り込むと次の項目が変更されます：");
  assert.deepEqual(await rows(".import-changes"), [
    ["通番", "項目", "変更前", "変更後"],
    ["3", "対応状況", "一部対応", "対応済"],
    ["3", "現在の対応状況", "書き換えた", "当社の対応3"],
  ]);
  const still = await api(page, "GET", "/api/v1/answers");
  assert.equal(still.json.items.find((it) => it.no === 3).status, "partial", "a check writes nothing");
  await page.locator("#excel-head").scrollIntoViewIfNeeded();
  await look(page, "excel-1-check");
  await Promise.all([
    page.waitForEvent("load"),
    page.getByRole("button", { name: "この内容で取り込む", exact: true }).click(),
  ]);
  assert.equal(await page.locator("#current-3").inputValue(), "当社の対応3");
  assert.equal(await page.locator("#item-3 .answer-head .chip").textContent(), "対応済");
});

test("a file with errors: each one by its cell, nothing imported", async () => {
  const bad = join(dir, "bad.xlsx");
  execFileSync("python3", [EDIT, join(dir, "answers.xlsx"), bad,
    "xl/sharedStrings.xml", "【対応済】", "【完了】",
    "xl/sharedStrings.xml", "<t>api-checklist-2018-08</t>", "<t>api-checklist-2099</t>"]);
  await api(page, "PUT", "/api/v1/answers/1", { notes: "取り込み前" });
  await page.reload();
  await check(bad);
  await page.locator(".import-problems").waitFor();
  assert.equal(await page.locator(".import-result p").first().textContent(),
    "ファイルに 3 件のエラーがあり、何も取り込んでいません。次のセルを修正してから再度お試しください：");
  const status = "現在の対応状況の1行目「【完了】」を対応状況として読めません。" +
    "【対応済】【一部対応】【未対応】【対象外】のいずれかにしてください。";
  assert.deepEqual(await rows(".import-problems"), [
    ["セル", "エラーの内容"],
    ["shinsa!B2", "このファイルはチェックリスト api-checklist-2099 用のため、api-checklist-2018-08 の回答には取り込めません。"],
    [`${SHEET}!E4`, status],
    [`${SHEET}!E6`, status],
  ]);
  assert.equal(await page.getByRole("button", { name: "この内容で取り込む" }).isVisible(), false);
  const still = await api(page, "GET", "/api/v1/answers");
  assert.equal(still.json.items.find((it) => it.no === 1).notes, "取り込み前", "nothing was imported");
  await page.locator("#excel-head").scrollIntoViewIfNeeded();
  // The browser logs the check's answer, 422: the check working, not a fault.
  expectProblem(page, /status of 422 .*\/api\/v1\/answers\/import/);
  await look(page, "excel-2-errors");
});

test("a file that is not a workbook: said in the page's words, nothing imported", async () => {
  // The answers saved from Excel as CSV, chosen by mistake.
  const csv = join(dir, "回答.csv");
  writeFileSync(csv, "通番,区分\n1,ガバナンス\n");
  await check(csv);
  const alert = page.locator(".import-result [role=alert]");
  await alert.locator("li").waitFor();
  assert.equal(await alert.locator("p").textContent(), "ファイルを取り込めませんでした。回答は変わっていません。");
  assert.deepEqual(await alert.locator("li").allTextContents(),
    ["Excel ブック（.xlsx）ではありません。選んだファイルを確かめてください。"]);
  expectProblem(page, /status of 400 .*\/api\/v1\/answers\/import/);
  const still = await api(page, "GET", "/api/v1/answers");
  assert.equal(still.json.items.find((it) => it.no === 1).notes, "取り込み前", "nothing was imported");
});

test("in English, the same errors in English", async () => {
  await Promise.all([page.waitForURL(/\/answers$/), page.getByRole("link", { name: "English", exact: true }).click()]);
  await page.getByLabel("Excel file to import (.xlsx)", { exact: true }).setInputFiles(join(dir, "bad.xlsx"));
  await page.getByRole("button", { name: "Check the file", exact: true }).click();
  await page.locator(".import-problems").waitFor();
  assert.equal(await page.locator(".import-result p").first().textContent(),
    "Errors in the file: 3. Nothing was imported. Correct these cells and try again:");
  const status = "The first line \"【完了】\" is not a status: use 【対応済】, 【一部対応】, 【未対応】 or 【対象外】.";
  assert.deepEqual(await rows(".import-problems"), [
    ["Cell", "Error"],
    ["shinsa!B2", "This file is for checklist api-checklist-2099; it cannot be imported into the answers to api-checklist-2018-08."],
    [`${SHEET}!E4`, status],
    [`${SHEET}!E6`, status],
  ]);
  await page.locator("#excel-head").scrollIntoViewIfNeeded();
  expectProblem(page, /status of 422 .*\/api\/v1\/answers\/import/);
  await look(page, "excel-3-en-errors");
});
