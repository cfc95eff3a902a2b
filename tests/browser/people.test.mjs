// People on the pages (issue 17): one's own 氏名 and 部署 on /account, the
// two-step chip that says 設定済 as soon as TOTP is on, and /admin/users
// with 氏名 and 部署 columns, a user added with them and in the list at
// once, an administrator's edit, and a new password issued and shown once.
// In Japanese and English, at 1366 and 390 px, with long names.
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { after, before, test } from "node:test";
import { BASE_URL, PASSWORD, accounts, api, assertClean, assertNoSideScroll, expectProblem, launch, look, newPage, signedIn } from "./lib.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const C = accounts.connector, B = accounts.bank;
const LONG_NAME = "長谷川 五十鈴之助左衛門三郎兵衛太郎次郎";
const LONG_DEPT = "システムリスク管理部 オープンAPI接続審査グループ 第二チーム（外部委託先管理担当）";

// RFC 6238 with the defaults the server uses: SHA-1, 30 s, 6 digits.
function totp(base32, steps = 0) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const ch of base32.replace(/=+$/, "").toUpperCase()) bits += alphabet.indexOf(ch).toString(2).padStart(5, "0");
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30000) + steps));
  const h = createHmac("sha1", key).update(counter).digest();
  const o = h[h.length - 1] & 0xf;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1000000).padStart(6, "0");
}

// Each combination signs in as its own people: TOTP is turned on once each.
const RUNS = [
  { lang: "ja", width: 1366, me: C.editor, admin: C.admin },
  { lang: "ja", width: 390, me: C.viewer, admin: C.admin },
  { lang: "en", width: 1366, me: B.reviewer, admin: B.admin },
  { lang: "en", width: 390, me: B.viewer, admin: B.admin },
];
const WORDS = {
  ja: { name: "氏名", dept: "部署", save: "保存", saved: "保存しました。", off: "未設定", on: "設定済",
    begin: "設定を開始", confirm: "確認して有効にする", current: "現在のパスワード（本人確認）",
    code: "2. 認証アプリに表示された6桁の確認コード",
    loginCode: "確認コードが正しくないか、入力されていません。パスワードは入力したままです。認証アプリに表示されている最新の6桁の確認コード（またはリカバリーコード）を入力してください。",
    heads: ["氏名", "部署", "メールアドレス", "権限", "状態", "操作"],
    count: (n) => `この組織のユーザーは${n}名です。権限の変更、利用停止、二段階認証の解除、パスワードの再発行ができます。`,
    yours: "あなたのパスワード", email: "メールアドレス", add: "追加", edit: "氏名・部署を変更",
    reset: (e) => `${e}のパスワードを再発行`, once: (e) => `${e}の仮パスワードです。この画面でしか表示されません。本人に安全な方法で伝えてください。初回サインイン時に変更が求められます。`,
    confirmReset: (e) => `${e}のパスワードを再発行しますか？現在のパスワードは使えなくなり、サインイン中のセッションも終了します。` },
  en: { name: "Name", dept: "Department", save: "Save", saved: "Saved.", off: "Off", on: "On",
    loginCode: "The code was wrong or missing. Your password is still filled in: enter the latest 6-digit code from your authenticator app (or a recovery code).",
    heads: ["Name", "Department", null, null, null, null], count: null, yours: null, email: null, add: null,
    edit: "Change name and department", reset: (e) => `Issue a new password for ${e}`,
    once: (e) => `The one-time password of ${e}, shown only now. Give it to them by a safe route; they must change it at their next sign-in.`,
    confirmReset: (e) => `Issue a new password for ${e}? Their current password stops working and their sessions end.` },
};

async function as(email, { lang, width }, path) {
  const page = await signedIn(browser, email);
  if (lang === "en") await page.goto(`${BASE_URL}/lang/en?next=${encodeURIComponent(path)}`);
  else await page.goto(`${BASE_URL}${path}`);
  await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
  return page;
}

for (const run of RUNS) {
  const tag = `${run.lang}-${run.width}`;
  const w = WORDS[run.lang];

  test(`account ${tag}: one's own name and department, the TOTP chip at once`, async () => {
    const page = await as(run.me, run, "/account");
    const name = page.locator("#profile-name"), dept = page.locator("#profile-department");
    assert.equal(await page.locator("#profile-form").getByLabel(w.name, { exact: true }).count(), 1);
    await name.fill(LONG_NAME);
    await dept.fill(LONG_DEPT);
    const form = page.locator("#profile-form");
    await form.getByRole("button", { name: w.save, exact: true }).click();
    await form.getByRole("status").filter({ hasText: w.saved }).waitFor();
    const me = await api(page, "GET", "/api/v1/me");
    assert.deepEqual([me.json.name, me.json.department], [LONG_NAME, LONG_DEPT]);
    assert.equal(await name.inputValue(), LONG_NAME, "the field shows the name as kept");
    await look(page, `people-1-account-${tag}`);

    // TOTP: the chip says it is on as soon as the code is confirmed.
    const chip = page.locator("#totp-chip");
    if (w.off) assert.equal(await chip.textContent(), w.off);
    const off = await chip.textContent();
    await page.locator("#totp-password").fill(PASSWORD);
    await page.locator("#totp-begin").getByRole("button").click();
    await page.locator("#totp-code").waitFor({ state: "visible" });
    const secret = await page.locator("#totp-secret").textContent();
    await page.locator("#totp-code").fill(totp(secret));
    await page.locator("#totp-confirm").getByRole("button").click();
    await page.locator("#totp-done").waitFor({ state: "visible" });
    const on = await chip.textContent();
    if (w.on) assert.equal(on, w.on);
    assert.notEqual(on, off);
    assert.equal(await chip.getAttribute("class"), "chip good");
    await page.reload();
    assert.equal((await page.locator("#totp-h + p .chip").textContent()), on, "the same words as after a reload");
    await look(page, `people-2-account-totp-${tag}`);
    await page.close();

    // Signing in with a wrong code: the password stays typed, only the code
    // is asked for again; the next step's code then signs in (the one just
    // used for enrolment is never taken twice).
    const login = await newPage(browser, { lang: run.lang === "en" ? "en-US" : "ja-JP" });
    await login.setViewportSize({ width: run.width, height: run.width === 390 ? 844 : 768 });
    await login.goto(`${BASE_URL}/login`);
    await login.locator("#email").fill(run.me);
    await login.locator("#password").fill(PASSWORD);
    await login.locator("#totp").fill("000000");
    await login.locator("#login button[type=submit]").click();
    const alert = login.locator("#login [role=alert]");
    await alert.filter({ hasText: w.loginCode }).waitFor();
    expectProblem(login, /status of 401 .*\/api\/v1\/session\)$/);
    assert.equal(await login.locator("#password").inputValue(), PASSWORD, "the password stays typed");
    assert.equal(await login.locator("#totp").inputValue(), "");
    assert.equal(await login.evaluate(() => document.activeElement.id), "totp", "the code is asked for");
    await look(login, `people-2b-login-code-${tag}`);
    await login.locator("#totp").fill(totp(secret, 1));
    await Promise.all([login.waitForURL((u) => u.pathname !== "/login"), login.locator("#login button[type=submit]").click()]);
    await login.close();
  });

  test(`admin users ${tag}: columns, added at once, edited, a new password`, async () => {
    const page = await as(run.admin, run, "/admin/users");
    const heads = await page.locator("#users thead th").allTextContents();
    w.heads.forEach((h, i) => h && assert.equal(heads[i], h));
    const before = await page.locator("#users tbody tr").count();
    if (w.count) assert.equal(await page.locator("#users-lead").textContent(), w.count(before));
    await page.locator("#reauth-password").fill(PASSWORD);
    const email = `new-${tag}@people.test`;
    await page.locator("#add-email").fill(email);
    await page.locator("#add-name").fill(LONG_NAME);
    await page.locator("#add-department").fill(LONG_DEPT);
    await page.locator("#user-add").getByRole("button").click();
    await page.locator("#user-added").waitFor({ state: "visible" });
    // The list shows the new user without 一覧を更新, with the count.
    const row = page.locator("#users tbody tr", { hasText: email });
    await row.waitFor();
    assert.equal(await page.locator("#users tbody tr").count(), before + 1);
    assert.deepEqual((await row.locator("th, td").allTextContents()).slice(0, 3).map((s) => s.trim()),
      [LONG_NAME, LONG_DEPT, email]);
    if (w.count) assert.equal(await page.locator("#users-lead").textContent(), w.count(before + 1));
    assert.equal(await page.locator("#reauth-password").inputValue(), PASSWORD, "the admin's password stays typed");
    await look(page, `people-3-users-added-${tag}`);

    // An administrator edits the name and department.
    await row.locator("summary").filter({ hasText: w.edit }).click();
    await row.getByLabel(w.name, { exact: true }).fill("山田 花子");
    await row.getByLabel(w.dept, { exact: true }).fill("審査部");
    await Promise.all([page.waitForEvent("load"), row.getByRole("button", { name: w.save, exact: true }).click()]);
    const edited = page.locator("#users tbody tr", { hasText: email });
    assert.deepEqual((await edited.locator("th, td").allTextContents()).slice(0, 3).map((s) => s.trim()),
      ["山田 花子", "審査部", email]);

    // A new password: asked first, shown once in the row, the user's old one gone.
    await page.locator("#reauth-password").fill(PASSWORD);
    const asked = [];
    page.removeAllListeners("dialog");
    page.on("dialog", (d) => { asked.push(d.message()); d.accept(); });
    await edited.getByRole("button", { name: w.reset(email) }).click();
    const box = edited.locator(".people-otp");
    await box.waitFor({ state: "visible" });
    assert.deepEqual(asked, [w.confirmReset(email)]);
    assert.equal(await box.locator("p.notice").textContent(), w.once(email));
    assert.match(await box.locator("code").textContent(), /^[2-9a-hjkmnp-z]{5}(-[2-9a-hjkmnp-z]{5}){3}$/);
    const users = await api(page, "GET", "/api/v1/users");
    const u = users.json.find((x) => x.email === email);
    assert.deepEqual([u.name, u.department, u.must_change_password], ["山田 花子", "審査部", true]);
    await look(page, `people-4-users-reset-${tag}`);
    await page.close();
  });
}

// The submit panel's list of what is missing: each line opens its item
// with the missing field focused and marked in words.
const MISSING = { ja: { issues: "未記入：課題認識" }, en: { issues: "To fill in: Issues identified" } };
for (const lang of ["ja", "en"]) {
  for (const width of [1366, 390]) {
    const tag = `${lang}-${width}`;
    test(`submit panel ${tag}: a missing field opened, focused and marked`, async () => {
      const page = await as(C.admin, { lang, width }, "/submissions");
      let r = await api(page, "PUT", "/api/v1/answers/5", { status: "partial", current: LONG_DEPT.repeat(20), issues: "", plan: "計画", plan_due: "2027-03-31" });
      assert.equal(r.status, 200);
      r = await api(page, "PUT", "/api/v1/answers/6", { status: "not_applicable", current: "", notes: "" });
      assert.equal(r.status, 200);
      await page.reload();
      const link = page.locator('ul.problems a[href^="/answers?missing=issues#item-5"]');
      assert.equal(await link.getAttribute("href"), "/answers?missing=issues#item-5");
      assert.equal(await page.locator('ul.problems a[href="/answers?missing=current#item-6"]').count(), 1, "対象外 without a reason: 現在の対応状況");
      await Promise.all([page.waitForURL(/\/answers\?missing=issues#item-5$/), link.click()]);
      const field = page.locator("#issues-5");
      await page.locator("#item-5 .missing-mark").waitFor();
      assert.equal(await page.evaluate(() => document.activeElement.id), "issues-5", "the field is focused");
      const mark = await page.locator("#item-5 .missing-mark").textContent();
      assert.equal(mark, MISSING[lang].issues);
      assert.equal(await field.getAttribute("aria-describedby"), "missing-issues-item-5");
      // What the person sees on arrival (the whole page is 45 items long).
      await page.screenshot({ path: `${process.env.SHINSA_SHOTS}/people-5-missing-${tag}-view.png` });
      await look(page, `people-5-missing-${tag}`);
      await field.pressSequentially("課題");
      assert.equal(await page.locator("#item-5 .missing-mark").count(), 0, "the mark goes once typed in");
      await page.close();
    });
  }
}

// A thread names its people: 氏名（部署）, the e-mail after it, on both sides.
test("a review thread names people by 氏名（部署）", async () => {
  const connector = await signedIn(browser, C.admin);
  assert.equal((await api(connector, "PUT", "/api/v1/me", { name: "佐藤 一郎", department: "コンプライアンス部" })).status, 200);
  const cat = await api(connector, "GET", "/api/v1/catalogs/api-checklist-2018-08");
  for (const it of cat.json.items.filter((i) => i.party !== "bank")) {
    const r = await api(connector, "PUT", `/api/v1/answers/${it.no}`, { status: "implemented", current: `当社の対応${it.no}`, issues: "", plan: "", plan_due: null, notes: "" });
    assert.equal(r.status, 200, `item ${it.no}: ${JSON.stringify(r.json)}`);
  }
  const sub = await api(connector, "POST", "/api/v1/submissions", {});
  assert.equal(sub.status, 201, JSON.stringify(sub.json));
  const id = sub.json.id;
  assert.equal((await api(connector, "POST", `/api/v1/submissions/${id}/shares`, { bank: B.org })).status, 201);
  const bank = await signedIn(browser, B.approver);
  assert.equal((await api(bank, "PUT", "/api/v1/me", { name: LONG_NAME, department: LONG_DEPT })).status, 200);
  await bank.goto(`${BASE_URL}/reviews/${id}`);
  let r = await api(bank, "PUT", `/api/v1/reviews/${id}/items/3`, { verdict: "query", text: "委託先の監査報告書を示してください。" });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  r = await api(connector, "POST", `/api/v1/reviews/${id}/items/3/messages`, { text: "別紙2として添付しました。", bank: B.org });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  await connector.close();
  await bank.close();
  for (const lang of ["ja", "en"]) {
    for (const width of [1366, 390]) {
      for (const [who, path] of [[B.approver, `/reviews/${id}`], [C.admin, `/reviews/${id}?bank=${encodeURIComponent(B.org)}`]]) {
        const page = await as(who, { lang, width }, path);
        const item = page.locator("#item-3");
        const by = (await item.locator(".message-entry .by .person").allTextContents());
        assert.deepEqual(by, [`${LONG_NAME}（${LONG_DEPT}）${B.approver}`, `佐藤 一郎（コンプライアンス部）${C.admin}`]);
        assert.equal(await item.locator(".message-entry .by .person").first().getAttribute("title"), B.approver);
        await assertNoSideScroll(page);
        const side = who === C.admin ? "connector" : "bank";
        await item.screenshot({ path: `${process.env.SHINSA_SHOTS}/people-6-thread-${side}-${lang}-${width}.png` });
        assertClean(page);
        await page.close();
      }
    }
  }
});

// A decision and a plan's history name their people too (issue 17 item 6):
// the drafter and the approver of a decision that needed approval, on the
// bank's and the connector's review page, and who made a plan and who set
// the bank's date, in ja and en at 1366 and 390 px, with long names.
test("a decision's drafter and approver and a plan's history by 氏名（部署）", async () => {
  const connector = await signedIn(browser, C.admin);
  // The thread test above named C.admin 佐藤 一郎（コンプライアンス部）; a plan of item 7.
  let r = await api(connector, "PUT", "/api/v1/answers/7", { status: "partial", current: "一部対応済み", issues: "委託先の監査が未了", plan: "2027年3月末までに監査を完了する", plan_due: "2027-03-31", notes: "" });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  const plan = (await api(connector, "GET", "/api/v1/plans")).json.find((p) => p.no === 7);
  const subs = await api(connector, "GET", "/api/v1/submissions");
  const id = Math.max(...subs.json.map((s) => s.id));
  const admin = await signedIn(browser, B.admin);
  assert.equal((await api(admin, "PUT", "/api/v1/org", { require_approval: true })).status, 200);
  await admin.close();
  // approver2 drafts (the reviewer has TOTP on from the account test).
  const rev = await signedIn(browser, B.approver2);
  assert.equal((await api(rev, "PUT", "/api/v1/me", { name: "山田 花子", department: "審査部" })).status, 200);
  await rev.goto(`${BASE_URL}/reviews/${id}`);
  const cat = await api(rev, "GET", "/api/v1/catalogs/api-checklist-2018-08");
  for (const it of cat.json.items.filter((i) => i.party !== "bank")) {
    r = await api(rev, "PUT", `/api/v1/reviews/${id}/items/${it.no}`, { verdict: "accepted" });
    assert.equal(r.status, 200, `item ${it.no}: ${JSON.stringify(r.json)}`);
  }
  r = await api(rev, "POST", `/api/v1/reviews/${id}/decision`, { decision: "meets", reason: "" });
  assert.equal(r.status, 202, JSON.stringify(r.json));
  assert.deepEqual([r.json.drafted_by_name, r.json.drafted_by_department], ["山田 花子", "審査部"]);
  await rev.close();
  const boss = await signedIn(browser, B.approver);
  r = await api(boss, "POST", `/api/v1/reviews/${id}/decision/approve`);
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.deepEqual([r.json.approved_by, r.json.approved_by_name, r.json.approved_by_department], [B.approver, LONG_NAME, LONG_DEPT]);
  await boss.close();
  await connector.close();
  const signers = [`山田 花子（審査部）${B.approver2}`, `${LONG_NAME}（${LONG_DEPT}）${B.approver}`];
  for (const lang of ["ja", "en"]) {
    for (const width of [1366, 390]) {
      const tag = `${lang}-${width}`;
      for (const [who, path] of [[B.approver2, `/reviews/${id}`], [C.admin, `/reviews/${id}?bank=${encodeURIComponent(B.org)}`]]) {
        const page = await as(who, { lang, width }, path);
        const panel = page.locator("#decision");
        assert.deepEqual(await panel.locator("dd .person").allTextContents(), signers);
        assert.equal(await panel.locator("dd .person").last().getAttribute("title"), B.approver);
        await assertNoSideScroll(page);
        const side = who === C.admin ? "connector" : "bank";
        await panel.screenshot({ path: `${process.env.SHINSA_SHOTS}/people-7-decision-${side}-${tag}.png` });
        assertClean(page);
        await page.close();
      }
      const page = await as(C.admin, { lang, width }, `/plans/${plan.id}`);
      const first = page.locator("#history tbody tr").first();
      assert.equal(await first.locator(".person").textContent(), `佐藤 一郎（コンプライアンス部）${C.admin}`);
      assert.equal(await first.locator(".person").getAttribute("title"), C.admin);
      assert.equal(await page.locator(".who").getAttribute("title"), C.admin, "the header: the name, the e-mail its title");
      assert.equal((await page.locator(".who").textContent()).startsWith("佐藤 一郎"), true);
      await assertNoSideScroll(page);
      await page.locator("#history").screenshot({ path: `${process.env.SHINSA_SHOTS}/people-8-plan-history-${tag}.png` });
      await look(page, `people-8-plan-${tag}`);
      await page.close();
    }
  }
});
