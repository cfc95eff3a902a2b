// The audit page (/audit) says a bank's downloads of a submission's files
// in words: the file downloaded (its name) and the package, beside the
// submission's other reads, with the actions in the filter's list. The
// connector attaches a file with a long Japanese name (CLI), submits and
// shares; the bank's reviewer lists the files, downloads the file and the
// package over the API. In Japanese and English, at 1366 and 390 px.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { BASE_URL, accounts, answeredAndShared, launch, look, signedIn } from "./lib.mjs";

let browser;
const C = accounts.connector, B = accounts.bank;
const NAME = "情報セキュリティ管理規程（2026年度改定版・全社共通・外部委託先管理細則および別表を含む）.pdf";

before(async () => {
  browser = await launch();
  const dir = mkdtempSync(join(tmpdir(), "shinsa-consent-"));
  writeFileSync(join(dir, NAME), "%PDF-1.4\n規程\n");
  execFileSync(process.env.SHINSA, ["attach", "add", "--org", C.org, "--item", "2", join(dir, NAME)],
    { env: process.env, stdio: "pipe" });
  const connector = await signedIn(browser, C.editor);
  globalThis.sub = await answeredAndShared(connector, "api-checklist-2018-08", B.org, "長い回答。".repeat(200));
  await connector.close();
  const bank = await signedIn(browser, B.reviewer);
  const list = await bank.request.get(`${BASE_URL}/api/v1/submissions/${globalThis.sub}/attachments`);
  assert.equal(list.status(), 200);
  const [file] = await list.json();
  assert.equal(file.name, NAME);
  const got = await bank.request.get(`${BASE_URL}/api/v1/submissions/${globalThis.sub}/attachments/${file.sha256}`);
  assert.equal((await got.body()).toString(), "%PDF-1.4\n規程\n");
  const zip = await bank.request.get(`${BASE_URL}/api/v1/submissions/${globalThis.sub}/package`);
  assert.equal(zip.headers()["content-type"], "application/zip");
  await bank.close();
});
after(async () => { await browser?.close(); });

const WORDS = {
  ja: {
    file: "エビデンスファイルのダウンロード（銀行）", pkg: "提出パッケージのダウンロード（銀行）", read: "提出物の閲覧（銀行）",
    said: (id) => [`${B.org}が提出番号${id}のパッケージ（提出物と全ファイル）をダウンロードしました`,
      `${B.org}が提出番号${id}のファイル「${NAME}」をダウンロードしました`, `${B.org}が提出番号${id}を閲覧しました`],
  },
  en: {
    file: "Evidence file downloaded by a bank", pkg: "Submission package downloaded by a bank",
    read: "Submission read by a bank",
    said: (id) => [`${B.org} downloaded the package of submission ${id} (the submission and all its files)`,
      `${B.org} downloaded the file “${NAME}” of submission ${id}`, `${B.org} read submission ${id}`],
  },
};

for (const lang of ["ja", "en"]) {
  for (const width of [1366, 390]) {
    const tag = `${lang}-${width}`;
    const w = WORDS[lang];
    test(`audit page ${tag}: the bank's downloads in words`, async () => {
      const page = await signedIn(browser, C.admin);
      const path = `/audit?object=${encodeURIComponent(`submission:${globalThis.sub}`)}`;
      if (lang === "en") await page.goto(`${BASE_URL}/lang/en?next=${encodeURIComponent(path)}`);
      else await page.goto(`${BASE_URL}${path}`);
      await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
      const cells = await page.locator("#audit tbody tr").evaluateAll((trs) => trs.map((tr) =>
        [tr.cells[3].textContent.trim(), tr.cells[5].textContent.trim()]));
      const reads = cells.filter((c) => [w.file, w.pkg, w.read].includes(c[0]));
      assert.deepEqual(reads.map((c) => c[0]), [w.pkg, w.file, w.read]);
      for (const [i, s] of w.said(globalThis.sub).entries())
        assert.ok(reads[i][1].startsWith(s), `row ${i}: ${reads[i][1]}`);
      const options = await page.locator("#audit-filter [name=action] option").allTextContents();
      for (const a of [w.file, w.pkg]) assert.ok(options.includes(a), `${a} among the actions`);
      await look(page, `consentaudit-${tag}`);
      await page.close();
    });
  }
}
