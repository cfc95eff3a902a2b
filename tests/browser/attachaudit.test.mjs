// The audit page (/audit) says the evidence files' events in words: the
// file attached (its name), changed, taken off the list (the file kept),
// the objects as 添付ファイル（番号N）, and the actions in the filter's
// list. In Japanese and English, at 1366 and 390 px, with a long Japanese
// file name. The events are made with the CLI (shinsa attach).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { BASE_URL, accounts, launch, look, signedIn } from "./lib.mjs";

let browser;
const C = accounts.connector;
const NAME = "情報セキュリティ管理規程（2026年度改定版・全社共通・外部委託先管理細則および別表を含む）.pdf";

function shinsa(...args) {
  return execFileSync(process.env.SHINSA, args, { env: process.env, stdio: "pipe" }).toString();
}

before(async () => {
  browser = await launch();
  const dir = mkdtempSync(join(tmpdir(), "shinsa-attach-"));
  writeFileSync(join(dir, NAME), "%PDF-1.4\n規程\n");
  const id = shinsa("attach", "add", "--org", C.org, "--item", "2、3", join(dir, NAME), "--title", "規程").split(" ")[0];
  shinsa("attach", "set", "--org", C.org, id, "--valid-until", "令和9年7月31日");
  shinsa("attach", "remove", "--org", C.org, id);
  globalThis.attachmentId = id;
});
after(async () => { await browser?.close(); });

const WORDS = {
  ja: {
    add: "エビデンスファイルの添付", set: "エビデンスファイルの変更", remove: "エビデンスファイルの添付解除",
    said: (id) => [`ファイル「${NAME}」の添付を解除しました（ファイル自体は保管されています）`,
      `添付ファイル（番号${id}）の件名・通番・有効期限を変更しました`, `ファイル「${NAME}」を添付しました`],
    object: (id) => `添付ファイル（番号${id}）`,
  },
  en: {
    add: "Evidence file attached", set: "Evidence file changed", remove: "Evidence file removed",
    said: (id) => [`Removed the attachment “${NAME}” from the list (the file itself is kept)`,
      `Changed the title, items or validity of attachment no. ${id}`, `Attached the file “${NAME}”`],
    object: (id) => `attachment (no. ${id})`,
  },
};

for (const lang of ["ja", "en"]) {
  for (const width of [1366, 390]) {
    const tag = `${lang}-${width}`;
    const w = WORDS[lang];
    test(`audit page ${tag}: the evidence files' events in words`, async () => {
      const page = await signedIn(browser, C.admin);
      const path = `/audit?object=${encodeURIComponent(`attachment:${globalThis.attachmentId}`)}`;
      if (lang === "en") await page.goto(`${BASE_URL}/lang/en?next=${encodeURIComponent(path)}`);
      else await page.goto(`${BASE_URL}${path}`);
      await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
      const cells = await page.locator("#audit tbody tr").evaluateAll((trs) => trs.map((tr) =>
        [tr.cells[3].textContent.trim(), tr.cells[4].textContent.trim(), tr.cells[5].textContent.trim()]));
      const id = globalThis.attachmentId;
      assert.deepEqual(cells.map((c) => c[0]), [w.remove, w.set, w.add]);
      assert.deepEqual(cells.map((c) => c[1]), [w.object(id), w.object(id), w.object(id)]);
      for (const [i, s] of w.said(id).entries()) assert.ok(cells[i][2].startsWith(s), `row ${i}: ${cells[i][2]}`);
      const options = await page.locator("#audit-filter [name=action] option").allTextContents();
      for (const a of [w.add, w.set, w.remove]) assert.ok(options.includes(a), `${a} among the actions`);
      await look(page, `attachaudit-${tag}`);
      await page.close();
    });
  }
}
