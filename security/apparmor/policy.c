// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: installing unpacked profiles into a namespace, atomically, and
 * removing them.
 *
 * Locking and references: a namespace's profile tree (->profiles and each
 * profile's ->children) changes only under that namespace's ->lock and is
 * read under RCU. A list holds a reference on each profile in it; a child
 * holds one on its parent. Removing or replacing a profile unlinks it (and
 * a removed profile's subtree) under the lock and drops the list
 * references after; tasks still holding the old labels keep them alive.
 * A load allocates and resolves everything before it takes the lock, so
 * once the lock is held nothing can fail half way.
 */
#include <linux/err.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "policy.h"
#include "unpack.h"

/* A name's ":ns:" (or ":ns://") prefix: namespace and what follows. */
static const char *rp_split_ns(const char *name, char **ns)
{
	const char *end;

	*ns = NULL;
	while (*name == ' ' || *name == '\t')
		name++;
	if (*name != ':')
		return name;
	end = strchr(name + 1, ':');
	if (!end) {
		*ns = kstrdup(name + 1, GFP_KERNEL);
		return name + strlen(name);
	}
	*ns = kstrndup(name + 1, end - name - 1, GFP_KERNEL);
	name = end + 1;
	if (name[0] == '/' && name[1] == '/')
		name += 2;
	return name;
}

/* The profile named @hname among @list and its descendants; under lock. */
static struct rp_profile *rp_find_in(struct list_head *list, const char *hname)
{
	const char *sep = strstr(hname, "//");
	size_t n = sep ? sep - hname : strlen(hname);
	struct rp_profile *p;

	list_for_each_entry(p, list, list) {
		if (strlen(p->base) != n || memcmp(p->base, hname, n))
			continue;
		return sep ? rp_find_in(&p->children, sep + 2) : p;
	}
	return NULL;
}

/**
 * rp_profile_find() - a loaded profile by hierarchical name
 * @ns: the namespace; its lock is held
 * @hname: "name" or "parent//child..."
 *
 * Return: the profile (no reference taken), or NULL.
 */
struct rp_profile *rp_profile_find(struct rp_ns *ns, const char *hname)
{
	lockdep_assert_held(&ns->lock);
	return rp_find_in(&ns->profiles, hname);
}

/* The namespace @path ("a" or "a//b") below @ns, made if @create. */
static struct rp_ns *rp_ns_lookup(struct rp_ns *ns, const char *path,
				  bool create)
{
	struct rp_ns *cur = rp_ns_get(ns), *child;
	char *copy = kstrdup(path, GFP_KERNEL), *s = copy, *part;

	if (!copy) {
		rp_ns_put(cur);
		return ERR_PTR(-ENOMEM);
	}
	while ((part = strsep(&s, "/"))) {
		if (!*part)
			continue;
		mutex_lock(&cur->lock);
		list_for_each_entry(child, &cur->children, sibling)
			if (!strcmp(child->name, part))
				break;
		child = &child->sibling == &cur->children ? NULL :
			rp_ns_get(child);
		mutex_unlock(&cur->lock);
		if (!child && create)
			child = rp_ns_create(cur, part);
		rp_ns_put(cur);
		if (IS_ERR_OR_NULL(child)) {
			kfree(copy);
			return child ?: ERR_PTR(-ENOENT);
		}
		cur = child;
	}
	kfree(copy);
	return cur;
}

/* One record of a load, resolved. */
struct rp_load_item {
	struct rp_profile *new;
	struct rp_profile *old;		/* the version it replaces, or NULL */
	struct rp_profile *parent;	/* existing or earlier in the set */
	unsigned int moved;		/* children taken over from old */
};

/*
 * The namespace every record of a load goes into: the header or ":ns:"
 * prefix, which all records naming one must agree on (policy-format.md 3).
 */
static int rp_load_ns_name(struct list_head *unpacked, char **out,
			   struct rp_policy_error *err)
{
	struct rp_unpacked *u;
	bool plain_first = false;
	char *ns = NULL, *n;

	list_for_each_entry(u, unpacked, list) {
		if (u->ns_name)
			n = kstrdup(u->ns_name, GFP_KERNEL);
		else
			rp_split_ns(u->name, &n);
		if (!n && *skip_spaces(u->name) != ':') {
			if (!ns)
				plain_first = true;
			continue;
		}
		if (!n)
			goto nomem;
		if (!ns && !plain_first) {
			ns = n;
			continue;
		}
		if (!ns || strcmp(ns, n)) {
			kfree(n);
			kfree(ns);
			err->info = "policy load has mixed namespaces";
			strscpy(err->name, u->name, sizeof(err->name));
			return -EACCES;
		}
		kfree(n);
	}
	*out = ns;
	return 0;
nomem:
	kfree(ns);
	return -ENOMEM;
}

static void rp_load_items_free(struct rp_load_item *items, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (items[i].new)
			rp_label_put(&items[i].new->label);
	kfree(items);
}

/* Drop the references the tree held on @p and on everything below it. */
static void rp_subtree_put(struct rp_profile *p)
{
	struct rp_profile *c, *tmp;

	list_for_each_entry_safe(c, tmp, &p->children, list) {
		c->flags |= RP_PROFILE_STALE;
		list_del_rcu(&c->list);
		rp_subtree_put(c);
	}
	rp_label_put(&p->label);
}

/**
 * rp_policy_load() - install unpacked profiles, all or none
 * @ns: the namespace the load targets (a ":ns:" name or header selects a
 *      child of it, made if missing)
 * @unpacked: records from rp_unpack(); they move into the new profiles,
 *            the list is empty on success and left to the caller on error
 * @replace: replace profiles that exist (.replace) rather than fail (.load)
 * @err: the reason on failure
 *
 * Return: 0, -EEXIST (a profile exists and @replace is false), -ENOENT (a
 * child whose parent is neither loaded nor earlier in the set), -EACCES
 * (mixed namespaces), -ENOSPC (namespace too deep) or -ENOMEM.
 */
int rp_policy_load(struct rp_ns *ns, struct list_head *unpacked, bool replace,
		   struct rp_policy_error *err)
{
	struct rp_load_item *items;
	struct rp_unpacked *u, *tmp;
	struct rp_ns *target;
	unsigned int n = 0, i, k;
	char *ns_name = NULL;
	bool made_ns = false;
	int ret;

	memset(err, 0, sizeof(*err));
	list_for_each_entry(u, unpacked, list)
		n++;
	if (!n)
		return 0;
	ret = rp_load_ns_name(unpacked, &ns_name, err);
	if (ret)
		return ret;
	items = kcalloc(n, sizeof(*items), GFP_KERNEL);
	if (!items) {
		kfree(ns_name);
		return -ENOMEM;
	}

	/* Allocate every profile first: nothing below may fail for memory. */
	i = 0;
	list_for_each_entry(u, unpacked, list) {
		char *dummy;
		const char *hname = rp_split_ns(u->name, &dummy);

		kfree(dummy);
		strscpy(err->name, u->name, sizeof(err->name));
		if (!*hname) {
			err->info = "empty profile name";
			ret = -EPROTO;
			goto out;
		}
		items[i].new = rp_profile_alloc(ns, hname, u->mode, GFP_KERNEL);
		if (!items[i].new) {
			ret = -ENOMEM;
			goto out;
		}
		i++;
	}

	target = ns_name ? rp_ns_lookup(ns, ns_name, false) : rp_ns_get(ns);
	if (IS_ERR(target) && PTR_ERR(target) == -ENOENT) {
		target = rp_ns_lookup(ns, ns_name, true);
		made_ns = !IS_ERR(target);
	}
	if (IS_ERR(target)) {
		ret = PTR_ERR(target);
		err->info = ret == -ENOSPC ? "namespace too deep" :
			    "failed to create namespace";
		goto out;
	}
	/* The profiles were made against @ns: move them to the target. */
	for (i = 0; i < n && target != ns; i++) {
		rp_ns_put(items[i].new->ns);
		items[i].new->ns = rp_ns_get(target);
	}

	mutex_lock(&target->lock);
	for (i = 0; i < n; i++) {
		struct rp_profile *p = items[i].new;
		const char *sep = NULL, *s;

		strscpy(err->name, p->hname, sizeof(err->name));
		items[i].old = rp_profile_find(target, p->hname);
		if (items[i].old && !replace) {
			err->info = "profile can not be replaced";
			ret = -EEXIST;
			goto unlock;
		}
		for (s = p->hname; (s = strstr(s, "//")); s += 2)
			sep = s;
		if (!sep)
			continue;
		/* the parent: an earlier record of this load, else loaded */
		for (k = i; k-- > 0; )
			if (strlen(items[k].new->hname) == sep - p->hname &&
			    !memcmp(items[k].new->hname, p->hname, sep - p->hname))
				break;
		if (k < i) {
			items[i].parent = items[k].new;
		} else {
			char *ph = kstrndup(p->hname, sep - p->hname, GFP_KERNEL);

			items[i].parent = ph ? rp_profile_find(target, ph) : NULL;
			kfree(ph);
			if (!items[i].parent) {
				err->info = "parent profile not found";
				ret = -ENOENT;
				goto unlock;
			}
		}
	}

	/* Commit: nothing fails from here on. */
	i = 0;
	list_for_each_entry_safe(u, tmp, unpacked, list) {
		struct rp_profile *p = items[i].new, *old = items[i].old, *c;
		struct list_head *siblings = items[i].parent ?
			&items[i].parent->children : &target->profiles;

		list_del(&u->list);
		p->rules = u;
		if (u->flags & RP_UNPACKED_HAT)
			p->flags |= RP_PROFILE_HAT;
		if (items[i].parent) {
			rp_label_get(&items[i].parent->label);
			p->parent = items[i].parent;
		}
		if (old) {
			/* The new version takes the old one's place and children. */
			list_replace_rcu(&old->list, &p->list);
			list_splice_init_rcu(&old->children, &p->children,
					     synchronize_rcu);
			list_for_each_entry(c, &p->children, list) {
				if (c->parent != old)
					continue;
				rp_label_get(&p->label);
				c->parent = p;
				items[i].moved++;
			}
			old->flags |= RP_PROFILE_STALE;
		} else {
			list_add_rcu(&p->list, siblings);
		}
		items[i].new = NULL;	/* the tree holds it now */
		i++;
	}
	rp_ns_bump_revision(target);
	mutex_unlock(&target->lock);

	/* Drop the tree's and the moved children's references to old versions. */
	for (i = 0; i < n; i++) {
		if (!items[i].old)
			continue;
		for (k = 0; k < items[i].moved; k++)
			rp_label_put(&items[i].old->label);
		rp_label_put(&items[i].old->label);
	}
	rp_ns_put(target);
	ret = 0;
	goto out;

unlock:
	mutex_unlock(&target->lock);
	if (made_ns)
		rp_ns_remove(target);
	rp_ns_put(target);
out:
	rp_load_items_free(items, n);
	kfree(ns_name);
	return ret;
}

/* Remove @ns with all its profiles and namespaces below it. */
static void rp_ns_destroy(struct rp_ns *ns)
{
	struct rp_profile *p, *tmp;
	struct rp_ns *child;

	for (;;) {
		mutex_lock(&ns->lock);
		child = list_first_entry_or_null(&ns->children, struct rp_ns,
						 sibling);
		rp_ns_get(child);
		mutex_unlock(&ns->lock);
		if (!child)
			break;
		rp_ns_destroy(child);
		rp_ns_put(child);
	}
	mutex_lock(&ns->lock);
	list_for_each_entry_safe(p, tmp, &ns->profiles, list) {
		p->flags |= RP_PROFILE_STALE;
		list_del_rcu(&p->list);
		rp_subtree_put(p);
	}
	rp_ns_bump_revision(ns);
	mutex_unlock(&ns->lock);
	rp_ns_remove(ns);
}

/**
 * rp_policy_remove() - remove a profile (and its children) or a namespace
 * @ns: the namespace names are relative to
 * @name: "hname", ":ns:hname" or ":ns:" (the whole namespace)
 * @err: the reason on failure
 *
 * Return: 0, -ENOENT (nothing by that name) or -ENOMEM.
 */
int rp_policy_remove(struct rp_ns *ns, const char *name,
		     struct rp_policy_error *err)
{
	struct rp_profile *p;
	struct rp_ns *target;
	const char *hname;
	char *ns_name;

	memset(err, 0, sizeof(*err));
	strscpy(err->name, name, sizeof(err->name));
	if (!*name) {
		err->info = "no profile specified";
		return -ENOENT;
	}
	hname = rp_split_ns(name, &ns_name);
	if (!ns_name && *skip_spaces(name) == ':')
		return -ENOMEM;
	target = ns_name ? rp_ns_lookup(ns, ns_name, false) : rp_ns_get(ns);
	kfree(ns_name);
	if (IS_ERR(target)) {
		err->info = "namespace does not exist";
		return PTR_ERR(target) == -ENOMEM ? -ENOMEM : -ENOENT;
	}
	if (!*hname) {
		if (target == ns) {
			rp_ns_put(target);
			err->info = "no profile specified";
			return -ENOENT;
		}
		rp_ns_destroy(target);
		rp_ns_put(target);
		return 0;
	}
	mutex_lock(&target->lock);
	p = rp_profile_find(target, hname);
	if (!p) {
		mutex_unlock(&target->lock);
		rp_ns_put(target);
		err->info = "profile does not exist";
		return -ENOENT;
	}
	p->flags |= RP_PROFILE_STALE;
	list_del_rcu(&p->list);
	rp_ns_bump_revision(target);
	mutex_unlock(&target->lock);
	rp_subtree_put(p);
	rp_ns_put(target);
	return 0;
}
