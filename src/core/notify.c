#include "core/notify.h"

#include <stdlib.h>
#include <string.h>

#include "core/review.h"
#include "lib/xalloc.h"

static const char *const names[] = {
	[NOTIFY_SHARED] = "shared",
	[NOTIFY_REVOKED] = "revoked",
	[NOTIFY_QUERY] = "query",
	[NOTIFY_IMPROVEMENT] = "improvement",
	[NOTIFY_BANK_MESSAGE] = "bank_message",
	[NOTIFY_REPLY] = "reply",
	[NOTIFY_DECISION] = "decision",
	[NOTIFY_REQUIRED_DATE] = "required_date",
	[NOTIFY_DRAFTED] = "drafted",
	[NOTIFY_APPROVED] = "approved",
	[NOTIFY_REJECTED] = "rejected",
};

const char *notify_kind_name(enum notify_kind k)
{
	return k >= NOTIFY_SHARED && k <= NOTIFY_REJECTED ? names[k] : NULL;
}

enum notify_kind notify_kind_parse(const char *s)
{
	for (int k = NOTIFY_SHARED; s && k <= NOTIFY_REJECTED; k++)
		if (strcmp(s, names[k]) == 0)
			return (enum notify_kind)k;
	return 0;
}

struct notification *notification_new(void)
{
	return xcalloc(1, sizeof(struct notification));
}

void notification_free(struct notification *n)
{
	if (!n)
		return;
	free(n->bank);
	free(n->connector);
	free(n->detail);
	free(n->actor);
	free(n->created_at);
	free(n->read_at);
	free(n);
}

void notification_list_free(struct notification **list, size_t n)
{
	for (size_t i = 0; list && i < n; i++)
		notification_free(list[i]);
	free(list);
}

/* An item's event: what the bank or the connector did on item no. */
static void item_text(const struct notification *n, const char *to, const char *ja, const char *ja_do,
		      const char *en, char **subject, char **body)
{
	const char *from = n->kind == NOTIFY_REPLY ? n->connector : n->bank;
	*subject = xasprintf("【Shinsa】%s から%s：通番%d（提出 %lld）", from, ja, n->no, n->submission_id);
	*body = xasprintf("%s 御中\n\n"
			  "%s が提出 %lld の通番%d について%s。\n"
			  "内容は Shinsa でご確認ください。\n\n"
			  "%s %s on item %d of submission %lld. Please read it in Shinsa.\n",
			  to, from, n->submission_id, n->no, ja_do, from, en, n->no, n->submission_id);
}

void notify_mail_text(const struct notification *n, const char *to, char **subject, char **body)
{
	enum review_decision d = DECISION_NONE;
	switch (n->kind) {
	case NOTIFY_SHARED:
		*subject = xasprintf("【Shinsa】%s から提出物が共有されました（提出 %lld）", n->connector,
				     n->submission_id);
		*body = xasprintf("%s 御中\n\n%s が提出 %lld を共有しました。\nShinsa で審査を行ってください。\n\n"
				  "%s shared submission %lld with you. Please review it in Shinsa.\n",
				  to, n->connector, n->submission_id, n->connector, n->submission_id);
		return;
	case NOTIFY_REVOKED:
		*subject = xasprintf("【Shinsa】%s が共有を取り消しました（提出 %lld）", n->connector,
				     n->submission_id);
		*body = xasprintf("%s 御中\n\n%s が提出 %lld の共有を取り消しました。\n"
				  "この提出物は閲覧できなくなりました（審査の記録は残ります）。\n\n"
				  "%s revoked the share of submission %lld: it can no longer be read"
				  " (your review stays on record).\n",
				  to, n->connector, n->submission_id, n->connector, n->submission_id);
		return;
	case NOTIFY_QUERY:
		item_text(n, to, "照会があります", "照会しました", "raised a query", subject, body);
		return;
	case NOTIFY_IMPROVEMENT:
		item_text(n, to, "改善要請があります", "改善を要請しました（要改善）", "asked for an improvement",
			  subject, body);
		return;
	case NOTIFY_BANK_MESSAGE:
		item_text(n, to, "連絡があります", "連絡しました", "wrote", subject, body);
		return;
	case NOTIFY_REPLY:
		item_text(n, to, "回答がありました", "回答しました", "replied", subject, body);
		return;
	case NOTIFY_DECISION:
		review_decision_parse(n->detail, &d);
		*subject = xasprintf("【Shinsa】%s が審査結果を確定しました：%s（提出 %lld）", n->bank,
				     d ? review_decision_label(d) : n->detail, n->submission_id);
		*body = xasprintf("%s 御中\n\n%s が提出 %lld の審査結果を「%s」として確定しました。\n"
				  "理由・条件と署名済みの結果は Shinsa でご確認ください。\n\n"
				  "%s decided on submission %lld: %s. The reason and the signed decision are in"
				  " Shinsa.\n",
				  to, n->bank, n->submission_id, d ? review_decision_label(d) : n->detail, n->bank,
				  n->submission_id, n->detail);
		return;
	case NOTIFY_REQUIRED_DATE:
		*subject = xasprintf("【Shinsa】%s が改善計画の対応期限を指定しました：通番%d（%s）", n->bank, n->no,
				     n->detail);
		*body = xasprintf("%s 御中\n\n%s が通番%d の改善計画の対応期限を %s と指定しました。\n"
				  "計画の進捗を Shinsa で更新してください。\n\n"
				  "%s requires the remediation plan of item %d to be done by %s.\n",
				  to, n->bank, n->no, n->detail, n->bank, n->no, n->detail);
		return;
	case NOTIFY_DRAFTED:
		review_decision_parse(n->detail, &d);
		*subject = xasprintf("【Shinsa】%s が審査結果を起案しました：%s（%s、提出 %lld）", n->actor,
				     d ? review_decision_label(d) : n->detail, n->connector, n->submission_id);
		*body = xasprintf("%s 御中\n\n%s が %s の提出 %lld の審査結果を「%s」として起案しました。\n"
				  "Shinsa で内容を確認し、承認または差し戻しを行ってください。\n\n"
				  "%s drafted the decision on submission %lld of %s: %s. Please approve or return it in"
				  " Shinsa.\n",
				  to, n->actor, n->connector, n->submission_id, d ? review_decision_label(d) : n->detail,
				  n->actor, n->submission_id, n->connector, n->detail);
		return;
	case NOTIFY_APPROVED:
		*subject = xasprintf("【Shinsa】起案した審査結果が承認されました（%s、提出 %lld）", n->connector,
				     n->submission_id);
		*body = xasprintf("%s 御中\n\n%s が、あなたの起案した %s の提出 %lld の審査結果を承認し、署名しました。\n\n"
				  "%s approved and signed the decision you drafted on submission %lld of %s.\n",
				  to, n->actor, n->connector, n->submission_id, n->actor, n->submission_id, n->connector);
		return;
	case NOTIFY_REJECTED:
		*subject = xasprintf("【Shinsa】起案した審査結果が差し戻されました（%s、提出 %lld）", n->connector,
				     n->submission_id);
		*body = xasprintf("%s 御中\n\n%s が、あなたの起案した %s の提出 %lld の審査結果を差し戻しました。\n"
				  "理由は Shinsa でご確認ください。\n\n"
				  "%s returned the decision you drafted on submission %lld of %s. The reason is in"
				  " Shinsa.\n",
				  to, n->actor, n->connector, n->submission_id, n->actor, n->submission_id, n->connector);
		return;
	}
	*subject = xstrdup("【Shinsa】お知らせ");
	*body = xasprintf("%s 御中\n\nShinsa にお知らせがあります。\n\nThere is news for you in Shinsa.\n", to);
}
