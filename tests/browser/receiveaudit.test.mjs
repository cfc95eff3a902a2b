// The audit page (/audit) of a bank says a package received from another
// server in words: the action, the submission as the object, and the
// sentence naming the connector and the bank; the action is in the
// filter's list. In Japanese and English, at 1366 and 390 px, with a long
// connector name. The package is made on a second database with the CLI
// and received with shinsa submission receive.
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { packageFromElsewhere, shinsa } from "./elsewhere.mjs";
import { BASE_URL, accounts, launch, look, signedIn } from "./lib.mjs";

let browser;
const B = accounts.bank;
const NAME = "株式会社ロングネーム・フィナンシャルテクノロジーズ・ホールディングス（電子決済等代行業者・関東財務局長（電代）第999号）";

before(async () => {
  browser = await launch();
  const { zip } = packageFromElsewhere(mkdtempSync(join(tmpdir(), "shinsa-receive-")), NAME);
  const out = shinsa({}, "submission", "receive", zip, "--bank", B.org);
  globalThis.submissionId = out.match(/submission (\d+)/)[1];
});
after(async () => { await browser?.close(); });

const WORDS = {
  ja: {
    action: "他サーバーからの提出パッケージの受領",
    object: (id) => `提出（番号${id}）`,
    said: (id) => `${NAME}の提出（提出番号${id}）を他のサーバーから受領し、${B.org}に共有しました`,
  },
  en: {
    action: "Submission package received from another server",
    object: (id) => `submission ${id}`,
    said: (id) => `Received submission ${id} of ${NAME} from another server and shared it with ${B.org}`,
  },
};

for (const lang of ["ja", "en"]) {
  for (const width of [1366, 390]) {
    const tag = `${lang}-${width}`;
    const w = WORDS[lang];
    test(`audit page ${tag}: a received package in words`, async () => {
      const page = await signedIn(browser, B.admin);
      const id = globalThis.submissionId;
      const path = `/audit?object=${encodeURIComponent(`submission:${id}`)}`;
      if (lang === "en") await page.goto(`${BASE_URL}/lang/en?next=${encodeURIComponent(path)}`);
      else await page.goto(`${BASE_URL}${path}`);
      await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
      const cells = await page.locator("#audit tbody tr").evaluateAll((trs) => trs.map((tr) =>
        [tr.cells[3].textContent.trim(), tr.cells[4].textContent.trim(), tr.cells[5].textContent.trim()]));
      assert.deepEqual(cells.map((c) => c[0]), [w.action]);
      assert.deepEqual(cells.map((c) => c[1]), [w.object(id)]);
      assert.ok(cells[0][2].startsWith(w.said(id)), cells[0][2]);
      const options = await page.locator("#audit-filter [name=action] option").allTextContents();
      assert.ok(options.includes(w.action), `${w.action} among the actions`);
      await look(page, `receiveaudit-${tag}`);
      await page.close();
    });
  }
}
