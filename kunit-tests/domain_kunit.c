// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit: attachment in domain.c and label merging in label.c. Executable
 * names are matched against profiles apparmor_parser 3.0.8 compiled
 * (mediation.md 3.3); unions and stacks across three namespace levels are
 * one shared object each and survive rendering and parsing back.
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/rculist.h>
#include "domain.h"
#include "policy.h"
#include "unpack.h"

#include "domain_vectors.h"

/* ---- attachment ---- */

/**
 * struct rp_attach_fixture - the candidates of one attachment case
 * @ns: the namespace the profiles belong to
 * @list: the candidates, newest first; the namespace's unconfined is one
 *        of them and must be skipped
 */
struct rp_attach_fixture {
	struct rp_ns *ns;
	struct list_head list;
};

static int rp_attach_test_init(struct kunit *test)
{
	struct rp_attach_fixture *fx;
	struct rp_unpack_error err;
	struct rp_unpacked *u, *tmp;
	struct rp_profile *p = NULL;
	LIST_HEAD(records);
	int ret;

	fx = kunit_kzalloc(test, sizeof(*fx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, fx);
	INIT_LIST_HEAD(&fx->list);
	fx->ns = rp_ns_create(NULL, "root");
	KUNIT_ASSERT_FALSE(test, IS_ERR(fx->ns));
	test->priv = fx;
	list_add_rcu(&fx->ns->unconfined->list, &fx->list);

	ret = rp_unpack(rp_attach_policy, sizeof(rp_attach_policy) - 1,
			&records, &err);
	KUNIT_ASSERT_EQ_MSG(test, ret, 0, "%s in %s at %zu", err.info,
			    err.name, err.offset);
	list_for_each_entry_safe(u, tmp, &records, list) {
		p = rp_profile_alloc(fx->ns, u->name, RP_MODE_ENFORCE,
				     GFP_KERNEL);
		if (!p)
			break;
		list_del(&u->list);
		p->rules = u;
		list_add_rcu(&p->list, &fx->list);
	}
	rp_unpacked_free_all(&records);
	KUNIT_ASSERT_NOT_NULL(test, p);
	return 0;
}

static void rp_attach_test_exit(struct kunit *test)
{
	struct rp_attach_fixture *fx = test->priv;
	struct rp_profile *p, *tmp;

	if (!fx || IS_ERR_OR_NULL(fx->ns))
		return;
	list_for_each_entry_safe(p, tmp, &fx->list, list) {
		list_del_rcu(&p->list);
		if (!rp_profile_is_ns_unconfined(p))
			rp_label_put(&p->label);
	}
	rp_ns_put(fx->ns);
}

/**
 * struct rp_attach_case - an executable name and where it attaches
 * @desc: what the case shows
 * @path: the executable's name
 * @want: the hname of the profile it attaches to, NULL for none
 */
struct rp_attach_case {
	const char *desc;
	const char *path;
	const char *want;
};

static const struct rp_attach_case rp_attach_cases[] = {
	{ "a longer literal prefix outranks a shorter one",
	  "/tmp/tx/bin/ls", "b" },
	{ "the only matching pattern attaches", "/tmp/ty/bin/ls", "a" },
	{ "a pattern that fails at its last glob drops out",
	  "/tmp/tx/bin/cat", "a" },
	{ "a single star does not cross a slash (middle)",
	  "/tmp/t/x/bin/ls", NULL },
	{ "a single star does not cross a slash (end)",
	  "/tmp/tx/bin/sub/ls", NULL },
	{ "an exact name beats a pattern seen before it",
	  "/usr/bin/foo", "/usr/bin/foo" },
	{ "a neighbour of an exact name goes to the pattern",
	  "/usr/bin/fox", "f" },
	{ "an exact name is not a prefix", "/usr/bin/foo/", NULL },
	{ "a double star crosses slashes", "/opt/a/b/c", "c" },
	{ "a double star needs at least one byte", "/opt/", NULL },
	{ "the directory itself is not below it", "/opt", NULL },
	{ "two patterns of equal rank conflict", "/srv/axy", NULL },
	{ "the first of a conflicting pair alone attaches", "/srv/ax", "d1" },
	{ "the second of a conflicting pair alone attaches", "/srv/ay", "d2" },
	{ "a better third candidate resolves the conflict", "/srv/xyz", "d3" },
	{ "an alternation ranks as literal text: a conflict",
	  "/tmp/aa/z", NULL },
	{ "an alternation's other branch attaches", "/tmp/bb/z", "h2" },
	{ "an attachment that differs from the name attaches",
	  "/usr/sbin/libvirtd", "libvirtd" },
	{ "a profile with an attachment is not found by its name",
	  "libvirtd", NULL },
	{ "the namespace's unconfined never attaches", "unconfined", NULL },
	{ "a name no profile covers", "/nothing/here", NULL },
	{ "the empty name", "", NULL },
};

KUNIT_ARRAY_PARAM_DESC(rp_attach, rp_attach_cases, desc);

static void rp_attach_ranks_candidates(struct kunit *test)
{
	const struct rp_attach_case *c = test->param_value;
	struct rp_attach_fixture *fx = test->priv;
	struct rp_profile *p;

	p = rp_attach(&fx->list, c->path);
	if (!c->want) {
		KUNIT_EXPECT_NULL_MSG(test, p, "attached to %s",
				      p ? p->hname : "");
		if (p)
			rp_label_put(&p->label);
		return;
	}
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_STREQ(test, p->hname, c->want);
	/* the fixture's reference and the one rp_attach() returned */
	KUNIT_EXPECT_EQ(test, kref_read(&p->label.ref), 2u);
	rp_label_put(&p->label);
}

static void rp_attach_ranks_by_the_parser_length_if_longer(struct kunit *test)
{
	struct rp_attach_fixture *fx = test->priv;
	struct rp_profile *p, *h2 = NULL;

	list_for_each_entry(p, &fx->list, list)
		if (!strcmp(p->hname, "h2"))
			h2 = p;
	KUNIT_ASSERT_NOT_NULL(test, h2);
	/*
	 * The parser never claims more than a walk finds; raise h2's claim
	 * above the 9 bytes h2 and h4 both walk for /tmp/aa/z.
	 */
	h2->rules->xmatch_len = 10;
	p = rp_attach(&fx->list, "/tmp/aa/z");
	KUNIT_EXPECT_PTR_EQ(test, p, h2);
	if (p)
		rp_label_put(&p->label);
}

static void rp_attach_of_an_empty_list_is_none(struct kunit *test)
{
	LIST_HEAD(empty);

	KUNIT_EXPECT_NULL(test, rp_attach(&empty, "/usr/bin/foo"));
}

/* ---- label merging ---- */

enum { NS_ROOT, NS_1, NS_2, NS_COUNT };

/* Profiles of the merge cases; U_* are namespace-unconfined. */
enum { P_ALPHA, P_BETA, P_GAMMA, P_DELTA, P_EPS, U_ROOT, U_1, U_2, P_COUNT };

static const struct {
	int ns;
	const char *hname;
	enum rp_mode mode;
} rp_merge_profiles[U_ROOT] = {
	[P_ALPHA] = { NS_ROOT, "alpha", RP_MODE_ENFORCE },
	[P_BETA] = { NS_ROOT, "/usr/bin/beta", RP_MODE_COMPLAIN },
	[P_GAMMA] = { NS_1, "gamma", RP_MODE_ENFORCE },
	[P_DELTA] = { NS_1, "delta", RP_MODE_KILL },
	[P_EPS] = { NS_2, "eps", RP_MODE_ENFORCE },
};

struct rp_merge_fixture {
	struct rp_ns *ns[NS_COUNT];
	struct rp_profile *p[P_COUNT];
};

static int rp_merge_test_init(struct kunit *test)
{
	struct rp_merge_fixture *fx;
	struct rp_profile *p;
	int i;

	fx = kunit_kzalloc(test, sizeof(*fx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, fx);
	test->priv = fx;
	fx->ns[NS_ROOT] = rp_ns_create(NULL, "root");
	KUNIT_ASSERT_FALSE(test, IS_ERR(fx->ns[NS_ROOT]));
	fx->ns[NS_1] = rp_ns_create(fx->ns[NS_ROOT], "ns1");
	KUNIT_ASSERT_FALSE(test, IS_ERR(fx->ns[NS_1]));
	fx->ns[NS_2] = rp_ns_create(fx->ns[NS_1], "ns2");
	KUNIT_ASSERT_FALSE(test, IS_ERR(fx->ns[NS_2]));
	for (i = 0; i < U_ROOT; i++) {
		p = rp_profile_alloc(fx->ns[rp_merge_profiles[i].ns],
				     rp_merge_profiles[i].hname,
				     rp_merge_profiles[i].mode, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, p);
		fx->p[i] = p;
		/* loaded, so that names resolve to it */
		mutex_lock(&p->ns->lock);
		list_add_rcu(&p->list, &p->ns->profiles);
		mutex_unlock(&p->ns->lock);
	}
	for (i = 0; i < NS_COUNT; i++)
		fx->p[U_ROOT + i] = fx->ns[i]->unconfined;
	return 0;
}

static void rp_merge_test_exit(struct kunit *test)
{
	struct rp_merge_fixture *fx = test->priv;
	struct rp_profile *p;
	int i;

	if (!fx)
		return;
	for (i = 0; i < U_ROOT; i++) {
		p = fx->p[i];
		if (!p)
			continue;
		mutex_lock(&p->ns->lock);
		list_del_rcu(&p->list);
		mutex_unlock(&p->ns->lock);
		rp_label_put(&p->label);
	}
	for (i = NS_COUNT - 1; i > NS_ROOT; i--)
		if (!IS_ERR_OR_NULL(fx->ns[i]))
			rp_ns_remove(fx->ns[i]);
	for (i = NS_COUNT - 1; i >= 0; i--)
		if (!IS_ERR_OR_NULL(fx->ns[i]))
			rp_ns_put(fx->ns[i]);
}

#define END (-1)

/**
 * struct rp_merge_case - two labels, their union, and how it reads
 * @desc: what the case shows
 * @a: the profiles of one label (P_* or U_*), END-terminated
 * @b: the profiles of the other
 * @want: the profiles of the union
 * @view: the namespace the union is rendered in and parsed back from
 * @text: the rendering, RP_RENDER_SUBNS without the mode
 */
struct rp_merge_case {
	const char *desc;
	int a[4], b[4], want[5];
	int view;
	const char *text;
};

static const struct rp_merge_case rp_merge_cases[] = {
	{ "a profile with itself is its own label",
	  { P_ALPHA, END }, { P_ALPHA, END }, { P_ALPHA, END },
	  NS_ROOT, "alpha" },
	{ "two profiles make a stack in name order",
	  { P_ALPHA, END }, { P_BETA, END }, { P_BETA, P_ALPHA, END },
	  NS_ROOT, "/usr/bin/beta//&alpha" },
	{ "a stack absorbs one of its own profiles",
	  { P_ALPHA, P_BETA, END }, { P_BETA, END }, { P_ALPHA, P_BETA, END },
	  NS_ROOT, "/usr/bin/beta//&alpha" },
	{ "a child namespace's profile follows the root's",
	  { P_GAMMA, END }, { P_ALPHA, END }, { P_ALPHA, P_GAMMA, END },
	  NS_ROOT, "alpha//&:ns1:gamma" },
	{ "a grandchild's profile is named by its namespace path",
	  { P_EPS, END }, { P_ALPHA, END }, { P_ALPHA, P_EPS, END },
	  NS_ROOT, "alpha//&:ns1//ns2:eps" },
	{ "seen from the child, the grandchild is one level down",
	  { P_EPS, END }, { P_GAMMA, END }, { P_GAMMA, P_EPS, END },
	  NS_1, "gamma//&:ns2:eps" },
	{ "three levels, one namespace prefix per run",
	  { P_GAMMA, P_ALPHA, END }, { P_EPS, P_DELTA, END },
	  { P_ALPHA, P_DELTA, P_GAMMA, P_EPS, END },
	  NS_ROOT, "alpha//&:ns1:delta//&gamma//&:ns1//ns2:eps" },
	{ "overlapping stacks keep each profile once",
	  { P_ALPHA, P_GAMMA, END }, { P_GAMMA, P_EPS, END },
	  { P_ALPHA, P_GAMMA, P_EPS, END },
	  NS_ROOT, "alpha//&:ns1:gamma//&:ns1//ns2:eps" },
	{ "the root's unconfined stacks like a profile",
	  { U_ROOT, END }, { P_ALPHA, END }, { P_ALPHA, U_ROOT, END },
	  NS_ROOT, "alpha//&unconfined" },
	{ "a child namespace's unconfined reads :ns1:unconfined",
	  { P_ALPHA, END }, { U_1, END }, { P_ALPHA, U_1, END },
	  NS_ROOT, "alpha//&:ns1:unconfined" },
	{ "unconfined of two levels, seen from the child",
	  { U_2, END }, { U_1, END }, { U_1, U_2, END },
	  NS_1, "unconfined//&:ns2:unconfined" },
};

KUNIT_ARRAY_PARAM_DESC(rp_merge, rp_merge_cases, desc);

static struct rp_label *rp_merge_stack(struct kunit *test, const int *parts)
{
	struct rp_merge_fixture *fx = test->priv;
	struct rp_profile *vec[5];
	struct rp_label *label;
	u32 n;

	for (n = 0; parts[n] != END; n++)
		vec[n] = fx->p[parts[n]];
	label = rp_label_stack(vec, n, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, label);
	return label;
}

static void rp_label_union_is_one_shared_stack(struct kunit *test)
{
	const struct rp_merge_case *c = test->param_value;
	struct rp_label *a, *b, *ab, *ba, *want, *again, *more;

	a = rp_merge_stack(test, c->a);
	b = rp_merge_stack(test, c->b);
	want = rp_merge_stack(test, c->want);
	ab = rp_label_union(a, b);
	ba = rp_label_union(b, a);
	KUNIT_EXPECT_PTR_EQ(test, ab, want);
	KUNIT_EXPECT_PTR_EQ(test, ba, want);
	if (ab) {
		again = rp_label_union(ab, ab);
		KUNIT_EXPECT_PTR_EQ(test, again, ab);
		rp_label_put(again);
		more = rp_label_union(ab, a);
		KUNIT_EXPECT_PTR_EQ(test, more, ab);
		rp_label_put(more);
	}
	rp_label_put(ba);
	rp_label_put(ab);
	rp_label_put(want);
	rp_label_put(b);
	rp_label_put(a);
}

static void rp_label_union_survives_render_and_parse(struct kunit *test)
{
	const struct rp_merge_case *c = test->param_value;
	struct rp_merge_fixture *fx = test->priv;
	struct rp_label *a, *b, *ab, *back;
	char buf[96];
	int len;

	a = rp_merge_stack(test, c->a);
	b = rp_merge_stack(test, c->b);
	ab = rp_label_union(a, b);
	rp_label_put(b);
	rp_label_put(a);
	KUNIT_ASSERT_NOT_NULL(test, ab);

	len = rp_label_render(ab, fx->ns[c->view], RP_RENDER_SUBNS, buf,
			      sizeof(buf));
	KUNIT_EXPECT_EQ(test, len, (int)strlen(c->text));
	KUNIT_EXPECT_STREQ(test, buf, c->text);
	/* the stack exists already: a lookup-only parse must find it */
	back = rp_label_parse(fx->ns[c->view], buf, 0);
	KUNIT_EXPECT_PTR_EQ(test, back, ab);
	if (!IS_ERR(back))
		rp_label_put(back);
	rp_label_put(ab);
}

static void rp_label_stack_of_a_union_is_the_union(struct kunit *test)
{
	struct rp_merge_fixture *fx = test->priv;
	struct rp_profile *all[] = {
		fx->p[P_EPS], fx->p[P_ALPHA], fx->p[U_1], fx->p[P_EPS],
		fx->p[P_ALPHA],
	};
	struct rp_label *stack, *step, *next;
	u32 i;

	stack = rp_label_stack(all, ARRAY_SIZE(all), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, stack);
	KUNIT_EXPECT_EQ(test, stack->size, 3u);
	/* the same set built up one profile at a time */
	step = rp_label_get(&all[0]->label);
	for (i = 1; i < ARRAY_SIZE(all) && step; i++) {
		next = rp_label_union(step, &all[i]->label);
		rp_label_put(step);
		step = next;
	}
	KUNIT_EXPECT_PTR_EQ(test, step, stack);
	rp_label_put(step);
	/* the steps left nothing behind: only our reference is held */
	KUNIT_EXPECT_EQ(test, kref_read(&stack->ref), 1u);
	rp_label_put(stack);
}

/**
 * struct rp_bad_name_case - a label name that must be refused
 * @desc: what is wrong with it
 * @base: the namespace it is read in
 * @name: the name
 * @err: the errno expected
 */
struct rp_bad_name_case {
	const char *desc;
	int base;
	const char *name;
	int err;
};

static const struct rp_bad_name_case rp_bad_name_cases[] = {
	{ "an empty first component", NS_ROOT, "//&alpha", -EINVAL },
	{ "an empty middle component", NS_ROOT, "alpha//&//&gamma", -EINVAL },
	{ "a blank last component", NS_ROOT, "alpha//&  ", -EINVAL },
	{ "a lone colon", NS_ROOT, ":", -EINVAL },
	{ "a blank namespace name", NS_ROOT, ": \t:alpha", -EINVAL },
	{ "a namespace name only a grandchild has", NS_ROOT, ":ns2:eps",
	  -ENOENT },
	{ "a bare name after a prefix is looked up in that namespace",
	  NS_ROOT, ":ns1:gamma//&alpha", -ENOENT },
	{ "a rendering with its mode suffix", NS_ROOT, "alpha (enforce)",
	  -ENOENT },
	{ "the rendering of nothing visible", NS_ROOT, "---", -ENOENT },
	{ "a namespace prefix written as an absolute path", NS_ROOT,
	  ":root//ns1:gamma", -ENOENT },
	{ "a profile of the root named through a child namespace", NS_ROOT,
	  ":ns1:alpha", -ENOENT },
	{ "a stack separator with one slash", NS_ROOT, "alpha/&gamma",
	  -ENOENT },
};

KUNIT_ARRAY_PARAM_DESC(rp_bad_name, rp_bad_name_cases, desc);

static void rp_label_parse_refuses_malformed_names(struct kunit *test)
{
	const struct rp_bad_name_case *c = test->param_value;
	struct rp_merge_fixture *fx = test->priv;
	struct rp_label *label;

	label = rp_label_parse(fx->ns[c->base], c->name, GFP_KERNEL);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(label), (long)c->err);
	if (!IS_ERR(label))
		rp_label_put(label);
}

/* "alpha//&alpha//&..." with @n components, from the test's allocator. */
static char *rp_repeated_name(struct kunit *test, int n)
{
	char *name = kunit_kzalloc(test, 8 * n, GFP_KERNEL);
	int i, len = 0;

	KUNIT_ASSERT_NOT_NULL(test, name);
	for (i = 0; i < n; i++)
		len += sprintf(name + len, "%salpha", i ? "//&" : "");
	return name;
}

static void rp_label_parse_refuses_too_many_components(struct kunit *test)
{
	struct rp_merge_fixture *fx = test->priv;
	struct rp_label *label;

	/* more components than one name may hold, even if all the same */
	label = rp_label_parse(fx->ns[NS_ROOT], rp_repeated_name(test, 65),
			       GFP_KERNEL);
	KUNIT_EXPECT_TRUE(test, IS_ERR(label));
	if (!IS_ERR(label))
		rp_label_put(label);
}

static struct kunit_case rp_attach_test_cases[] = {
	KUNIT_CASE_PARAM(rp_attach_ranks_candidates, rp_attach_gen_params),
	KUNIT_CASE(rp_attach_ranks_by_the_parser_length_if_longer),
	KUNIT_CASE(rp_attach_of_an_empty_list_is_none),
	{}
};

static struct kunit_suite rp_attach_test_suite = {
	.name = "rampart-attach",
	.init = rp_attach_test_init,
	.exit = rp_attach_test_exit,
	.test_cases = rp_attach_test_cases,
};

static struct kunit_case rp_merge_test_cases[] = {
	KUNIT_CASE_PARAM(rp_label_union_is_one_shared_stack,
			 rp_merge_gen_params),
	KUNIT_CASE_PARAM(rp_label_union_survives_render_and_parse,
			 rp_merge_gen_params),
	KUNIT_CASE(rp_label_stack_of_a_union_is_the_union),
	KUNIT_CASE_PARAM(rp_label_parse_refuses_malformed_names,
			 rp_bad_name_gen_params),
	KUNIT_CASE(rp_label_parse_refuses_too_many_components),
	{}
};

static struct kunit_suite rp_merge_test_suite = {
	.name = "rampart-merge",
	.init = rp_merge_test_init,
	.exit = rp_merge_test_exit,
	.test_cases = rp_merge_test_cases,
};

kunit_test_suites(&rp_attach_test_suite, &rp_merge_test_suite);
