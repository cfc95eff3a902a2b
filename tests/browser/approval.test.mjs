// Approval before signing on the review page, in Chromium (issue 16,
// items 5 and 6):
//   - the bank's admin turns on 判定の確定に承認を必要とする on the users
//     page (saved in place, PUT /api/v1/org);
//   - deciding with items pending lists them in Japanese, each a link that
//     opens its item even when a filter hides it;
//   - a reviewer drafts (起案する): the panel shows the draft, the drafter
//     sees 承認待ち and no approve button (the API says 403);
//   - an approver returns it with a reason (差し戻す needs one, asks
//     first): the drafter sees the reason and who returned it, and drafts
//     again; the approver who drafts cannot approve their own (403);
//   - another approver approves (承認して署名する): the signed panel names
//     the drafter and the approver; the drafts history lists both drafts.
// Screenshots of the decision panel with a long reason, in Japanese and
// English, at 1366 and 390 px wide.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { BASE_URL, accounts, api, assertClean, assertNoSideScroll, launch, signedIn } from "./lib.mjs";

const C = accounts.connector;
const B = accounts.bank;
const CATALOG = "api-checklist-2018-08";
const LONG = "2026年9月末までに外部委託先の監査報告書を提出し、年1回の報告を継続することを条件とする。".repeat(12);
const RETURN = "条件の期限と報告の宛先を明記してください。";

let browser;
let submission;
let decided; // the items a decision needs a verdict on, in order

before(async () => {
  browser = await launch();
  const connector = await signedIn(browser, C.editor);
  const cat = await api(connector, "GET", `/api/v1/catalogs/${CATALOG}`);
  decided = cat.json.items.filter((i) => i.party !== "bank").map((i) => i.no);
  for (const no of decided) {
    const r = await api(connector, "PUT", `/api/v1/answers/${no}`, { status: "implemented", current: `当社の対応${no}` });
    assert.equal(r.status, 200, `item ${no}: ${JSON.stringify(r.json)}`);
  }
  const sub = await api(connector, "POST", "/api/v1/submissions", {});
  assert.equal(sub.status, 201, JSON.stringify(sub.json));
  submission = sub.json.id;
  const share = await api(connector, "POST", `/api/v1/submissions/${submission}/shares`, { bank: B.org });
  assert.equal(share.status, 201, JSON.stringify(share.json));
  await connector.close();
});
after(async () => {
  await browser?.close();
});

const review = () => `${BASE_URL}/reviews/${submission}`;
const panel = (page) => page.locator("#decision");

// The decision panel alone (the whole review is some forty screens).
async function lookPanel(page, name) {
  await assertNoSideScroll(page);
  await panel(page).screenshot({ path: join(process.env.SHINSA_SHOTS, `${name}.png`) });
  assertClean(page);
}

test("the bank's admin requires approval on the users page", async () => {
  const admin = await signedIn(browser, B.admin);
  await admin.goto(`${BASE_URL}/admin/users`);
  const box = admin.getByLabel("判定の確定に承認を必要とする", { exact: true });
  assert.equal(await box.isChecked(), false);
  await box.check();
  await admin.getByRole("button", { name: "設定を保存", exact: true }).click();
  await admin.getByText("保存しました。", { exact: true }).waitFor();
  assert.deepEqual((await api(admin, "GET", "/api/v1/org")).json, { name: B.org, kind: "bank", require_approval: true });
  await admin.reload();
  assert.equal(await admin.getByLabel("判定の確定に承認を必要とする", { exact: true }).isChecked(), true);
  assertClean(admin);
  await admin.close();
});

test("deciding with items pending lists them in Japanese, each a link to its item", async () => {
  const rev = await signedIn(browser, B.reviewer);
  await rev.goto(review());
  await rev.locator("#f-verdict").selectOption("accepted"); // hides every item
  assert.equal(await rev.locator("#item-3").isHidden(), true);
  // No outcome is chosen for the reviewer: 選択してください until one is.
  const outcome = panel(rev).getByLabel("審査結果", { exact: true });
  assert.equal(await outcome.evaluate((s) => s.options[s.selectedIndex].text), "選択してください");
  await outcome.selectOption("meets");
  await panel(rev).getByRole("button", { name: "起案する", exact: true }).click();
  const alert = panel(rev).getByRole("alert");
  await alert.getByText("審査結果を確定できません。", { exact: true }).waitFor();
  assert.equal(await alert.locator("li").textContent(),
    `未判定の項目が${decided.length}件あります：通番${decided.join("、")}`);
  const links = alert.locator("li a");
  assert.deepEqual(await links.evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute("href")])),
    decided.map((n) => [String(n), `#item-${n}`]));
  rev.problems.length = 0; // the 409 itself, as the browser logs it
  await lookPanel(rev, "approval-00-ja-1366-refused");
  await links.filter({ hasText: /^3$/ }).click();
  await rev.locator("#item-3").waitFor({ state: "visible" });
  assert.equal(new URL(rev.url()).hash, "#item-3");
  assertClean(rev);
  await rev.close();
});

test("a reviewer drafts; the drafter sees 承認待ち and cannot approve", async () => {
  const rev = await signedIn(browser, B.reviewer);
  for (const no of decided) {
    const r = await api(rev, "PUT", `/api/v1/reviews/${submission}/items/${no}`, { verdict: "accepted" });
    assert.equal(r.status, 200, `item ${no}: ${JSON.stringify(r.json)}`);
  }
  await rev.goto(review());
  assert.equal(await panel(rev).locator(".help").first().textContent(),
    "すべての項目に判定を付けてから起案してください。自行では審査結果の確定に承認が必要です。起案後、ほかの承認者が承認すると電子署名が付されます。");
  await panel(rev).getByLabel("審査結果", { exact: true }).selectOption("conditional");
  await panel(rev).getByLabel("理由・条件", { exact: true }).fill(LONG);
  await Promise.all([rev.waitForEvent("load"), panel(rev).getByRole("button", { name: "起案する", exact: true }).click()]);
  const draft = panel(rev).locator("#draft");
  assert.equal(await draft.locator(".chip").first().textContent(), "承認待ち");
  assert.equal(await draft.locator("dd").nth(1).textContent(), LONG);
  assert.equal(await draft.locator("dd").nth(2).textContent(), B.reviewer);
  assert.equal(await draft.locator(".notice").textContent(),
    "この審査結果はあなたが起案しました。署名には、ほかの承認者の承認が必要です。");
  assert.equal(await panel(rev).getByRole("button", { name: "承認して署名する" }).count(), 0);
  assert.equal(await rev.locator("#item-1 form[id^=\"verdict-\"]").count(), 0, "no verdict forms while a draft is pending");
  const r = await api(rev, "POST", `/api/v1/reviews/${submission}/decision/approve`);
  assert.deepEqual([r.status, r.json], [403, { error: { code: "forbidden", message: "your role (reviewer) may not do this",
    problems: [{ cell: "", code: "role", args: ["reviewer"] }] } }]);
  assertClean(rev);
  await rev.close();
});

test("the decision panel with a long reason, as an approver sees it (ja, en; 1366, 390 px)", async () => {
  const boss = await signedIn(browser, B.approver);
  for (const lang of ["ja", "en"]) {
    await boss.goto(`${BASE_URL}/lang/${lang}?next=${encodeURIComponent(`/reviews/${submission}#decision`)}`);
    for (const [width, height] of [[1366, 768], [390, 844]]) {
      await boss.setViewportSize({ width, height });
      await lookPanel(boss, `approval-01-${lang}-${width}`);
    }
  }
  await boss.goto(`${BASE_URL}/lang/ja?next=${encodeURIComponent("/")}`);
  await boss.close();
});

test("an approver returns it with a reason; the drafter sees it and drafts again", async () => {
  const boss = await signedIn(browser, B.approver);
  await boss.goto(review());
  let posted = 0;
  boss.on("request", (q) => q.method() === "POST" && q.url().endsWith("/decision/reject") && posted++);
  await panel(boss).getByRole("button", { name: "差し戻す", exact: true }).click();
  assert.equal(await panel(boss).getByLabel("差し戻しの理由", { exact: true }).evaluate((t) => t.validity.valueMissing), true);
  assert.equal(posted, 0, "no reason, nothing sent");
  await panel(boss).getByLabel("差し戻しの理由", { exact: true }).fill(RETURN);
  let asked = "";
  boss.once("dialog", (d) => (asked = d.message()));
  await Promise.all([boss.waitForEvent("load"), panel(boss).getByRole("button", { name: "差し戻す", exact: true }).click()]);
  assert.equal(asked, "この起案を差し戻します。よろしいですか。");
  assertClean(boss);

  const rev = await signedIn(browser, B.reviewer);
  await rev.goto(review());
  const back = panel(rev).locator("#draft-rejected");
  assert.match(await back.locator("p").first().textContent(), /^approver@bank\.testが差し戻しました（\d{4}-\d\d-\d\d \d\d:\d\d）。$/);
  assert.equal(await back.locator("p").nth(1).textContent(), RETURN);
  await panel(rev).getByText("起案の履歴", { exact: true }).click();
  assert.deepEqual(await panel(rev).locator("#drafts li .chip").allTextContents(), ["条件付適合", "差し戻し"]);
  assert.equal(await panel(rev).getByRole("button", { name: "起案する", exact: true }).count(), 1);
  assertClean(rev);
  await rev.close();

  // This time an approver drafts: their own they cannot approve.
  await panel(boss).getByLabel("審査結果", { exact: true }).selectOption("conditional");
  await panel(boss).getByLabel("理由・条件", { exact: true }).fill(LONG);
  await Promise.all([boss.waitForEvent("load"), panel(boss).getByRole("button", { name: "起案する", exact: true }).click()]);
  assert.equal(await panel(boss).getByRole("button", { name: "承認して署名する" }).count(), 0);
  const r = await api(boss, "POST", `/api/v1/reviews/${submission}/decision/approve`);
  assert.deepEqual([r.status, r.json],
    [403, { error: { code: "forbidden", message: "you drafted this decision: another approver must approve it",
      problems: [{ cell: "", code: "own_draft", args: ["approve"] }] } }]);
  await boss.close();
});

test("another approver approves: the signed panel names the drafter and the approver", async () => {
  const boss2 = await signedIn(browser, B.approver2);
  await boss2.goto(review());
  await Promise.all([boss2.waitForEvent("load"), panel(boss2).getByRole("button", { name: "承認して署名する", exact: true }).click()]);
  const facts = await panel(boss2).locator("dl.facts").first().evaluate((dl) =>
    Array.from(dl.querySelectorAll("dt"), (dt) => [dt.textContent, dt.nextElementSibling.textContent]));
  assert.deepEqual(facts.filter(([k]) => k === "起案者" || k === "承認者" || k === "決定者"),
    [["起案者", B.approver], ["承認者", B.approver2]]);
  assert.equal(await panel(boss2).locator("#draft").count(), 0);
  await panel(boss2).getByText("起案の履歴", { exact: true }).click();
  assert.deepEqual(await panel(boss2).locator("#drafts li .chip").allTextContents(),
    ["条件付適合", "差し戻し", "条件付適合", "承認済み"]);
  assert.equal(await panel(boss2).getByText("署名付き審査結果ファイルをダウンロード").count(), 1);
  await boss2.setViewportSize({ width: 390, height: 844 });
  await lookPanel(boss2, "approval-02-ja-390-signed");
  await boss2.goto(`${BASE_URL}/lang/en?next=${encodeURIComponent(`/reviews/${submission}`)}`);
  await boss2.setViewportSize({ width: 1366, height: 768 });
  await panel(boss2).getByText("Drafts", { exact: true }).click();
  await lookPanel(boss2, "approval-02-en-1366-signed");
  await boss2.close();
});
