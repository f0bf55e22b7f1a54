// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: policy namespaces. Creates the root namespace at boot and child
 * namespaces on request, each with its own unconfined profile and revision.
 *
 * Locking: a namespace's ->children list and ->revision change under the
 * namespace's own ->lock, and no path holds two namespace locks at once
 * (so nesting depth never meets lockdep's subclass limit). ->children is
 * walked under RCU by readers that do not take the lock.
 */
#include <linux/err.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "policy.h"
#include "policyfs.h"

struct rp_ns *rp_root_ns __ro_after_init;

static struct rp_ns *rp_ns_alloc(struct rp_ns *parent, const char *name)
{
	struct rp_profile *unconfined;
	struct rp_ns *ns;

	ns = kzalloc(sizeof(*ns), GFP_KERNEL);
	if (!ns)
		return NULL;
	mutex_init(&ns->lock);
	init_waitqueue_head(&ns->revision_wq);
	INIT_LIST_HEAD(&ns->profiles);
	INIT_LIST_HEAD(&ns->children);
	INIT_LIST_HEAD(&ns->sibling);
	INIT_LIST_HEAD(&ns->rawdata);
	ns->name = kstrdup(name, GFP_KERNEL);
	if (parent) {
		ns->level = parent->level + 1;
		ns->hname = kasprintf(GFP_KERNEL, "%s//%s", parent->hname, name);
	} else {
		ns->hname = kstrdup(name, GFP_KERNEL);
	}
	if (!ns->name || !ns->hname)
		goto fail;

	/*
	 * The unconfined profile's one reference is the caller's reference
	 * to the namespace; it points at the namespace without holding it.
	 */
	unconfined = rp_profile_alloc(NULL, "unconfined", RP_MODE_UNCONFINED,
				      GFP_KERNEL);
	if (!unconfined)
		goto fail;
	unconfined->flags |= RP_PROFILE_NS_UNCONFINED;
	unconfined->ns = ns;
	ns->unconfined = unconfined;
	ns->parent = rp_ns_get(parent);
	return ns;

fail:
	kfree(ns->hname);
	kfree(ns->name);
	kfree(ns);
	return NULL;
}

/**
 * rp_ns_free() - free a namespace whose unconfined profile is going
 * @ns: the namespace; called from the release of that profile, possibly
 *      in an RCU callback
 */
void rp_ns_free(struct rp_ns *ns)
{
	rp_ns_put(ns->parent);
	kfree(ns->hname);
	kfree(ns->name);
	kfree_rcu(ns, rcu);
}

/**
 * rp_ns_within() - is @ns the namespace @top or one of its descendants?
 * @ns: the namespace to test
 * @top: the candidate ancestor
 */
bool rp_ns_within(const struct rp_ns *ns, const struct rp_ns *top)
{
	for (; ns; ns = ns->parent)
		if (ns == top)
			return true;
	return false;
}

static struct rp_ns *rp_ns_find_child(struct rp_ns *parent, const char *name)
{
	struct rp_ns *child;

	lockdep_assert_held(&parent->lock);
	list_for_each_entry(child, &parent->children, sibling)
		if (strcmp(child->name, name) == 0)
			return child;
	return NULL;
}

/**
 * rp_ns_create() - make a new namespace
 * @parent: where it goes; NULL makes a root of a tree of its own (the
 *          system's root namespace, or a test's)
 * @name: its name; any non-empty string without "//"
 *
 * Return: the namespace with a reference for the caller, or ERR_PTR of
 * -EINVAL (bad name), -ENOSPC (too deep), -EEXIST or -ENOMEM.
 */
struct rp_ns *rp_ns_create(struct rp_ns *parent, const char *name)
{
	struct rp_ns *ns;
	int err;

	if (!*name || strstr(name, "//"))
		return ERR_PTR(-EINVAL);
	if (parent && parent->level > RP_NS_MAX_LEVEL)
		return ERR_PTR(-ENOSPC);

	ns = rp_ns_alloc(parent, name);
	if (!ns)
		return ERR_PTR(-ENOMEM);
	if (!parent)
		return ns;

	mutex_lock(&parent->lock);
	err = parent->dead ? -ENOENT :
	      rp_ns_find_child(parent, name) ? -EEXIST : rp_fs_ns_mkdir(ns);
	if (err) {
		mutex_unlock(&parent->lock);
		rp_ns_put(ns);
		return ERR_PTR(err);
	}
	/* The parent's list holds a reference of its own. */
	list_add_rcu(&rp_ns_get(ns)->sibling, &parent->children);
	mutex_unlock(&parent->lock);
	return ns;
}

/**
 * rp_ns_child() - a child namespace by name
 * @parent: where to look
 * @name: the child's own name
 *
 * Return: the child with a reference for the caller, or NULL.
 */
struct rp_ns *rp_ns_child(struct rp_ns *parent, const char *name)
{
	struct rp_ns *child;

	mutex_lock(&parent->lock);
	child = rp_ns_get(rp_ns_find_child(parent, name));
	mutex_unlock(&parent->lock);
	return child;
}

/**
 * rp_ns_find_path() - a namespace below @base by its relative name
 * @base: where the name starts
 * @path: "name" or "name//child//..." (empty components are skipped)
 *
 * Return: the namespace with a reference, or ERR_PTR(-ENOENT) (no such
 * namespace, or one being removed) or ERR_PTR(-ENOMEM).
 */
struct rp_ns *rp_ns_find_path(struct rp_ns *base, const char *path)
{
	struct rp_ns *cur = rp_ns_get(base), *child;
	const char *part = path, *sep;
	char *name;

	while (*part) {
		sep = strchr(part, '/');
		if (sep == part) {
			part++;
			continue;
		}
		name = kstrndup(part, sep ? sep - part : strlen(part),
				GFP_KERNEL);
		if (!name) {
			rp_ns_put(cur);
			return ERR_PTR(-ENOMEM);
		}
		mutex_lock(&cur->lock);
		child = cur->dead ? NULL : rp_ns_get(rp_ns_find_child(cur, name));
		mutex_unlock(&cur->lock);
		kfree(name);
		rp_ns_put(cur);
		if (!child)
			return ERR_PTR(-ENOENT);
		cur = child;
		part = sep ? sep : part + strlen(part);
	}
	return cur;
}

/**
 * rp_ns_remove() - unlink a child namespace from its parent
 * @ns: a namespace that is not the root, with no profile or buffer left
 *      that has a directory (their directories are in the namespace's)
 *
 * Removes its directory and drops the parent's reference; the namespace
 * goes away when the last other reference does.
 */
void rp_ns_remove(struct rp_ns *ns)
{
	struct rp_ns *parent = ns->parent;

	if (WARN_ON(!parent))
		return;
	mutex_lock(&parent->lock);
	list_del_rcu(&ns->sibling);
	mutex_unlock(&parent->lock);
	mutex_lock(&ns->lock);
	ns->dead = true;
	rp_fs_ns_rmdir(ns);
	/* its tasks fall back to the parent's unconfined */
	rp_profile_forward(ns->unconfined, parent->unconfined);
	mutex_unlock(&ns->lock);
	rp_ns_put(ns);
}

/**
 * rp_ns_bump_revision() - record a policy change in @ns and wake readers
 * @ns: the namespace that changed; its lock is held
 */
void rp_ns_bump_revision(struct rp_ns *ns)
{
	lockdep_assert_held(&ns->lock);
	WRITE_ONCE(ns->revision, ns->revision + 1);
	wake_up_interruptible(&ns->revision_wq);
}

int __init rp_ns_init(void)
{
	struct rp_ns *root = rp_ns_create(NULL, "root");

	if (IS_ERR(root))
		return PTR_ERR(root);
	rp_root_ns = root;
	return 0;
}
