// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit: ns.c. Naming, nesting limit, duplicate and bad names, ancestry
 * and the revision counter, on private namespace trees.
 */
#include <kunit/test.h>
#include <linux/err.h>
#include "policy.h"

static void rp_ns_child_names_join_with_slashes(struct kunit *test)
{
	struct rp_ns *root = rp_ns_create(NULL, "root");
	struct rp_ns *a, *b;

	KUNIT_ASSERT_FALSE(test, IS_ERR(root));
	a = rp_ns_create(root, "lxd-foo");
	KUNIT_ASSERT_FALSE(test, IS_ERR(a));
	b = rp_ns_create(a, "inner");
	KUNIT_ASSERT_FALSE(test, IS_ERR(b));

	KUNIT_EXPECT_STREQ(test, root->hname, "root");
	KUNIT_EXPECT_STREQ(test, b->hname, "root//lxd-foo//inner");
	KUNIT_EXPECT_STREQ(test, b->name, "inner");
	KUNIT_EXPECT_EQ(test, root->level, 0u);
	KUNIT_EXPECT_EQ(test, b->level, 2u);
	KUNIT_EXPECT_TRUE(test, rp_profile_is_ns_unconfined(b->unconfined));
	KUNIT_EXPECT_PTR_EQ(test, b->unconfined->ns, b);
	KUNIT_EXPECT_TRUE(test, rp_label_is_unconfined(&b->unconfined->label));

	rp_ns_remove(b);
	rp_ns_remove(a);
	rp_ns_put(b);
	rp_ns_put(a);
	rp_ns_put(root);
}

struct rp_ns_name_case {
	const char *desc;
	const char *name;
	int err;
};

static const struct rp_ns_name_case rp_ns_name_cases[] = {
	{ "an ordinary name is accepted", "docker", 0 },
	{ "spaces and symbols are accepted", "my ns:1", 0 },
	{ "an empty name is refused", "", -EINVAL },
	{ "a name containing // is refused", "a//b", -EINVAL },
	{ "a name already taken is refused", "taken", -EEXIST },
};

KUNIT_ARRAY_PARAM_DESC(rp_ns_name, rp_ns_name_cases, desc);

static void rp_ns_create_checks_the_name(struct kunit *test)
{
	const struct rp_ns_name_case *c = test->param_value;
	struct rp_ns *root = rp_ns_create(NULL, "root");
	struct rp_ns *taken, *ns;

	KUNIT_ASSERT_FALSE(test, IS_ERR(root));
	taken = rp_ns_create(root, "taken");
	KUNIT_ASSERT_FALSE(test, IS_ERR(taken));

	ns = rp_ns_create(root, c->name);
	if (c->err) {
		KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(ns), (long)c->err);
	} else {
		KUNIT_ASSERT_FALSE(test, IS_ERR(ns));
		KUNIT_EXPECT_STREQ(test, ns->name, c->name);
		rp_ns_remove(ns);
		rp_ns_put(ns);
	}
	rp_ns_remove(taken);
	rp_ns_put(taken);
	rp_ns_put(root);
}

static void rp_ns_nesting_stops_below_level_33(struct kunit *test)
{
	struct rp_ns *chain[RP_NS_MAX_LEVEL + 2];
	struct rp_ns *too_deep;
	int i;

	chain[0] = rp_ns_create(NULL, "root");
	KUNIT_ASSERT_FALSE(test, IS_ERR(chain[0]));
	for (i = 1; i <= RP_NS_MAX_LEVEL + 1; i++) {
		chain[i] = rp_ns_create(chain[i - 1], "n");
		KUNIT_ASSERT_FALSE(test, IS_ERR(chain[i]));
	}
	KUNIT_EXPECT_EQ(test, chain[RP_NS_MAX_LEVEL + 1]->level, 33u);

	too_deep = rp_ns_create(chain[RP_NS_MAX_LEVEL + 1], "n");
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(too_deep), (long)-ENOSPC);

	for (i = RP_NS_MAX_LEVEL + 1; i >= 1; i--) {
		rp_ns_remove(chain[i]);
		rp_ns_put(chain[i]);
	}
	rp_ns_put(chain[0]);
}

static void rp_ns_within_follows_ancestry(struct kunit *test)
{
	struct rp_ns *root = rp_ns_create(NULL, "root");
	struct rp_ns *a = rp_ns_create(root, "a");
	struct rp_ns *b = rp_ns_create(root, "b");
	struct rp_ns *a1 = rp_ns_create(a, "a1");

	KUNIT_ASSERT_FALSE(test, IS_ERR(a1) || IS_ERR(b) || IS_ERR(a));
	KUNIT_EXPECT_TRUE(test, rp_ns_within(a1, root));
	KUNIT_EXPECT_TRUE(test, rp_ns_within(a1, a));
	KUNIT_EXPECT_TRUE(test, rp_ns_within(a, a));
	KUNIT_EXPECT_FALSE(test, rp_ns_within(a1, b));
	KUNIT_EXPECT_FALSE(test, rp_ns_within(root, a));
	KUNIT_EXPECT_FALSE(test, rp_ns_within(a, rp_root_ns));

	rp_ns_remove(a1);
	rp_ns_remove(b);
	rp_ns_remove(a);
	rp_ns_put(a1);
	rp_ns_put(b);
	rp_ns_put(a);
	rp_ns_put(root);
}

static void rp_ns_revision_counts_changes(struct kunit *test)
{
	struct rp_ns *root = rp_ns_create(NULL, "root");

	KUNIT_ASSERT_FALSE(test, IS_ERR(root));
	KUNIT_EXPECT_EQ(test, root->revision, 0L);
	mutex_lock(&root->lock);
	rp_ns_bump_revision(root);
	rp_ns_bump_revision(root);
	mutex_unlock(&root->lock);
	KUNIT_EXPECT_EQ(test, root->revision, 2L);
	rp_ns_put(root);
}

static struct kunit_case rp_ns_cases[] = {
	KUNIT_CASE(rp_ns_child_names_join_with_slashes),
	KUNIT_CASE_PARAM(rp_ns_create_checks_the_name, rp_ns_name_gen_params),
	KUNIT_CASE(rp_ns_nesting_stops_below_level_33),
	KUNIT_CASE(rp_ns_within_follows_ancestry),
	KUNIT_CASE(rp_ns_revision_counts_changes),
	{}
};

static struct kunit_suite rp_ns_suite = {
	.name = "rampart-ns",
	.test_cases = rp_ns_cases,
};

kunit_test_suite(rp_ns_suite);
