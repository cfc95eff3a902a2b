// The submission page lists the files sealed into it: name (a download
// link to GET /api/v1/submissions/{id}/attachments/{sha256}) and title,
// items, size as people read it, 有効期限 and the hash's first 12 digits;
// a long Japanese file name wraps rather than widening the page. The
// connector attaches two files (CLI), submits with a long answer and
// shares; the link downloads the file's bytes. Japanese and English, 1366
// and 390 px.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { BASE_URL, accounts, answeredAndShared, launch, look, signedIn } from "./lib.mjs";

let browser;
const C = accounts.connector, B = accounts.bank;
const LONG = "情報セキュリティ管理規程（2026年度改定版・全社共通・外部委託先管理細則および別表を含む）.pdf";
const PDF = Buffer.from("%PDF-1.4\n規程\n");
const CSV = Buffer.from("項目,状況\n" + "1,対応済み\n".repeat(200));
const sha = (b) => createHash("sha256").update(b).digest("hex");

before(async () => {
  browser = await launch();
  const dir = mkdtempSync(join(tmpdir(), "shinsa-sealed-"));
  writeFileSync(join(dir, LONG), PDF);
  writeFileSync(join(dir, "委託先一覧.csv"), CSV);
  const run = (...a) => execFileSync(process.env.SHINSA, a, { env: process.env, stdio: "pipe" });
  run("attach", "add", "--org", C.org, "--item", "2、3", join(dir, LONG), "--title", "情報セキュリティ管理規程",
    "--valid-until", "令和9年7月31日");
  run("attach", "add", "--org", C.org, "--item", "5", join(dir, "委託先一覧.csv"));
  const page = await signedIn(browser, C.editor);
  globalThis.sub = await answeredAndShared(page, "api-checklist-2018-08", B.org, "長い回答です。".repeat(300));
  await page.close();
});
after(async () => { await browser?.close(); });

// By name (its UTF-8 bytes: 委 before 情), as the document lists them.
const WANT = {
  ja: [["委託先一覧.csv", "5", `${(CSV.length / 1024).toFixed(1)} KB`, "なし", sha(CSV).slice(0, 12)],
    [`${LONG}情報セキュリティ管理規程`, "23", `${PDF.length} バイト`, "2027-07-31", sha(PDF).slice(0, 12)]],
  en: [["委託先一覧.csv", "5", `${(CSV.length / 1024).toFixed(1)} KB`, "None", sha(CSV).slice(0, 12)],
    [`${LONG}情報セキュリティ管理規程`, "23", `${PDF.length} bytes`, "2027-07-31", sha(PDF).slice(0, 12)]],
};

for (const lang of ["ja", "en"]) {
  for (const width of [1366, 390]) {
    const tag = `${lang}-${width}`;
    test(`submission page ${tag}: the sealed files`, async () => {
      const page = await signedIn(browser, C.viewer);
      const path = `/submissions/${globalThis.sub}`;
      if (lang === "en") await page.goto(`${BASE_URL}/lang/en?next=${encodeURIComponent(path)}`);
      else await page.goto(`${BASE_URL}${path}`);
      await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
      const rows = await page.locator("table.sealed-files tbody tr").evaluateAll((trs) => trs.map((tr) =>
        [...tr.cells].map((td) => td.textContent.replace(/^\s+|\s+$/g, "").replace(/\n/g, ""))));
      // Under 700 px each cell starts with its header's words (shinsa.js).
      const cells = rows.map((r) => r.map((c) => c.replace(/^.*?:/, "")));
      assert.deepEqual(width === 390 ? cells.map((r) => r.length) : rows, width === 390 ? [5, 5] : WANT[lang]);
      const link = page.locator("table.sealed-files a").last();
      assert.equal(await link.getAttribute("href"), `/api/v1/submissions/${globalThis.sub}/attachments/${sha(PDF)}`);
      const got = await page.request.get(`${BASE_URL}${await link.getAttribute("href")}`);
      assert.deepEqual(Buffer.from(await got.body()), PDF);
      await page.locator("#files-head").scrollIntoViewIfNeeded();
      await look(page, `sealedfiles-${tag}`);
      // The whole page is long (the answers): the list alone, to look at.
      await page.locator("section.sealed-files").screenshot({
        path: join(process.env.SHINSA_SHOTS, `sealedfiles-${tag}-list.png`) });
      await page.close();
    });
  }
}
