// Evidence from the connector's page to the bank's review, in Chromium:
// the connector's editor attaches a small real PDF to item 2 on the answers
// page (also item ３, a long title, 有効期限 令和9年7月31日) and, with the
// CLI, an expired certificate to item 5; submits (a long answer) and shares.
// The bank's reviewer opens the review: each item shows the sealed files
// that support it, the expired one flagged 期限切れ, and the PDF downloads
// byte-equal. Japanese and English, at 1366 and 390 px.
// The connector also downloads the package from its submission page.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { BASE_URL, accounts, answeredAndShared, api, launch, look, signedIn } from "./lib.mjs";

const C = accounts.connector, B = accounts.bank;
const NAME = "情報セキュリティ管理規程（2026年度改定版・全社共通・外部委託先管理細則および別表を含む）.pdf";
const TITLE = "情報セキュリティ管理規程 第12版（取締役会承認済み・外部委託先の管理に関する細則、アクセス権限管理基準および別表1〜4を含む）";
// A small but real PDF (one page), as the connector would attach.
const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" +
  "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n" +
  "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>\nendobj\n" +
  "trailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");
const OLD = Buffer.from("%PDF-1.4\n旧認証書\n%%EOF\n");
const sha12 = (b) => createHash("sha256").update(b).digest("hex").slice(0, 12);

let browser;
let sub;

before(async () => {
  browser = await launch();
  const page = await signedIn(browser, C.editor);
  await page.waitForLoadState("networkidle");
  await page.goto(`${BASE_URL}/answers`);
  await page.locator("#item-2 details.attach summary").click();
  await page.setInputFiles("#attach-file-2", { name: NAME, mimeType: "application/pdf", buffer: PDF });
  await page.fill("#attach-title-2", TITLE);
  await page.fill("#attach-valid-2", "令和9年7月31日");
  await page.fill("#attach-items-2", "３");
  await page.locator("#item-2 .attach-form button[type=submit]").click();
  await page.waitForFunction(() => document.querySelectorAll("#evidence-list tbody tr").length === 1);
  const dir = mkdtempSync(join(tmpdir(), "shinsa-evbank-"));
  writeFileSync(join(dir, "旧認証書.pdf"), OLD);
  execFileSync(process.env.SHINSA, ["attach", "add", "--org", C.org, "--item", "5", join(dir, "旧認証書.pdf"),
    "--valid-until", "2025-03-31"], { env: process.env, stdio: "pipe" });
  sub = await answeredAndShared(page, "api-checklist-2018-08", B.org, "長い回答です。".repeat(300));
  await page.close();
});
after(async () => { await browser?.close(); });

const WORDS = {
  ja: { pdf: `${NAME} ${TITLE} 1 KB・${sha12(PDF)} 有効期限 2027-07-31`, old: `旧認証書.pdf 1 KB・${sha12(OLD)} 有効期限 2025-03-31 期限切れ` },
  en: { pdf: `${NAME} ${TITLE} 1 KB・${sha12(PDF)} valid until 2027-07-31`, old: `旧認証書.pdf 1 KB・${sha12(OLD)} valid until 2025-03-31 Expired` },
};

for (const lang of ["ja", "en"]) {
  for (const width of [1366, 390]) {
    const tag = `${lang}-${width}`;
    test(`review ${tag}: each item's sealed files; the bank downloads the PDF byte-equal`, async () => {
      const page = await signedIn(browser, B.reviewer);
      await page.waitForLoadState("networkidle");
      const path = `/reviews/${sub}`;
      if (lang === "en") await page.goto(`${BASE_URL}/lang/en?next=${encodeURIComponent(path)}`);
      else await page.goto(`${BASE_URL}${path}`);
      await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
      const line = async (no) => (await page.locator(`#item-${no} .review-files li`).allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());
      assert.deepEqual(await line(2), [WORDS[lang].pdf]);
      assert.deepEqual(await line(3), [WORDS[lang].pdf]);
      assert.deepEqual(await line(5), [WORDS[lang].old]);
      assert.deepEqual(await line(4), []);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.locator("#item-2 .review-files").getByRole("link", { name: NAME, exact: true }).click(),
      ]);
      assert.deepEqual(readFileSync(await download.path()), PDF, "the bank's download is the connector's bytes");
      await look(page, `evidence-review-${tag}`);
      await page.locator("#item-2").screenshot({ path: `${process.env.SHINSA_SHOTS}/evidence-review-item-${tag}.png` });
      await page.locator("#item-5").screenshot({ path: `${process.env.SHINSA_SHOTS}/evidence-review-expired-${tag}.png` });
      await page.close();
    });
  }
}

// The connector's submission page offers the package: the signed
// submission and its files in one zip.
for (const [lang, width, words] of [["ja", 1366, "パッケージをダウンロード（.zip）"], ["en", 390, "Download the package (.zip)"]]) {
  test(`submission page ${lang}-${width}: the package downloads as a zip`, async () => {
    const page = await signedIn(browser, C.editor);
    await page.waitForLoadState("networkidle");
    const path = `/submissions/${sub}`;
    if (lang === "en") await page.goto(`${BASE_URL}/lang/en?next=${encodeURIComponent(path)}`);
    else await page.goto(`${BASE_URL}${path}`);
    await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: words, exact: true }).click(),
    ]);
    assert.equal(readFileSync(await download.path()).subarray(0, 2).toString(), "PK", "a zip");
    await look(page, `evidence-submission-${lang}-${width}`);
    await page.screenshot({ path: `${process.env.SHINSA_SHOTS}/evidence-submission-top-${lang}-${width}.png` });
    await page.close();
  });
}

// A second submission with one more file: the diff of the two lists it as
// added (its hash's first 12 hex), under the answers' changes.
test("diff page ja-1366 and en-390: the files added between two submissions", async () => {
  const dir = mkdtempSync(join(tmpdir(), "shinsa-evdiff-"));
  const CSV = Buffer.from("委託先,評価\nA社,良好\n");
  writeFileSync(join(dir, "委託先評価.csv"), CSV);
  execFileSync(process.env.SHINSA, ["attach", "add", "--org", C.org, "--item", "4", join(dir, "委託先評価.csv")],
    { env: process.env, stdio: "pipe" });
  const page = await signedIn(browser, C.editor);
  await page.waitForLoadState("networkidle");
  const next = await api(page, "POST", "/api/v1/submissions", {});
  assert.equal(next.status, 201, JSON.stringify(next.json));
  for (const [lang, width, want] of [["ja", 1366, ["委託先評価.csv", "4", "追加", "", sha12(CSV)]],
    ["en", 390, ["委託先評価.csv", "4", "Added", "", sha12(CSV)]]]) {
    const path = `/submissions/${sub}/diff/${next.json.id}`;
    await page.goto(lang === "en" ? `${BASE_URL}/lang/en?next=${encodeURIComponent(path)}` : `${BASE_URL}${path}`);
    await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
    const rows = await page.locator("#diff-files tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
    assert.deepEqual(rows, [want]);
    assert.equal(await page.locator("p.notice").innerText(), lang === "ja"
      ? "回答に変更はありません（添付ファイルの変更は下記のとおりです）。" : "The answers did not change (the files that did are listed below).");
    await look(page, `evidence-diff-${lang}-${width}`);
  }
  await page.close();
});
