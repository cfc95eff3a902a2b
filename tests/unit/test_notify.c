/* core/notify: the kinds' names both ways, and the e-mail of each kind to
 * the letter — Japanese subject, Japanese then English body, and never
 * the text of a query, a reply or a reason (the detail of a decision is
 * its name only). */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "core/notify.h"

static void test_names(void **state)
{
	(void)state;
	const char *const names[] = { "shared", "revoked", "query", "improvement",
				      "bank_message", "reply", "decision", "required_date",
				      "drafted", "approved", "rejected" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		enum notify_kind k = notify_kind_parse(names[i]);
		assert_int_equal(k, (int)i + 1);
		assert_string_equal(notify_kind_name(k), names[i]);
	}
	assert_int_equal(notify_kind_parse("approve"), 0);
	assert_int_equal(notify_kind_parse(NULL), 0);
	assert_null(notify_kind_name(0));
	assert_null(notify_kind_name(NOTIFY_REJECTED + 1));
}

static void assert_mail(enum notify_kind kind, int no, const char *detail, const char *to, const char *subject,
			const char *body)
{
	struct notification n = { .kind = kind, .submission_id = 7, .no = no, .plan_id = 2, .bank = "X銀行",
				  .connector = "接続先A", .detail = (char *)detail, .actor = "boss@x.test" };
	char *s, *b;
	notify_mail_text(&n, to, &s, &b);
	assert_string_equal(s, subject);
	assert_string_equal(b, body);
	free(s);
	free(b);
}

static void test_mail(void **state)
{
	(void)state;
	assert_mail(NOTIFY_SHARED, 0, "", "X銀行", "【Shinsa】接続先A から提出物が共有されました（提出 7）",
		    "X銀行 御中\n\n接続先A が提出 7 を共有しました。\nShinsa で審査を行ってください。\n\n"
		    "接続先A shared submission 7 with you. Please review it in Shinsa.\n");
	assert_mail(NOTIFY_REVOKED, 0, "", "X銀行", "【Shinsa】接続先A が共有を取り消しました（提出 7）",
		    "X銀行 御中\n\n接続先A が提出 7 の共有を取り消しました。\n"
		    "この提出物は閲覧できなくなりました（審査の記録は残ります）。\n\n"
		    "接続先A revoked the share of submission 7: it can no longer be read (your review stays on"
		    " record).\n");
	assert_mail(NOTIFY_QUERY, 3, "", "接続先A", "【Shinsa】X銀行 から照会があります：通番3（提出 7）",
		    "接続先A 御中\n\nX銀行 が提出 7 の通番3 について照会しました。\n内容は Shinsa でご確認ください。\n\n"
		    "X銀行 raised a query on item 3 of submission 7. Please read it in Shinsa.\n");
	assert_mail(NOTIFY_IMPROVEMENT, 5, "", "接続先A", "【Shinsa】X銀行 から改善要請があります：通番5（提出 7）",
		    "接続先A 御中\n\nX銀行 が提出 7 の通番5 について改善を要請しました（要改善）。\n"
		    "内容は Shinsa でご確認ください。\n\n"
		    "X銀行 asked for an improvement on item 5 of submission 7. Please read it in Shinsa.\n");
	assert_mail(NOTIFY_BANK_MESSAGE, 3, "", "接続先A", "【Shinsa】X銀行 から連絡があります：通番3（提出 7）",
		    "接続先A 御中\n\nX銀行 が提出 7 の通番3 について連絡しました。\n内容は Shinsa でご確認ください。\n\n"
		    "X銀行 wrote on item 3 of submission 7. Please read it in Shinsa.\n");
	assert_mail(NOTIFY_REPLY, 3, "", "X銀行", "【Shinsa】接続先A から回答がありました：通番3（提出 7）",
		    "X銀行 御中\n\n接続先A が提出 7 の通番3 について回答しました。\n内容は Shinsa でご確認ください。\n\n"
		    "接続先A replied on item 3 of submission 7. Please read it in Shinsa.\n");
	assert_mail(NOTIFY_DECISION, 0, "does_not_meet", "接続先A",
		    "【Shinsa】X銀行 が審査結果を確定しました：不適合（提出 7）",
		    "接続先A 御中\n\nX銀行 が提出 7 の審査結果を「不適合」として確定しました。\n"
		    "理由・条件と署名済みの結果は Shinsa でご確認ください。\n\n"
		    "X銀行 decided on submission 7: does_not_meet. The reason and the signed decision are in"
		    " Shinsa.\n");
	assert_mail(NOTIFY_REQUIRED_DATE, 3, "2026-06-30", "接続先A",
		    "【Shinsa】X銀行 が改善計画の対応期限を指定しました：通番3（2026-06-30）",
		    "接続先A 御中\n\nX銀行 が通番3 の改善計画の対応期限を 2026-06-30 と指定しました。\n"
		    "計画の進捗を Shinsa で更新してください。\n\n"
		    "X銀行 requires the remediation plan of item 3 to be done by 2026-06-30.\n");
	/* The approval's steps, within the bank: the draft's outcome by name,
	 * never the reason of a return. */
	assert_mail(NOTIFY_DRAFTED, 0, "conditional", "X銀行",
		    "【Shinsa】boss@x.test が審査結果を起案しました：条件付適合（接続先A、提出 7）",
		    "X銀行 御中\n\nboss@x.test が 接続先A の提出 7 の審査結果を「条件付適合」として起案しました。\n"
		    "Shinsa で内容を確認し、承認または差し戻しを行ってください。\n\n"
		    "boss@x.test drafted the decision on submission 7 of 接続先A: conditional. Please approve or return"
		    " it in Shinsa.\n");
	assert_mail(NOTIFY_APPROVED, 0, "", "X銀行", "【Shinsa】起案した審査結果が承認されました（接続先A、提出 7）",
		    "X銀行 御中\n\nboss@x.test が、あなたの起案した 接続先A の提出 7 の審査結果を承認し、署名しました。\n\n"
		    "boss@x.test approved and signed the decision you drafted on submission 7 of 接続先A.\n");
	assert_mail(NOTIFY_REJECTED, 0, "", "X銀行", "【Shinsa】起案した審査結果が差し戻されました（接続先A、提出 7）",
		    "X銀行 御中\n\nboss@x.test が、あなたの起案した 接続先A の提出 7 の審査結果を差し戻しました。\n"
		    "理由は Shinsa でご確認ください。\n\n"
		    "boss@x.test returned the decision you drafted on submission 7 of 接続先A. The reason is in Shinsa.\n");
	/* A kind this build does not know still makes an e-mail. */
	assert_mail(0, 0, "", "接続先A", "【Shinsa】お知らせ",
		    "接続先A 御中\n\nShinsa にお知らせがあります。\n\nThere is news for you in Shinsa.\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_mail),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
