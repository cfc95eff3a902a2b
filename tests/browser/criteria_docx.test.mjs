// The bank's criteria from a Word .docx in Chromium: the list as published
// (made by LibreOffice with Word's own numbering) imported on 審査基準 with
// the format left to the file, previewed and replaced, read into the keys and 区分 its .txt gives;
// a .docx that is no Word document refused in the page's words; the same
// in English, at 1366 px and at 390 px.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { BASE_URL, accounts, expectProblem, launch, look, signedIn } from "./lib.mjs";

const B = accounts.bank;
const fixture = (name) => fileURLToPath(new URL(`../fixtures/criteria/docx/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "shinsa-"));

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function keys(page) {
  return page.locator("#criteria-map tbody tr th").allTextContents();
}

// The import refused: the problem's lines in the page's words.
async function refused(page, lines) {
  const alert = page.locator("#criteria-import [role=alert]");
  await alert.locator("li").waitFor();
  assert.deepEqual(await alert.locator("li").allTextContents(), lines);
  expectProblem(page, /status of 400 .*\/api\/v1\/criteria\/preview/);
  return alert;
}

// Chooses the file and asks for what was read (criteria_paste.test.mjs
// has the preview itself); replace, when given, is the button that then
// replaces the list, clicked once the preview shows it.
async function importFile(page, label, button, file, replace) {
  await page.getByLabel(label, { exact: true }).setInputFiles(file);
  await page.locator("#criteria-import").getByRole("button", { name: button, exact: true }).click();
  if (replace)
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: replace, exact: true }).click()]);
}

test("a Word document imported as it was published (ja, 1366 px and 390 px)", async () => {
  const bank = await signedIn(browser, B.admin);
  await bank.goto(`${BASE_URL}/criteria`);
  await bank.getByRole("heading", { level: 1, name: "自行の審査基準とチェックリストとの対応" }).waitFor();
  assert.deepEqual(await bank.locator("#import-format option").allTextContents(),
    ["ファイル名から判定", "Excel (.xlsx)", "CSV (.csv)", "TSV (.tsv)", "テキスト (.txt)", "Word (.docx)"]);
  assert.equal(await bank.locator("#criteria-import .help").textContent(),
    "Excel・CSV・TSV・テキストのファイル、または公表している基準の Word 文書（.docx）を読み取ります。読み取った内容を確認してから、現在の基準と置き換えます。");
  // Named 基準.docx and made by Word's numbering, not typed numbers.
  const file = join(dir, "基準.docx");
  writeFileSync(file, readFileSync(fixture("list.docx")));
  await importFile(bank, "取り込むファイル", "読み取って確認する", file, "この内容で置き換える");
  assert.equal(await bank.locator("main .lead").textContent(),
    "「電子決済等代行業者に求める基準」：対応付け済みの基準は 7 件中 0 件です。");
  assert.equal(await bank.locator("main dl.facts dd").first().textContent(), "基準.docx（docx）");
  assert.deepEqual(await keys(bank), ["1-(1)-①", "1-(1)-②", "1-(2)", "2-1", "2-2", "3-(1)", "3-(2)"]);
  await look(bank, "criteria-docx-1-imported-ja-1366");
  await bank.setViewportSize({ width: 390, height: 844 });
  await look(bank, "criteria-docx-2-imported-ja-390");

  // Not a Word document, whatever its name says: refused, nothing changed.
  const bad = join(dir, "基準（案）.docx");
  writeFileSync(bad, "1. 経営管理\n");
  await importFile(bank, "取り込むファイル", "読み取って確認する", bad);
  const alert = await refused(bank, ["基準（案）.docx：Word 文書（.docx）ではありません。選んだファイルを確かめてください。"]);
  await alert.scrollIntoViewIfNeeded();
  await look(bank, "criteria-docx-3-refused-ja-390");
  assert.equal(await bank.locator("#criteria-map tbody tr").count(), 7);
  await bank.close();
});

test("the same in English: headings numbered by their styles, and a refusal (1366 px and 390 px)", async () => {
  const bank = await signedIn(browser, B.admin);
  await bank.goto(`${BASE_URL}/lang/en?next=%2Fcriteria`);
  await bank.getByRole("heading", { level: 1, name: "Our criteria and their mapping to the checklist" }).waitFor();
  await importFile(bank, "File", "Read and check", fixture("headings.docx"), "Replace with this");
  await bank.locator("main .lead").filter({ hasText: "of 5 criteria" }).waitFor();
  assert.deepEqual(await keys(bank), ["1-(1)-①", "1-(1)-②", "1-(2)-①", "2-1", "2-2"]);
  await look(bank, "criteria-docx-4-imported-en-1366");
  const bad = join(dir, "criteria.docx");
  writeFileSync(bad, readFileSync(fixture("list.docx")).subarray(0, 1000));
  await importFile(bank, "File", "Read and check", bad);
  const alert = await refused(bank,
    ["criteria.docx: This Word document (.docx) cannot be read (zip archive is truncated (no central directory)). Save it again in Word and try again."]);
  await bank.setViewportSize({ width: 390, height: 844 });
  await alert.scrollIntoViewIfNeeded();
  await look(bank, "criteria-docx-5-refused-en-390");
  await bank.close();
});
