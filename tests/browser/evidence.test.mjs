// Evidence files on the answers page, in Chromium: the connector's editor
// attaches a small real PDF to item 2 (also items ３、４, typed so), with a
// long title and a 有効期限 typed as 令和9年7月31日; the file shows under
// each of its items and in the organisation's list, downloads byte-equal;
// refusals are said beside their field in the page's words with what was
// typed kept (no file, an executable named .pdf, over 20 MiB checked before
// sending); an expired file is flagged; the list edits a file's items and
// removes one after a confirmation. Looked at in Japanese and English, at
// 1366 and 390 px (nothing scrolls sideways).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { BASE_URL, accounts, expectProblem, launch, look, signedIn } from "./lib.mjs";

const C = accounts.connector;
const NAME = "情報セキュリティ管理規程（2026年度改定版・全社共通・外部委託先管理細則および別表を含む）.pdf";
const TITLE = "情報セキュリティ管理規程 第12版（取締役会承認済み・外部委託先の管理に関する細則、アクセス権限管理基準および別表1〜4を含む）";

// A small but real PDF: one page saying hello, with its cross-reference table.
function pdf(text) {
  const objs = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >>",
  ];
  const stream = `BT /F1 12 Tf 20 50 Td (${text}) Tj ET`;
  objs.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  let out = "%PDF-1.4\n";
  const offsets = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}
const PDF = pdf("ISMS 2026");
const OLD = pdf("expired");

let browser;
let page;

before(async () => {
  browser = await launch();
  page = await signedIn(browser, C.editor);
  await page.waitForLoadState("networkidle");
  await page.goto(`${BASE_URL}/answers`);
});
after(async () => { await browser?.close(); });

const item = (no) => page.locator(`#item-${no}`);
const problem = (no, field) => page.locator(`#attach-${field}-${no}-error`);

async function openAttach(no) {
  const details = item(no).locator("details.attach");
  if (!(await details.evaluate((d) => d.open))) await details.locator("summary").click();
}

test("refusals beside their field, in Japanese, with what was typed kept", async () => {
  await openAttach(2);
  await page.fill("#attach-title-2", TITLE);
  await page.fill("#attach-valid-2", "令和9年7月31日");
  await item(2).getByRole("button", { name: "添付する", exact: true }).click();
  assert.equal(await problem(2, "file").innerText(), "添付するファイルを選択してください。");

  await page.setInputFiles("#attach-file-2", { name: "setup.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ\x90\0\x03\0\0\0", "latin1") });
  await item(2).getByRole("button", { name: "添付する", exact: true }).click();
  await page.waitForFunction(() => document.querySelector("#attach-file-2-error").textContent.includes("setup.pdf"));
  assert.equal(await problem(2, "file").innerText(), "ファイル「setup.pdf」は、ファイル名の拡張子（PDF）と内容（実行ファイル）が一致しません。");
  expectProblem(page, /400/);

  await page.setInputFiles("#attach-file-2", { name: "big.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(21 * 1024 * 1024 + 1, 0x25) });
  await item(2).getByRole("button", { name: "添付する", exact: true }).click();
  assert.equal(await problem(2, "file").innerText(), "ファイル「big.pdf」は 21.0 MiB あります。添付できるのは 20 MiB までです。");

  await page.fill("#attach-items-2", "３、99");
  await page.setInputFiles("#attach-file-2", { name: NAME, mimeType: "application/pdf", buffer: PDF });
  await item(2).getByRole("button", { name: "添付する", exact: true }).click();
  await page.waitForFunction(() => !document.querySelector("#attach-items-2-error").hidden);
  assert.equal(await problem(2, "items").innerText(), "通番99はチェックリストにありません。");
  expectProblem(page, /400/);
  assert.equal(await page.inputValue("#attach-title-2"), TITLE, "the title is kept");
  assert.equal(await page.inputValue("#attach-valid-2"), "令和9年7月31日", "the date is kept");
});

test("a PDF attached to items 2, 3 and 4 shows under each and in the list; it downloads byte-equal", async () => {
  await page.fill("#attach-items-2", "３、４");
  await item(2).getByRole("button", { name: "添付する", exact: true }).click();
  await page.waitForFunction(() => document.querySelectorAll("#evidence-list tbody tr").length === 1);
  assert.equal(await item(2).locator(".attach-state").innerText(), `「${NAME}」を添付しました。`);
  assert.equal(await page.inputValue("#attach-title-2"), "", "the form is emptied once attached");
  for (const no of [2, 3, 4]) {
    assert.equal(await item(no).locator(".file-list li").innerText(),
      `${NAME} ${TITLE} PDF・1 KB 有効期限 2027-07-31`, `item ${no}`);
  }
  assert.equal(await item(5).locator(".file-list li").count(), 0);
  assert.equal(await item(5).locator("[data-files-none]").innerText(), "添付ファイルはありません。");
  const cells = await page.locator("#evidence-list tbody tr").first().locator("td").allInnerTexts();
  assert.deepEqual(cells.map((c) => c.trim()), [NAME, TITLE, "2、3、4", "PDF", "1 KB", "2027-07-31", "編集 添付を解除"]);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    item(3).getByRole("link", { name: NAME, exact: true }).click(),
  ]);
  assert.equal(download.suggestedFilename(), NAME);
  assert.deepEqual(readFileSync(await download.path()), PDF, "the download's bytes are the file's");
});

test("an expired file is flagged; the list changes a file's items and removes one", async () => {
  await openAttach(5);
  await page.setInputFiles("#attach-file-5", { name: "旧認証書.pdf", mimeType: "application/pdf", buffer: OLD });
  await page.fill("#attach-valid-5", "2025/3/31");
  await item(5).getByRole("button", { name: "添付する", exact: true }).click();
  await page.waitForFunction(() => document.querySelectorAll("#evidence-list tbody tr").length === 2);
  assert.equal(await item(5).locator(".file-list li").innerText(), "旧認証書.pdf PDF・1 KB 有効期限 2025-03-31 期限切れ");

  const row = page.locator("#evidence-list tbody tr", { hasText: "旧認証書.pdf" });
  await row.getByRole("button", { name: "編集", exact: true }).click();
  await page.fill("#edit-items", "５、6〜7");
  await page.fill("#edit-title", "旧ISMS認証書");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await page.waitForFunction(() => document.querySelector("#item-7 .file-list li"));
  assert.equal(await page.locator(".evidence-state").innerText(), "「旧認証書.pdf」の変更を保存しました。");
  assert.equal(await row.locator("td").nth(2).innerText(), "5、6、7");

  await row.getByRole("button", { name: "添付を解除", exact: true }).click(); // confirm() accepted
  await page.waitForFunction(() => document.querySelectorAll("#evidence-list tbody tr").length === 1);
  assert.equal(await page.locator(".evidence-state").innerText(), "「旧認証書.pdf」の添付を解除しました（ファイル自体は保管されています）。");
  assert.equal(await item(7).locator(".file-list li").count(), 0);
});

const WORDS = {
  ja: { attach: "ファイルを添付", line: `${NAME} ${TITLE} PDF・1 KB 有効期限 2027-07-31`, heading: "添付ファイル（エビデンス）" },
  en: { attach: "Attach a file", line: `${NAME} ${TITLE} PDF・1 KB valid until 2027-07-31`, heading: "Evidence files" },
};

for (const lang of ["ja", "en"]) {
  for (const width of [1366, 390]) {
    const tag = `${lang}-${width}`;
    test(`answers page ${tag}: the files, the list and the attach form`, async () => {
      const p = await signedIn(browser, C.editor);
      await p.waitForLoadState("networkidle"); // the landing page's own requests done before leaving it
      if (lang === "en") await p.goto(`${BASE_URL}/lang/en?next=${encodeURIComponent("/answers")}`);
      else await p.goto(`${BASE_URL}/answers`);
      await p.setViewportSize({ width, height: width === 390 ? 844 : 768 });
      await p.waitForFunction(() => document.querySelectorAll("#evidence-list tbody tr").length === 1);
      assert.equal(await p.locator("#evidence-head").innerText(), WORDS[lang].heading);
      assert.equal(await p.locator("#item-2 .file-list li").innerText(), WORDS[lang].line);
      await p.locator("#item-2 details.attach summary", { hasText: WORDS[lang].attach }).click();
      await p.fill("#attach-title-2", TITLE);
      await p.fill("#attach-valid-2", "令和9年7月31日x");
      await p.setInputFiles("#attach-file-2", { name: NAME, mimeType: "application/pdf", buffer: PDF });
      await p.locator("#item-2 .attach-form button[type=submit]").click();
      await p.waitForFunction(() => !document.querySelector("#attach-valid-2-error").hidden);
      expectProblem(p, /400/);
      assert.equal(await p.inputValue("#attach-title-2"), TITLE);
      await p.locator("#evidence-list tbody tr").first().getByRole("button").first().click();
      await look(p, `evidence-answers-${tag}`);
      await p.locator("#item-2").screenshot({ path: `${process.env.SHINSA_SHOTS}/evidence-item-${tag}.png` });
      await p.locator("#evidence").screenshot({ path: `${process.env.SHINSA_SHOTS}/evidence-list-${tag}.png` });
      await p.close();
    });
  }
}
