// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit: label.c. Canonical order and de-duplication of stacks, and label
 * rendering relative to the viewer's namespace, over a private namespace
 * tree: root with child ns1 (its child ns2) and sibling other.
 */
#include <kunit/test.h>
#include <linux/err.h>
#include "policy.h"

enum { NS_ROOT, NS_1, NS_2, NS_OTHER, NS_COUNT };

/* The profiles every case can stack; [U_*] are namespace-unconfined. */
enum {
	P_FOO, P_ALPHA, P_ZETA, P_FLAGGED, P_DOCKER, P_LXC, P_X, P_O,
	U_ROOT, U_NS1, P_COUNT
};

static const struct {
	int ns;
	const char *hname;
	enum rp_mode mode;
} rp_test_profiles[P_COUNT] = {
	[P_FOO] = { NS_ROOT, "/usr/bin/foo", RP_MODE_ENFORCE },
	[P_ALPHA] = { NS_ROOT, "alpha", RP_MODE_ENFORCE },
	[P_ZETA] = { NS_ROOT, "zeta", RP_MODE_COMPLAIN },
	[P_FLAGGED] = { NS_ROOT, "flagged", RP_MODE_UNCONFINED },
	[P_DOCKER] = { NS_1, "docker-default", RP_MODE_ENFORCE },
	[P_LXC] = { NS_1, "lxc", RP_MODE_ENFORCE },
	[P_X] = { NS_2, "x//hat", RP_MODE_KILL },
	[P_O] = { NS_OTHER, "o", RP_MODE_ENFORCE },
};

struct rp_label_fixture {
	struct rp_ns *ns[NS_COUNT];
	struct rp_profile *p[P_COUNT];
};

static int rp_label_test_init(struct kunit *test)
{
	struct rp_label_fixture *fx;
	int i;

	fx = kunit_kzalloc(test, sizeof(*fx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, fx);
	fx->ns[NS_ROOT] = rp_ns_create(NULL, "root");
	KUNIT_ASSERT_FALSE(test, IS_ERR(fx->ns[NS_ROOT]));
	fx->ns[NS_1] = rp_ns_create(fx->ns[NS_ROOT], "ns1");
	KUNIT_ASSERT_FALSE(test, IS_ERR(fx->ns[NS_1]));
	fx->ns[NS_2] = rp_ns_create(fx->ns[NS_1], "ns2");
	KUNIT_ASSERT_FALSE(test, IS_ERR(fx->ns[NS_2]));
	fx->ns[NS_OTHER] = rp_ns_create(fx->ns[NS_ROOT], "other");
	KUNIT_ASSERT_FALSE(test, IS_ERR(fx->ns[NS_OTHER]));

	for (i = 0; i < U_ROOT; i++) {
		fx->p[i] = rp_profile_alloc(fx->ns[rp_test_profiles[i].ns],
					    rp_test_profiles[i].hname,
					    rp_test_profiles[i].mode, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, fx->p[i]);
	}
	fx->p[U_ROOT] = fx->ns[NS_ROOT]->unconfined;
	fx->p[U_NS1] = fx->ns[NS_1]->unconfined;
	test->priv = fx;
	return 0;
}

static void rp_label_test_exit(struct kunit *test)
{
	struct rp_label_fixture *fx = test->priv;
	int i;

	for (i = 0; i < U_ROOT; i++)
		rp_label_put(&fx->p[i]->label);
	rp_ns_remove(fx->ns[NS_OTHER]);
	rp_ns_remove(fx->ns[NS_2]);
	rp_ns_remove(fx->ns[NS_1]);
	for (i = NS_COUNT - 1; i >= 0; i--)
		rp_ns_put(fx->ns[i]);
}

#define PROCATTR (RP_RENDER_SUBNS | RP_RENDER_MODE | RP_RENDER_HIDDEN_UNCONFINED)
#define END (-1)

struct rp_render_case {
	const char *desc;
	int parts[4];		/* profile indexes, END-terminated */
	int view;
	unsigned int opts;
	const char *want;
};

static const struct rp_render_case rp_render_cases[] = {
	{ "root unconfined reads unconfined with no mode",
	  { U_ROOT, END }, NS_ROOT, PROCATTR, "unconfined" },
	{ "a profile reads its name and mode",
	  { P_FOO, END }, NS_ROOT, PROCATTR, "/usr/bin/foo (enforce)" },
	{ "without the mode option there is no suffix",
	  { P_FOO, END }, NS_ROOT, RP_RENDER_SUBNS, "/usr/bin/foo" },
	{ "a flags=(unconfined) profile shows its mode",
	  { P_FLAGGED, END }, NS_ROOT, PROCATTR, "flagged (unconfined)" },
	{ "a stack is printed in canonical order",
	  { P_ZETA, P_ALPHA, END }, NS_ROOT, PROCATTR, "alpha//&zeta (mixed)" },
	{ "a stack of one mode shows that mode",
	  { P_ALPHA, P_FOO, END }, NS_ROOT, PROCATTR,
	  "/usr/bin/foo//&alpha (enforce)" },
	{ "a child namespace's profile carries its namespace",
	  { P_DOCKER, END }, NS_ROOT, PROCATTR, ":ns1:docker-default (enforce)" },
	{ "inside its namespace a profile has no prefix",
	  { P_DOCKER, END }, NS_1, PROCATTR, "docker-default (enforce)" },
	{ "a child namespace's unconfined has the prefix and no mode",
	  { U_NS1, END }, NS_ROOT, PROCATTR, ":ns1:unconfined" },
	{ "a namespace's own unconfined reads unconfined inside it",
	  { U_NS1, END }, NS_1, PROCATTR, "unconfined" },
	{ "a bounding stack shows the host profile's mode",
	  { U_NS1, P_ALPHA, END }, NS_ROOT, PROCATTR,
	  "alpha//&:ns1:unconfined (enforce)" },
	{ "a bounding stack seen from inside hides the host profile",
	  { P_ALPHA, P_DOCKER, END }, NS_1, PROCATTR,
	  "docker-default (enforce)" },
	{ "grandchild namespaces print their path from the viewer",
	  { P_X, END }, NS_ROOT, PROCATTR, ":ns1//ns2:x//hat (kill)" },
	{ "the prefix is written once per run of a namespace",
	  { P_LXC, P_DOCKER, END }, NS_ROOT, PROCATTR,
	  ":ns1:docker-default//&lxc (enforce)" },
	{ "a deeper namespace after the viewer's gets its prefix",
	  { P_X, P_DOCKER, END }, NS_1, PROCATTR,
	  "docker-default//&:ns2:x//hat (mixed)" },
	{ "a sibling namespace is invisible: hidden unconfined",
	  { P_O, END }, NS_1, PROCATTR, "unconfined" },
	{ "a sibling namespace is invisible: dashes",
	  { P_O, END }, NS_1, RP_RENDER_SUBNS | RP_RENDER_MODE, "---" },
	{ "without subns a child namespace is invisible",
	  { P_DOCKER, END }, NS_ROOT, RP_RENDER_MODE, "---" },
};

KUNIT_ARRAY_PARAM_DESC(rp_render, rp_render_cases, desc);

static struct rp_label *rp_test_stack(struct kunit *test, const int *parts)
{
	struct rp_label_fixture *fx = test->priv;
	struct rp_profile *vec[4];
	struct rp_label *label;
	u32 n;

	for (n = 0; parts[n] != END; n++)
		vec[n] = fx->p[parts[n]];
	label = rp_label_alloc_stack(vec, n, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, label);
	return label;
}

static void rp_label_render_matches_userspace_view(struct kunit *test)
{
	const struct rp_render_case *c = test->param_value;
	struct rp_label_fixture *fx = test->priv;
	struct rp_label *label = rp_test_stack(test, c->parts);
	char buf[128];
	int len;

	len = rp_label_render(label, fx->ns[c->view], c->opts, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, c->want);
	KUNIT_EXPECT_EQ(test, len, (int)strlen(c->want));
	rp_label_put(label);
}

static void rp_label_render_truncates_and_reports_full_length(struct kunit *test)
{
	struct rp_label_fixture *fx = test->priv;
	const char *want = "/usr/bin/foo (enforce)";
	char buf[8];
	int len;

	len = rp_label_render(&fx->p[P_FOO]->label, fx->ns[NS_ROOT], PROCATTR,
			      buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, len, (int)strlen(want));
	KUNIT_EXPECT_STREQ(test, buf, "/usr/bi");
	KUNIT_EXPECT_EQ(test, rp_label_render(&fx->p[P_FOO]->label,
					      fx->ns[NS_ROOT], PROCATTR,
					      NULL, 0), (int)strlen(want));
}

static void rp_label_render_alloc_appends_suffix(struct kunit *test)
{
	struct rp_label_fixture *fx = test->priv;
	char *s = rp_label_render_alloc(&fx->p[P_ALPHA]->label, fx->ns[NS_ROOT],
					PROCATTR, "\n", GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_STREQ(test, s, "alpha (enforce)\n");
	kfree(s);
}

static void rp_label_stack_of_duplicates_is_the_profile(struct kunit *test)
{
	struct rp_label_fixture *fx = test->priv;
	static const int parts[] = { P_ALPHA, P_ALPHA, P_ALPHA, END };
	struct rp_label *label = rp_test_stack(test, parts);

	KUNIT_EXPECT_PTR_EQ(test, label, &fx->p[P_ALPHA]->label);
	KUNIT_EXPECT_EQ(test, kref_read(&label->ref), 2u);
	rp_label_put(label);
}

static void rp_label_stack_is_order_independent(struct kunit *test)
{
	static const int ab[] = { P_ZETA, P_ALPHA, P_ZETA, END };
	static const int ba[] = { P_ALPHA, P_ZETA, END };
	struct rp_label *l1 = rp_test_stack(test, ab);
	struct rp_label *l2 = rp_test_stack(test, ba);
	u32 i;

	KUNIT_ASSERT_EQ(test, l1->size, 2u);
	KUNIT_ASSERT_EQ(test, l2->size, 2u);
	for (i = 0; i < 2; i++)
		KUNIT_EXPECT_PTR_EQ(test, l1->vec[i], l2->vec[i]);
	KUNIT_EXPECT_STREQ(test, l1->vec[0]->hname, "alpha");
	rp_label_put(l1);
	rp_label_put(l2);
}

static void rp_label_stack_orders_by_namespace_depth(struct kunit *test)
{
	struct rp_label_fixture *fx = test->priv;
	static const int parts[] = { P_X, P_DOCKER, P_ZETA, END };
	struct rp_label *label = rp_test_stack(test, parts);

	KUNIT_ASSERT_EQ(test, label->size, 3u);
	KUNIT_EXPECT_PTR_EQ(test, label->vec[0], fx->p[P_ZETA]);
	KUNIT_EXPECT_PTR_EQ(test, label->vec[1], fx->p[P_DOCKER]);
	KUNIT_EXPECT_PTR_EQ(test, label->vec[2], fx->p[P_X]);
	KUNIT_EXPECT_PTR_EQ(test, rp_label_ns(label), fx->ns[NS_2]);
	rp_label_put(label);
}

static void rp_label_unconfined_only_if_every_part_is(struct kunit *test)
{
	static const int both[] = { U_ROOT, U_NS1, END };
	static const int mixed[] = { U_NS1, P_ALPHA, END };
	struct rp_label *l1 = rp_test_stack(test, both);
	struct rp_label *l2 = rp_test_stack(test, mixed);

	KUNIT_EXPECT_TRUE(test, rp_label_is_unconfined(l1));
	KUNIT_EXPECT_FALSE(test, rp_label_is_unconfined(l2));
	rp_label_put(l1);
	rp_label_put(l2);
}

static void rp_label_stack_of_nothing_is_refused(struct kunit *test)
{
	KUNIT_EXPECT_NULL(test, rp_label_alloc_stack(NULL, 0, GFP_KERNEL));
}

static void rp_profile_base_is_the_last_component(struct kunit *test)
{
	struct rp_label_fixture *fx = test->priv;

	KUNIT_EXPECT_STREQ(test, fx->p[P_X]->base, "hat");
	KUNIT_EXPECT_STREQ(test, fx->p[P_FOO]->base, "/usr/bin/foo");
}

static struct kunit_case rp_label_cases[] = {
	KUNIT_CASE_PARAM(rp_label_render_matches_userspace_view,
			 rp_render_gen_params),
	KUNIT_CASE(rp_label_render_truncates_and_reports_full_length),
	KUNIT_CASE(rp_label_render_alloc_appends_suffix),
	KUNIT_CASE(rp_label_stack_of_duplicates_is_the_profile),
	KUNIT_CASE(rp_label_stack_is_order_independent),
	KUNIT_CASE(rp_label_stack_orders_by_namespace_depth),
	KUNIT_CASE(rp_label_unconfined_only_if_every_part_is),
	KUNIT_CASE(rp_label_stack_of_nothing_is_refused),
	KUNIT_CASE(rp_profile_base_is_the_last_component),
	{}
};

static struct kunit_suite rp_label_suite = {
	.name = "rampart-label",
	.init = rp_label_test_init,
	.exit = rp_label_test_exit,
	.test_cases = rp_label_cases,
};

kunit_test_suite(rp_label_suite);
