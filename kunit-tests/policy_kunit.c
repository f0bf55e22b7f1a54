// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit: policy.c. Loading, replacing and removing profiles in a private
 * namespace tree: all-or-nothing sets, the revision counter, hats that
 * follow their parent's new version, namespaces made by ":ns:" names, and
 * every refusal leaving the tree as it was; a replace by the buffer a
 * profile came from leaving that profile in place.
 */
#include <kunit/resource.h>
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include "policy.h"
#include "rawdata.h"
#include "unpack.h"

/* A set of records to load: "name" or "name^" for a hat. */
static void rp_test_records(struct kunit *test, struct list_head *list,
			    const char *const *names, unsigned int n)
{
	unsigned int i;

	INIT_LIST_HEAD(list);
	for (i = 0; i < n; i++) {
		struct rp_unpacked *u = kzalloc(sizeof(*u), GFP_KERNEL);
		size_t len = strlen(names[i]);

		KUNIT_ASSERT_NOT_NULL(test, u);
		if (len && names[i][len - 1] == '^') {
			u->flags |= RP_UNPACKED_HAT;
			len--;
		}
		u->name = kstrndup(names[i], len, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, u->name);
		u->mode = RP_MODE_ENFORCE;
		list_add_tail(&u->list, list);
	}
}

/* The name the last refused load reported, read after its records died. */
static char rp_test_refused[128];

/* Load @names as if written in the buffer kept in @rd (NULL: none kept). */
static int rp_test_load_rd(struct kunit *test, struct rp_ns *ns,
			   const char *const *names, unsigned int n,
			   bool replace, struct rp_rawdata *rd)
{
	struct rp_policy_error err;
	LIST_HEAD(list);
	int ret;

	rp_test_records(test, &list, names, n);
	ret = rp_policy_load(ns, &list, replace, rd, &err);
	if (ret) {
		rp_unpacked_free_all(&list);
		strscpy(rp_test_refused, err.name, sizeof(rp_test_refused));
	} else {
		KUNIT_EXPECT_TRUE(test, list_empty(&list));
	}
	return ret;
}

static int rp_test_load(struct kunit *test, struct rp_ns *ns,
			const char *const *names, unsigned int n, bool replace)
{
	return rp_test_load_rd(test, ns, names, n, replace, NULL);
}

/* After the test's tree is gone: wait for @data's release work, let go. */
static void rp_test_rawdata_put(void *data)
{
	struct rp_rawdata *rd = data;

	flush_work(&rd->pack_work);
	flush_work(&rd->release_work);
	rp_rawdata_put(rd);
}

/*
 * A kept buffer of @bytes, as .replace makes it, with one user for the load
 * to consume and a reference the test keeps to look at it to the end.
 */
static struct rp_rawdata *rp_test_rawdata(struct kunit *test,
					  const char *bytes)
{
	struct rp_rawdata *rd;
	int ret;

	rd = rp_rawdata_new(bytes, strlen(bytes), 7, 3, true);
	KUNIT_ASSERT_NOT_NULL(test, rd);
	rp_rawdata_get(rd);
	ret = kunit_add_action_or_reset(test, rp_test_rawdata_put, rd);
	if (ret)
		rp_rawdata_unuse(rd);
	KUNIT_ASSERT_EQ(test, ret, 0);
	return rd;
}

/* The buffers entered in @ns and not yet released. */
static unsigned int rp_test_buffers(struct rp_ns *ns)
{
	struct rp_rawdata *rd;
	unsigned int n = 0;

	mutex_lock(&ns->lock);
	list_for_each_entry(rd, &ns->rawdata, list)
		n++;
	mutex_unlock(&ns->lock);
	return n;
}

static struct rp_profile *rp_test_find(struct rp_ns *ns, const char *hname)
{
	struct rp_profile *p;

	mutex_lock(&ns->lock);
	p = rp_profile_find(ns, hname);
	mutex_unlock(&ns->lock);
	return p;
}

static struct rp_ns *rp_test_child_ns(struct rp_ns *ns, const char *name)
{
	struct rp_ns *c, *found = NULL;

	mutex_lock(&ns->lock);
	list_for_each_entry(c, &ns->children, sibling)
		if (!strcmp(c->name, name))
			found = c;
	mutex_unlock(&ns->lock);
	return found;
}

static int rp_policy_test_init(struct kunit *test)
{
	struct rp_ns *root = rp_ns_create(NULL, "root");

	KUNIT_ASSERT_FALSE(test, IS_ERR(root));
	test->priv = root;
	return 0;
}

static void rp_policy_test_exit(struct kunit *test)
{
	struct rp_ns *root = test->priv;
	struct rp_policy_error err;
	struct rp_profile *p;
	struct rp_ns *c;

	/* empty the tree so every reference cycle is broken */
	for (;;) {
		mutex_lock(&root->lock);
		c = list_first_entry_or_null(&root->children, struct rp_ns, sibling);
		p = list_first_entry_or_null(&root->profiles, struct rp_profile, list);
		mutex_unlock(&root->lock);
		if (c) {
			char *n = kasprintf(GFP_KERNEL, ":%s:", c->name);

			rp_policy_remove(root, n, &err);
			kfree(n);
		} else if (p) {
			rp_policy_remove(root, p->hname, &err);
		} else {
			break;
		}
	}
	rp_ns_put(root);
}

static void rp_load_installs_a_set_and_counts_one_revision(struct kunit *test)
{
	static const char *const set[] = { "a", "b", "/usr/bin/c" };
	struct rp_ns *root = test->priv;

	KUNIT_ASSERT_EQ(test, rp_test_load(test, root, set, 3, false), 0);
	KUNIT_EXPECT_NOT_NULL(test, rp_test_find(root, "a"));
	KUNIT_EXPECT_NOT_NULL(test, rp_test_find(root, "b"));
	KUNIT_EXPECT_NOT_NULL(test, rp_test_find(root, "/usr/bin/c"));
	KUNIT_EXPECT_EQ(test, root->revision, 1L);
}

static void rp_load_of_an_existing_profile_fails_and_changes_nothing(struct kunit *test)
{
	static const char *const first[] = { "a" };
	static const char *const second[] = { "z", "a" };
	struct rp_ns *root = test->priv;
	struct rp_profile *a;

	KUNIT_ASSERT_EQ(test, rp_test_load(test, root, first, 1, false), 0);
	a = rp_test_find(root, "a");
	KUNIT_EXPECT_EQ(test, rp_test_load(test, root, second, 2, false), -EEXIST);
	KUNIT_EXPECT_STREQ(test, rp_test_refused, "a");
	KUNIT_EXPECT_PTR_EQ(test, rp_test_find(root, "a"), a);
	KUNIT_EXPECT_NULL(test, rp_test_find(root, "z"));
	KUNIT_EXPECT_EQ(test, root->revision, 1L);
}

static void rp_replace_swaps_in_a_new_version(struct kunit *test)
{
	static const char *const set[] = { "a" };
	struct rp_ns *root = test->priv;
	struct rp_profile *old, *new;

	KUNIT_ASSERT_EQ(test, rp_test_load(test, root, set, 1, false), 0);
	old = rp_test_find(root, "a");
	rp_label_get(&old->label);
	KUNIT_ASSERT_EQ(test, rp_test_load(test, root, set, 1, true), 0);
	new = rp_test_find(root, "a");
	KUNIT_EXPECT_PTR_NE(test, new, old);
	KUNIT_EXPECT_TRUE(test, old->flags & RP_PROFILE_STALE);
	KUNIT_EXPECT_FALSE(test, new->flags & RP_PROFILE_STALE);
	KUNIT_EXPECT_EQ(test, root->revision, 2L);
	rp_label_put(&old->label);
}

static void rp_hats_follow_the_new_version_of_their_parent(struct kunit *test)
{
	static const char *const set[] = { "p", "p//hat^", "p//kid" };
	static const char *const again[] = { "p", "p//kid" };
	struct rp_ns *root = test->priv;
	struct rp_profile *p, *hat;

	KUNIT_ASSERT_EQ(test, rp_test_load(test, root, set, 3, false), 0);
	hat = rp_test_find(root, "p//hat");
	KUNIT_ASSERT_NOT_NULL(test, hat);
	KUNIT_EXPECT_TRUE(test, hat->flags & RP_PROFILE_HAT);
	KUNIT_EXPECT_STREQ(test, hat->base, "hat");

	KUNIT_ASSERT_EQ(test, rp_test_load(test, root, again, 2, true), 0);
	p = rp_test_find(root, "p");
	/* the hat was not redefined: it stays, under the new parent */
	KUNIT_EXPECT_PTR_EQ(test, rp_test_find(root, "p//hat"), hat);
	KUNIT_EXPECT_PTR_EQ(test, hat->parent, p);
	KUNIT_EXPECT_PTR_EQ(test, rp_test_find(root, "p//kid")->parent, p);
}

static void rp_child_without_parent_fails_the_whole_set(struct kunit *test)
{
	static const char *const set[] = { "x", "nope//child" };
	struct rp_ns *root = test->priv;

	KUNIT_EXPECT_EQ(test, rp_test_load(test, root, set, 2, false), -ENOENT);
	KUNIT_EXPECT_STREQ(test, rp_test_refused, "nope//child");
	KUNIT_EXPECT_NULL(test, rp_test_find(root, "x"));
	KUNIT_EXPECT_EQ(test, root->revision, 0L);
}

static void rp_namespace_names_make_the_namespace(struct kunit *test)
{
	static const char *const set[] = { ":ns1:x", ":ns1://y" };
	struct rp_ns *root = test->priv, *ns1;

	KUNIT_ASSERT_EQ(test, rp_test_load(test, root, set, 2, false), 0);
	ns1 = rp_test_child_ns(root, "ns1");
	KUNIT_ASSERT_NOT_NULL(test, ns1);
	KUNIT_EXPECT_NOT_NULL(test, rp_test_find(ns1, "x"));
	KUNIT_EXPECT_NOT_NULL(test, rp_test_find(ns1, "y"));
	KUNIT_EXPECT_PTR_EQ(test, rp_test_find(ns1, "x")->ns, ns1);
	KUNIT_EXPECT_NULL(test, rp_test_find(root, "x"));
	KUNIT_EXPECT_EQ(test, ns1->revision, 1L);
}

static void rp_mixed_namespaces_are_refused(struct kunit *test)
{
	static const char *const set[] = { ":a:x", ":b:y" };
	static const char *const plain_first[] = { "x", ":a:y" };
	struct rp_ns *root = test->priv;

	KUNIT_EXPECT_EQ(test, rp_test_load(test, root, set, 2, false), -EACCES);
	KUNIT_EXPECT_EQ(test, rp_test_load(test, root, plain_first, 2, false),
			-EACCES);
	KUNIT_EXPECT_NULL(test, rp_test_child_ns(root, "a"));
	KUNIT_EXPECT_NULL(test, rp_test_child_ns(root, "b"));
}

static void rp_remove_takes_profiles_hats_and_namespaces(struct kunit *test)
{
	static const char *const set[] = { "p", "p//hat^", "q" };
	static const char *const in_ns[] = { ":ns1:x" };
	struct rp_ns *root = test->priv;
	struct rp_policy_error err;

	KUNIT_ASSERT_EQ(test, rp_test_load(test, root, set, 3, false), 0);
	KUNIT_ASSERT_EQ(test, rp_test_load(test, root, in_ns, 1, false), 0);
	KUNIT_EXPECT_EQ(test, rp_policy_remove(root, "p", &err), 0);
	KUNIT_EXPECT_NULL(test, rp_test_find(root, "p"));
	KUNIT_EXPECT_NULL(test, rp_test_find(root, "p//hat"));
	KUNIT_EXPECT_NOT_NULL(test, rp_test_find(root, "q"));
	KUNIT_EXPECT_EQ(test, root->revision, 2L);

	KUNIT_EXPECT_EQ(test, rp_policy_remove(root, "p", &err), -ENOENT);
	KUNIT_EXPECT_EQ(test, rp_policy_remove(root, "q\n", &err), -ENOENT);
	KUNIT_EXPECT_EQ(test, rp_policy_remove(root, "", &err), -ENOENT);
	KUNIT_EXPECT_EQ(test, rp_policy_remove(root, ":nosuch:foo", &err),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, rp_policy_remove(root, ":ns1:", &err), 0);
	KUNIT_EXPECT_NULL(test, rp_test_child_ns(root, "ns1"));
	KUNIT_EXPECT_EQ(test, root->revision, 2L);
}

static void rp_empty_profile_name_is_refused(struct kunit *test)
{
	static const char *const set[] = { ":ns:" };
	struct rp_ns *root = test->priv;

	KUNIT_EXPECT_EQ(test, rp_test_load(test, root, set, 1, false), -EPROTO);
	KUNIT_EXPECT_NULL(test, rp_test_child_ns(root, "ns"));
}

static void rp_replace_by_the_same_buffer_keeps_the_profiles(struct kunit *test)
{
	static const char *const set[] = { "a", "a//hat^", "b" };
	struct rp_ns *root = test->priv;
	struct rp_rawdata *first, *again;
	struct rp_profile *a, *hat;

	first = rp_test_rawdata(test, "policy one");
	KUNIT_ASSERT_EQ(test, rp_test_load_rd(test, root, set, 3, false, first),
			0);
	a = rp_test_find(root, "a");
	hat = rp_test_find(root, "a//hat");
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, hat);
	KUNIT_EXPECT_PTR_EQ(test, a->rawdata, first);
	KUNIT_EXPECT_PTR_EQ(test, hat->rawdata, first);
	KUNIT_EXPECT_PTR_EQ(test, first->ns, root);
	KUNIT_EXPECT_EQ(test, first->name, 0L);
	KUNIT_EXPECT_EQ(test, first->revision, 1L);
	/* one use per profile; the load's own use is gone */
	KUNIT_EXPECT_EQ(test, refcount_read(&first->users), 3u);

	again = rp_test_rawdata(test, "policy one");
	KUNIT_ASSERT_EQ(test, rp_test_load_rd(test, root, set, 3, true, again),
			0);
	KUNIT_EXPECT_PTR_EQ(test, rp_test_find(root, "a"), a);
	KUNIT_EXPECT_PTR_EQ(test, rp_test_find(root, "a//hat"), hat);
	KUNIT_EXPECT_PTR_EQ(test, hat->parent, a);
	KUNIT_EXPECT_PTR_EQ(test, a->rawdata, first);
	KUNIT_EXPECT_FALSE(test, a->flags & RP_PROFILE_STALE);
	KUNIT_EXPECT_EQ(test, root->revision, 2L);
	KUNIT_EXPECT_EQ(test, first->revision, 2L);
	KUNIT_EXPECT_EQ(test, refcount_read(&first->users), 3u);

	/* the second copy was never entered: its only use was the load's */
	flush_work(&again->pack_work);
	flush_work(&again->release_work);
	KUNIT_EXPECT_NULL(test, again->ns);
	KUNIT_EXPECT_EQ(test, refcount_read(&again->users), 0u);
	KUNIT_EXPECT_EQ(test, kref_read(&again->ref), 1u);
	KUNIT_EXPECT_EQ(test, rp_test_buffers(root), 1u);
}

static void rp_replace_by_other_bytes_makes_new_versions(struct kunit *test)
{
	static const char *const set[] = { "a", "b" };
	struct rp_ns *root = test->priv;
	struct rp_rawdata *first, *other;
	struct rp_profile *old, *new;

	first = rp_test_rawdata(test, "policy one");
	KUNIT_ASSERT_EQ(test, rp_test_load_rd(test, root, set, 2, false, first),
			0);
	old = rp_test_find(root, "a");
	KUNIT_ASSERT_NOT_NULL(test, old);
	rp_label_get(&old->label);

	other = rp_test_rawdata(test, "policy two");
	KUNIT_ASSERT_EQ(test, rp_test_load_rd(test, root, set, 2, true, other),
			0);
	new = rp_test_find(root, "a");
	KUNIT_EXPECT_PTR_NE(test, new, old);
	KUNIT_EXPECT_PTR_EQ(test, new->rawdata, other);
	KUNIT_EXPECT_PTR_EQ(test, rp_test_find(root, "b")->rawdata, other);
	KUNIT_EXPECT_TRUE(test, old->flags & RP_PROFILE_STALE);
	KUNIT_EXPECT_EQ(test, root->revision, 2L);
	KUNIT_EXPECT_EQ(test, other->name, 1L);
	KUNIT_EXPECT_EQ(test, other->revision, 2L);
	KUNIT_EXPECT_EQ(test, refcount_read(&other->users), 2u);
	/* the old version of "a" is the first buffer's last user */
	KUNIT_EXPECT_EQ(test, refcount_read(&first->users), 1u);

	rp_label_put(&old->label);
	/* the pack work item holds a reference until it has run */
	flush_work(&first->pack_work);
	flush_work(&first->release_work);
	KUNIT_EXPECT_EQ(test, refcount_read(&first->users), 0u);
	KUNIT_EXPECT_EQ(test, kref_read(&first->ref), 1u);
	KUNIT_EXPECT_EQ(test, rp_test_buffers(root), 1u);
}

static void rp_same_buffer_skips_only_profiles_still_from_it(struct kunit *test)
{
	static const char *const both[] = { "a", "b" };
	static const char *const only_b[] = { "b" };
	struct rp_ns *root = test->priv;
	struct rp_rawdata *x, *y, *x_again;
	struct rp_profile *a, *b;

	x = rp_test_rawdata(test, "policy x");
	KUNIT_ASSERT_EQ(test, rp_test_load_rd(test, root, both, 2, false, x), 0);
	a = rp_test_find(root, "a");
	y = rp_test_rawdata(test, "policy y");
	KUNIT_ASSERT_EQ(test, rp_test_load_rd(test, root, only_b, 1, true, y),
			0);
	b = rp_test_find(root, "b");
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_PTR_EQ(test, b->rawdata, y);
	KUNIT_EXPECT_EQ(test, rp_test_buffers(root), 2u);

	/* "a" still comes from x, "b" no longer does */
	x_again = rp_test_rawdata(test, "policy x");
	KUNIT_ASSERT_EQ(test, rp_test_load_rd(test, root, both, 2, true,
					      x_again), 0);
	KUNIT_EXPECT_PTR_EQ(test, rp_test_find(root, "a"), a);
	KUNIT_EXPECT_PTR_NE(test, rp_test_find(root, "b"), b);
	KUNIT_EXPECT_PTR_EQ(test, rp_test_find(root, "b")->rawdata, x);
	KUNIT_EXPECT_EQ(test, refcount_read(&x->users), 2u);
	KUNIT_EXPECT_EQ(test, root->revision, 3L);
	KUNIT_EXPECT_EQ(test, x->revision, 3L);

	flush_work(&y->pack_work);
	flush_work(&y->release_work);
	flush_work(&x_again->pack_work);
	flush_work(&x_again->release_work);
	KUNIT_EXPECT_EQ(test, refcount_read(&y->users), 0u);
	KUNIT_EXPECT_EQ(test, kref_read(&x_again->ref), 1u);
	KUNIT_EXPECT_EQ(test, rp_test_buffers(root), 1u);
}

static void rp_refused_load_consumes_its_buffer(struct kunit *test)
{
	static const char *const set[] = { "a" };
	static const char *const unnamed[] = { ":ns:" };
	struct rp_ns *root = test->priv;
	struct rp_rawdata *x, *y, *x_again, *z;

	x = rp_test_rawdata(test, "policy x");
	KUNIT_ASSERT_EQ(test, rp_test_load_rd(test, root, set, 1, false, x), 0);

	/* a new buffer: entered, then taken out again */
	y = rp_test_rawdata(test, "policy y");
	KUNIT_EXPECT_EQ(test, rp_test_load_rd(test, root, set, 1, false, y),
			-EEXIST);
	/* a buffer already loaded: its use goes back */
	x_again = rp_test_rawdata(test, "policy x");
	KUNIT_EXPECT_EQ(test, rp_test_load_rd(test, root, set, 1, false,
					      x_again), -EEXIST);
	/* refused before the namespace is even looked at */
	z = rp_test_rawdata(test, "policy z");
	KUNIT_EXPECT_EQ(test, rp_test_load_rd(test, root, unnamed, 1, false, z),
			-EPROTO);

	flush_work(&y->pack_work);
	flush_work(&y->release_work);
	flush_work(&x_again->pack_work);
	flush_work(&x_again->release_work);
	flush_work(&z->pack_work);
	flush_work(&z->release_work);
	KUNIT_EXPECT_NULL(test, y->ns);
	KUNIT_EXPECT_EQ(test, kref_read(&y->ref), 1u);
	KUNIT_EXPECT_EQ(test, kref_read(&x_again->ref), 1u);
	KUNIT_EXPECT_NULL(test, z->ns);
	KUNIT_EXPECT_EQ(test, kref_read(&z->ref), 1u);
	KUNIT_EXPECT_EQ(test, refcount_read(&x->users), 1u);
	KUNIT_EXPECT_PTR_EQ(test, rp_test_find(root, "a")->rawdata, x);
	KUNIT_EXPECT_EQ(test, rp_test_buffers(root), 1u);
	KUNIT_EXPECT_EQ(test, root->revision, 1L);
}

static struct kunit_case rp_policy_cases[] = {
	KUNIT_CASE(rp_load_installs_a_set_and_counts_one_revision),
	KUNIT_CASE(rp_load_of_an_existing_profile_fails_and_changes_nothing),
	KUNIT_CASE(rp_replace_swaps_in_a_new_version),
	KUNIT_CASE(rp_hats_follow_the_new_version_of_their_parent),
	KUNIT_CASE(rp_child_without_parent_fails_the_whole_set),
	KUNIT_CASE(rp_namespace_names_make_the_namespace),
	KUNIT_CASE(rp_mixed_namespaces_are_refused),
	KUNIT_CASE(rp_remove_takes_profiles_hats_and_namespaces),
	KUNIT_CASE(rp_empty_profile_name_is_refused),
	KUNIT_CASE(rp_replace_by_the_same_buffer_keeps_the_profiles),
	KUNIT_CASE(rp_replace_by_other_bytes_makes_new_versions),
	KUNIT_CASE(rp_same_buffer_skips_only_profiles_still_from_it),
	KUNIT_CASE(rp_refused_load_consumes_its_buffer),
	{}
};

static struct kunit_suite rp_policy_suite = {
	.name = "rampart-policy",
	.init = rp_policy_test_init,
	.exit = rp_policy_test_exit,
	.test_cases = rp_policy_cases,
};

kunit_test_suite(rp_policy_suite);
