// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit: name.c and the label set of label.c. Label names parsed relative
 * to a namespace (kernel-interfaces.md 6.2, 6.4) over a private tree,
 * bad names refused with the errno procattr returns, one shared object
 * per stack, and forwarding from replaced and removed profiles.
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/rculist.h>
#include "policy.h"

enum { NS_ROOT, NS_1, NS_2, NS_COUNT };
enum { P_FOO, P_HAT, P_BAR, P_QUX1, P_QUX, P_BAZ, P_COUNT };

static const struct {
	int ns;
	const char *hname;
	int parent;		/* -1: top level */
} rp_name_profiles[P_COUNT] = {
	[P_FOO] = { NS_ROOT, "foo", -1 },
	[P_HAT] = { NS_ROOT, "foo//hat", P_FOO },
	[P_BAR] = { NS_1, "bar", -1 },
	[P_QUX1] = { NS_1, "qux", -1 },
	[P_QUX] = { NS_ROOT, "qux", -1 },
	[P_BAZ] = { NS_2, "baz", -1 },
};

struct rp_name_fixture {
	struct rp_ns *ns[NS_COUNT];
	struct rp_profile *p[P_COUNT];
};

/* Put @p in its namespace's tree as a load would; the tree holds it. */
static void rp_name_install(struct rp_name_fixture *fx, int i)
{
	struct rp_profile *p = fx->p[i];
	int parent = rp_name_profiles[i].parent;

	mutex_lock(&p->ns->lock);
	if (parent < 0) {
		list_add_rcu(&p->list, &p->ns->profiles);
	} else {
		p->parent = fx->p[parent];
		rp_label_get(&p->parent->label);
		list_add_rcu(&p->list, &fx->p[parent]->children);
	}
	mutex_unlock(&p->ns->lock);
}

static int rp_name_test_init(struct kunit *test)
{
	struct rp_name_fixture *fx;
	int i;

	fx = kunit_kzalloc(test, sizeof(*fx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, fx);
	fx->ns[NS_ROOT] = rp_ns_create(NULL, "root");
	KUNIT_ASSERT_FALSE(test, IS_ERR(fx->ns[NS_ROOT]));
	fx->ns[NS_1] = rp_ns_create(fx->ns[NS_ROOT], "ns1");
	KUNIT_ASSERT_FALSE(test, IS_ERR(fx->ns[NS_1]));
	fx->ns[NS_2] = rp_ns_create(fx->ns[NS_1], "ns2");
	KUNIT_ASSERT_FALSE(test, IS_ERR(fx->ns[NS_2]));
	for (i = 0; i < P_COUNT; i++) {
		fx->p[i] = rp_profile_alloc(fx->ns[rp_name_profiles[i].ns],
					    rp_name_profiles[i].hname,
					    RP_MODE_ENFORCE, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, fx->p[i]);
		rp_name_install(fx, i);
	}
	test->priv = fx;
	return 0;
}

static void rp_name_test_exit(struct kunit *test)
{
	struct rp_name_fixture *fx = test->priv;
	int i;

	/* children first: each holds its parent */
	for (i = P_COUNT - 1; i >= 0; i--) {
		mutex_lock(&fx->p[i]->ns->lock);
		list_del_rcu(&fx->p[i]->list);
		mutex_unlock(&fx->p[i]->ns->lock);
		rp_label_put(&fx->p[i]->label);
	}
	rp_ns_remove(fx->ns[NS_2]);
	rp_ns_remove(fx->ns[NS_1]);
	for (i = NS_COUNT - 1; i >= 0; i--)
		rp_ns_put(fx->ns[i]);
}

#define END (-1)
#define UNCONF(ns) (100 + (ns))

/**
 * struct rp_name_case - a name, where it is read, and what it means
 * @desc: what the case shows
 * @base: the namespace the name is relative to
 * @name: the name
 * @err: the errno expected, 0 for success
 * @parts: the profiles of the label (P_* or UNCONF(ns)), END-terminated
 */
struct rp_name_case {
	const char *desc;
	int base;
	const char *name;
	int err;
	int parts[4];
};

static const struct rp_name_case rp_name_cases[] = {
	{ "a plain name is a profile of the base namespace",
	  NS_ROOT, "foo", 0, { P_FOO, END } },
	{ "leading white space is skipped", NS_ROOT, "  \tfoo", 0,
	  { P_FOO, END } },
	{ "a hierarchical name finds a child", NS_ROOT, "foo//hat", 0,
	  { P_HAT, END } },
	{ "unconfined is the namespace's own", NS_ROOT, "unconfined", 0,
	  { UNCONF(NS_ROOT), END } },
	{ ":ns:name is a profile of a child namespace", NS_ROOT, ":ns1:bar",
	  0, { P_BAR, END } },
	{ ":ns://name skips the slashes", NS_ROOT, ":ns1://bar", 0,
	  { P_BAR, END } },
	{ ":ns: is that namespace's unconfined", NS_ROOT, ":ns1:", 0,
	  { UNCONF(NS_1), END } },
	{ ":ns without the second colon is its unconfined", NS_ROOT, ":ns1",
	  0, { UNCONF(NS_1), END } },
	{ "spaces around the namespace name do not count", NS_ROOT,
	  ": ns1 :bar", 0, { P_BAR, END } },
	{ "a grandchild namespace is named by its path", NS_ROOT,
	  ":ns1//ns2:baz", 0, { P_BAZ, END } },
	{ "a stack names each component", NS_ROOT, "foo//&:ns1:bar", 0,
	  { P_FOO, P_BAR, END } },
	{ "a component without a namespace follows the last one named",
	  NS_ROOT, ":ns1:bar//&qux", 0, { P_BAR, P_QUX1, END } },
	{ "before any namespace is named, the base one is used", NS_ROOT,
	  "qux//&:ns1:bar", 0, { P_QUX, P_BAR, END } },
	{ "a repeated component counts once", NS_ROOT, "foo//&foo", 0,
	  { P_FOO, END } },
	{ "names are relative to the base namespace", NS_1, "bar", 0,
	  { P_BAR, END } },
	{ "a child namespace of the base", NS_1, ":ns2:baz", 0,
	  { P_BAZ, END } },
	{ "a parent's profile cannot be named", NS_1, "foo", -ENOENT, { END } },
	{ "an unknown profile", NS_ROOT, "nosuch", -ENOENT, { END } },
	{ "an unknown child", NS_ROOT, "foo//nosuch", -ENOENT, { END } },
	{ "an unknown namespace", NS_ROOT, ":nosuch:foo", -ENOENT, { END } },
	{ "an empty name", NS_ROOT, "", -EINVAL, { END } },
	{ "only white space", NS_ROOT, " \t ", -EINVAL, { END } },
	{ "an empty component after //&", NS_ROOT, "foo//&", -EINVAL,
	  { END } },
	{ "an empty namespace name", NS_ROOT, "::foo", -EINVAL, { END } },
};

KUNIT_ARRAY_PARAM_DESC(rp_name, rp_name_cases, desc);

static struct rp_profile *rp_name_part(struct rp_name_fixture *fx, int part)
{
	return part >= UNCONF(0) ? fx->ns[part - UNCONF(0)]->unconfined :
				   fx->p[part];
}

static void rp_label_parse_resolves_names(struct kunit *test)
{
	const struct rp_name_case *c = test->param_value;
	struct rp_name_fixture *fx = test->priv;
	struct rp_profile *want[4];
	struct rp_label *label, *expect;
	u32 n;

	label = rp_label_parse(fx->ns[c->base], c->name, GFP_KERNEL);
	if (c->err) {
		KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(label), (long)c->err);
		if (!IS_ERR(label))
			rp_label_put(label);
		return;
	}
	KUNIT_ASSERT_FALSE(test, IS_ERR(label));
	for (n = 0; c->parts[n] != END; n++)
		want[n] = rp_name_part(fx, c->parts[n]);
	expect = rp_label_stack(want, n, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, expect);
	/* one object per distinct label: equal labels are the same pointer */
	KUNIT_EXPECT_PTR_EQ(test, label, expect);
	rp_label_put(expect);
	rp_label_put(label);
}

static void rp_label_stack_is_shared(struct kunit *test)
{
	struct rp_name_fixture *fx = test->priv;
	struct rp_profile *ab[] = { fx->p[P_FOO], fx->p[P_BAR] };
	struct rp_profile *ba[] = { fx->p[P_BAR], fx->p[P_FOO] };
	struct rp_label *one, *two, *found;

	/* lookup only: no task has this stack yet */
	KUNIT_EXPECT_NULL(test, rp_label_stack(ab, 2, 0));
	KUNIT_EXPECT_EQ(test, PTR_ERR(rp_label_parse(fx->ns[NS_ROOT],
						     "foo//&:ns1:bar", 0)),
			-ENOENT);
	one = rp_label_stack(ab, 2, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, one);
	two = rp_label_stack(ba, 2, GFP_KERNEL);
	KUNIT_EXPECT_PTR_EQ(test, one, two);
	found = rp_label_parse(fx->ns[NS_ROOT], "foo//&:ns1:bar", 0);
	KUNIT_EXPECT_PTR_EQ(test, found, one);
	KUNIT_EXPECT_EQ(test, kref_read(&one->ref), 3u);
	if (!IS_ERR(found))
		rp_label_put(found);
	rp_label_put(two);
	rp_label_put(one);
	/* the last put took it out of the set */
	KUNIT_EXPECT_NULL(test, rp_label_stack(ab, 2, 0));
}

static void rp_label_newest_follows_replacement(struct kunit *test)
{
	struct rp_name_fixture *fx = test->priv;
	struct rp_profile *ab[] = { fx->p[P_FOO], fx->p[P_BAR] };
	struct rp_profile *v2, *v3;
	struct rp_label *stack, *newest;

	stack = rp_label_stack(ab, 2, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, stack);
	KUNIT_EXPECT_FALSE(test, rp_label_is_stale(stack));
	newest = rp_label_newest(stack);
	KUNIT_EXPECT_PTR_EQ(test, newest, stack);
	rp_label_put(newest);

	/* bar is replaced twice: the stack follows to the last version */
	v2 = rp_profile_alloc(fx->ns[NS_1], "bar", RP_MODE_COMPLAIN,
			      GFP_KERNEL);
	v3 = rp_profile_alloc(fx->ns[NS_1], "bar", RP_MODE_KILL, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, v2);
	KUNIT_ASSERT_NOT_NULL(test, v3);
	mutex_lock(&fx->ns[NS_1]->lock);
	rp_profile_forward(fx->p[P_BAR], v2);
	rp_profile_forward(v2, v3);
	mutex_unlock(&fx->ns[NS_1]->lock);
	KUNIT_EXPECT_TRUE(test, rp_label_is_stale(stack));
	newest = rp_label_newest(stack);
	KUNIT_ASSERT_NOT_NULL(test, newest);
	KUNIT_EXPECT_EQ(test, newest->size, 2u);
	KUNIT_EXPECT_PTR_EQ(test, newest->vec[0], fx->p[P_FOO]);
	KUNIT_EXPECT_PTR_EQ(test, newest->vec[1], v3);
	rp_label_put(newest);

	/* foo is removed: it falls back to its namespace's unconfined */
	mutex_lock(&fx->ns[NS_ROOT]->lock);
	rp_profile_forward(fx->p[P_HAT], fx->ns[NS_ROOT]->unconfined);
	mutex_unlock(&fx->ns[NS_ROOT]->lock);
	newest = rp_label_newest(&fx->p[P_HAT]->label);
	KUNIT_EXPECT_PTR_EQ(test, newest, &fx->ns[NS_ROOT]->unconfined->label);
	rp_label_put(newest);

	rp_label_put(stack);
	rp_label_put(&v2->label);
	rp_label_put(&v3->label);
}

/* Repeats do not count against the size of a stack. */
static void rp_label_parse_drops_repeats(struct kunit *test)
{
	struct rp_name_fixture *fx = test->priv;
	struct rp_label *label;
	char *name;
	int i;

	name = kunit_kzalloc(test, 40 * 6, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, name);
	for (i = 0; i < 40; i++)
		strcat(name, i ? "//&foo" : "foo");
	label = rp_label_parse(fx->ns[NS_ROOT], name, GFP_KERNEL);
	KUNIT_EXPECT_PTR_EQ(test, label, &fx->p[P_FOO]->label);
	if (!IS_ERR(label))
		rp_label_put(label);
}

static struct kunit_case rp_name_test_cases[] = {
	KUNIT_CASE(rp_label_parse_drops_repeats),
	KUNIT_CASE_PARAM(rp_label_parse_resolves_names, rp_name_gen_params),
	KUNIT_CASE(rp_label_stack_is_shared),
	KUNIT_CASE(rp_label_newest_follows_replacement),
	{}
};

static struct kunit_suite rp_name_test_suite = {
	.name = "rampart-name",
	.init = rp_name_test_init,
	.exit = rp_name_test_exit,
	.test_cases = rp_name_test_cases,
};

kunit_test_suite(rp_name_test_suite);
