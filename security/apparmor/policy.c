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
#include "audit.h"
#include "policy.h"
#include "policyfs.h"
#include "rawdata.h"
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

/**
 * rp_profile_learning() - the learning profile of @parent for @name
 * @parent: a profile in complain mode
 * @name: what it was refused (an executable's name, a hat, a label)
 * @hat: make it a hat (for change_hat)
 *
 * A complain-mode profile that is refused something it asks for moves to
 * the child "null-<name>", a complain-mode profile without rules, made on
 * first use (mediation.md 3.2, kernel-interfaces.md 6.6).
 *
 * A learning profile is its own learning profile.
 *
 * Return: the profile with a reference, or NULL (no memory, or @parent is
 * no longer in the policy).
 */
struct rp_profile *rp_profile_learning(struct rp_profile *parent,
				       const char *name, bool hat)
{
	struct rp_ns *ns = parent->ns;
	struct rp_profile *p = NULL, *c;
	char *hname, *base;

	/* a learning profile learns in place */
	if (parent->flags & RP_PROFILE_NULL)
		return rp_profile_of(rp_label_get(&parent->label));
	hname = kasprintf(GFP_KERNEL, "%s//null-%s", parent->hname, name);
	if (!hname)
		return NULL;
	base = hname + strlen(parent->hname) + 2;
	mutex_lock(&ns->lock);
	if (ns->dead || (parent->flags & RP_PROFILE_STALE))
		goto out;
	list_for_each_entry(c, &parent->children, list) {
		if (!strcmp(c->base, base)) {
			p = c;
			goto found;
		}
	}
	p = rp_profile_alloc(ns, hname, RP_MODE_COMPLAIN, GFP_KERNEL);
	if (!p)
		goto out;
	p->flags |= RP_PROFILE_NULL | (hat ? RP_PROFILE_HAT : 0);
	p->parent = parent;
	rp_label_get(&parent->label);
	/* a directory is nice to have: the profile works without one */
	rp_fs_profile_mkdir(p, parent);
	list_add_rcu(&p->list, &parent->children);	/* the tree's reference */
	rp_ns_bump_revision(ns);
found:
	rp_label_get(&p->label);
out:
	mutex_unlock(&ns->lock);
	kfree(hname);
	return p;
}

/*
 * The namespace @path ("a" or "a//b") below @ns; with @create, the levels
 * that are missing are made on the way down.
 */
static struct rp_ns *rp_ns_lookup(struct rp_ns *ns, const char *path,
				  bool create)
{
	struct rp_ns *cur, *child;
	char *copy, *s, *part;

	if (!create)
		return rp_ns_find_path(ns, path);
	copy = kstrdup(path, GFP_KERNEL);
	if (!copy)
		return ERR_PTR(-ENOMEM);
	cur = rp_ns_get(ns);
	for (s = copy; (part = strsep(&s, "/")); ) {
		if (!*part)
			continue;
		child = rp_ns_find_path(cur, part);
		if (child == ERR_PTR(-ENOENT))
			child = rp_ns_create(cur, part);
		rp_ns_put(cur);
		if (IS_ERR(child)) {
			kfree(copy);
			return child;
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
	bool skip;			/* old came from the same buffer */
	bool installed;			/* the tree holds new now */
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

/*
 * Free what a load did not install. Until the commit the records belong
 * to the caller's list, so a failed load detaches them from the profiles.
 */
static void rp_load_items_free(struct rp_load_item *items, unsigned int n,
			       bool committed)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (!items[i].new || items[i].installed)
			continue;
		if (!committed)
			items[i].new->rules = NULL;
		rp_label_put(&items[i].new->label);
	}
	kfree(items);
}

/* Drop the references the tree held on @p and on everything below it. */
static void rp_subtree_put(struct rp_profile *p)
{
	struct rp_profile *c, *tmp;

	list_for_each_entry_safe(c, tmp, &p->children, list) {
		list_del_rcu(&c->list);
		rp_subtree_put(c);
	}
	rp_label_put(&p->label);
}

/*
 * @p and everything below it are being removed: tasks they confine move
 * to @to, the namespace's unconfined. Under the namespace's lock.
 */
static void rp_subtree_retire(struct rp_profile *p, struct rp_profile *to)
{
	struct rp_profile *c;

	list_for_each_entry(c, &p->children, list)
		rp_subtree_retire(c, to);
	rp_profile_forward(p, to);
}

/*
 * The buffer a load keeps: one already in @ns with the same bytes if there
 * is one (the load then holds a use of that instead of @rd), else @rd,
 * entered in @ns with its raw_data directory. Under @ns->lock.
 */
static int rp_load_rawdata(struct rp_ns *ns, struct rp_rawdata **rdp,
			   bool *fresh)
{
	struct rp_rawdata *rd = *rdp, *have;
	int err;

	*fresh = false;
	if (!rd)
		return 0;
	list_for_each_entry(have, &ns->rawdata, list) {
		if (!rp_rawdata_same(have, rd) || !rp_rawdata_use_live(have))
			continue;
		rp_rawdata_unuse(rd);
		*rdp = have;
		return 0;
	}
	rd->ns = rp_ns_get(ns);
	rd->name = ns->revision;
	list_add(&rd->list, &ns->rawdata);
	err = rp_fs_rawdata_mkdir(rd);
	if (err) {
		list_del_init(&rd->list);
		rp_ns_put(rd->ns);
		rd->ns = NULL;
		return err;
	}
	*fresh = true;
	return 0;
}

/* Undo rp_load_rawdata() of a buffer new to @ns; under its lock. */
static void rp_load_rawdata_undo(struct rp_rawdata *rd)
{
	rp_fs_rawdata_rmdir(rd);
	list_del_init(&rd->list);
	rp_ns_put(rd->ns);
	rd->ns = NULL;
}

/* The directories of the load's new profiles, all or none; under lock. */
static int rp_load_mkdirs(struct rp_load_item *items, unsigned int n,
			  struct rp_rawdata *rd)
{
	unsigned int i;
	int err;

	for (i = 0; i < n; i++) {
		struct rp_profile *p = items[i].new;

		if (items[i].skip)
			continue;
		p->rawdata = rd ? rp_rawdata_use(rd) : NULL;
		if (items[i].old)
			continue;
		err = rp_fs_profile_mkdir(p, items[i].parent);
		if (err)
			goto undo;
	}
	return 0;
undo:
	/* children before parents: a child's directory is in its parent's */
	while (i-- > 0)
		if (!items[i].skip && !items[i].old)
			rp_fs_profile_rmdir(items[i].new);
	return err;
}

/* Find the parent of @items[@i] (a "a//b" record); under the ns lock. */
static int rp_load_parent(struct rp_ns *target, struct rp_load_item *items,
			  unsigned int i, struct rp_policy_error *err)
{
	const struct rp_profile *p = items[i].new;
	const char *sep = NULL, *s;
	unsigned int k;
	char *ph;

	for (s = p->hname; (s = strstr(s, "//")); s += 2)
		sep = s;
	if (!sep)
		return 0;
	/* an earlier record of this load, else a loaded profile */
	for (k = i; k-- > 0; ) {
		const char *h = items[k].new->hname;

		if (strlen(h) == sep - p->hname && !memcmp(h, p->hname, sep - p->hname)) {
			items[i].parent = items[k].skip ? items[k].old :
				items[k].new;
			return 0;
		}
	}
	ph = kstrndup(p->hname, sep - p->hname, GFP_KERNEL);
	if (!ph)
		return -ENOMEM;
	items[i].parent = rp_profile_find(target, ph);
	kfree(ph);
	if (items[i].parent)
		return 0;
	err->info = "parent profile not found";
	return -ENOENT;
}

/* Put the new versions in the tree; cannot fail. Under the ns lock. */
static void rp_load_commit(struct rp_ns *target, struct rp_load_item *items,
			   struct list_head *unpacked)
{
	struct rp_unpacked *u, *tmp;
	unsigned int i = 0;

	list_for_each_entry_safe(u, tmp, unpacked, list) {
		struct rp_load_item *it = &items[i++];
		struct rp_profile *p = it->new, *old = it->old, *c;

		list_del(&u->list);
		if (it->skip)
			continue;
		if (u->flags & RP_UNPACKED_HAT)
			p->flags |= RP_PROFILE_HAT;
		if (it->parent) {
			rp_label_get(&it->parent->label);
			p->parent = it->parent;
		}
		if (!old) {
			list_add_rcu(&p->list, it->parent ?
				     &it->parent->children : &target->profiles);
			it->installed = true;
			continue;
		}
		/* The new version takes the old one's place, dir and children. */
		list_replace_rcu(&old->list, &p->list);
		list_splice_init_rcu(&old->children, &p->children,
				     synchronize_rcu);
		list_for_each_entry(c, &p->children, list) {
			if (c->parent != old)
				continue;
			rp_label_get(&p->label);
			c->parent = p;
			it->moved++;
		}
		rp_fs_profile_replace(old, p);
		rp_profile_forward(old, p);
		it->installed = true;
	}
}

/* One STATUS record per record of a committed load; under the ns lock. */
static void rp_load_audit(struct rp_load_item *items, unsigned int n,
			  const char *ns_name)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		const char *hname = items[i].new->hname;

		if (items[i].skip)
			rp_audit_status("profile_replace",
					"same as current profile, skipping", 0,
					hname, ns_name);
		else
			rp_audit_status(items[i].old ? "profile_replace" :
					"profile_load", NULL, 0, hname, ns_name);
	}
}

/**
 * rp_policy_load() - install unpacked profiles, all or none
 * @ns: the namespace the load targets (a ":ns:" name or header selects a
 *      child of it, made if missing)
 * @unpacked: records from rp_unpack(); they move into the new profiles,
 *            the list is empty on success and left to the caller on error
 * @replace: replace profiles that exist (.replace) rather than fail (.load)
 * @rd: the buffer as written, or NULL when it is not kept; the call
 *      consumes the caller's use of it in every case
 * @err: the reason on failure
 *
 * A profile whose loaded version came from a byte-identical buffer is left
 * as it is; the revision changes all the same.
 *
 * Return: 0, -EEXIST (a profile exists and @replace is false), -ENOENT (a
 * child whose parent is neither loaded nor earlier in the set, or a
 * namespace being removed), -EACCES (mixed namespaces), -ENOSPC
 * (namespace too deep) or -ENOMEM.
 */
int rp_policy_load(struct rp_ns *ns, struct list_head *unpacked, bool replace,
		   struct rp_rawdata *rd, struct rp_policy_error *err)
{
	struct rp_load_item *items = NULL;
	struct rp_unpacked *u;
	struct rp_ns *target;
	unsigned int n = 0, i, k;
	char *ns_name = NULL;
	bool made_ns = false, fresh = false;
	int ret;

	memset(err, 0, sizeof(*err));
	list_for_each_entry(u, unpacked, list)
		n++;
	if (!n) {
		ret = 0;
		goto out;
	}
	ret = rp_load_ns_name(unpacked, &ns_name, err);
	if (ret)
		goto out;
	items = kcalloc(n, sizeof(*items), GFP_KERNEL);
	if (!items) {
		ret = -ENOMEM;
		goto out;
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
		items[i].new->rules = u;
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
	if (target->dead) {
		err->info = "namespace removed";
		ret = -ENOENT;
		goto unlock;
	}
	ret = rp_load_rawdata(target, &rd, &fresh);
	if (ret) {
		err->info = "failed to create raw_data directory";
		goto unlock;
	}
	for (i = 0; i < n; i++) {
		struct rp_profile *p = items[i].new;

		strscpy(err->name, p->hname, sizeof(err->name));
		items[i].old = rp_profile_find(target, p->hname);
		if (items[i].old && !replace) {
			err->info = "profile can not be replaced";
			ret = -EEXIST;
			goto unlock;
		}
		items[i].skip = rd && items[i].old &&
				items[i].old->rawdata == rd;
		ret = rp_load_parent(target, items, i, err);
		if (ret)
			goto unlock;
	}
	ret = rp_load_mkdirs(items, n, rd);
	if (ret) {
		err->info = "failed to create";
		goto unlock;
	}

	/* Commit: nothing fails from here on. */
	rp_load_commit(target, items, unpacked);
	rp_ns_bump_revision(target);
	if (rd)
		WRITE_ONCE(rd->revision, target->revision);
	rp_load_audit(items, n, ns_name);
	mutex_unlock(&target->lock);
	if (fresh)
		rp_rawdata_start_pack(rd);

	/* Drop the tree's and the moved children's references to old versions. */
	for (i = 0; i < n; i++) {
		if (!items[i].old || items[i].skip)
			continue;
		for (k = 0; k < items[i].moved; k++)
			rp_label_put(&items[i].old->label);
		rp_label_put(&items[i].old->label);
	}
	rp_ns_put(target);
	rp_load_items_free(items, n, true);
	items = NULL;
	ret = 0;
	goto out;

unlock:
	if (fresh)
		rp_load_rawdata_undo(rd);
	mutex_unlock(&target->lock);
	if (made_ns)
		rp_policy_remove_ns(target);
	rp_ns_put(target);
out:
	if (items)
		rp_load_items_free(items, n, false);
	rp_rawdata_unuse(rd);
	kfree(ns_name);
	return ret;
}

/**
 * rp_policy_remove_ns() - remove a namespace with everything in and below it
 * @ns: a namespace that is not the root
 *
 * Loads into it and below it fail from the moment it is marked dead.
 */
void rp_policy_remove_ns(struct rp_ns *ns)
{
	struct rp_profile *p, *tmp;
	struct rp_rawdata *rd;
	struct rp_ns *child;
	bool claimed;

	/* whoever marks it dead removes it; a second remover finds it done */
	mutex_lock(&ns->lock);
	claimed = !ns->dead;
	ns->dead = true;
	mutex_unlock(&ns->lock);
	if (!claimed)
		return;
	for (;;) {
		mutex_lock(&ns->lock);
		child = list_first_entry_or_null(&ns->children, struct rp_ns,
						 sibling);
		rp_ns_get(child);
		mutex_unlock(&ns->lock);
		if (!child)
			break;
		rp_policy_remove_ns(child);
		rp_ns_put(child);
	}
	mutex_lock(&ns->lock);
	list_for_each_entry_safe(p, tmp, &ns->profiles, list) {
		rp_fs_profile_rmdir(p);
		rp_subtree_retire(p, ns->unconfined);
		list_del_rcu(&p->list);
		rp_subtree_put(p);
	}
	/* what is left of the buffers goes when their last profile does */
	list_for_each_entry(rd, &ns->rawdata, list)
		rp_fs_rawdata_rmdir(rd);
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
		rp_policy_remove_ns(target);
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
	rp_fs_profile_rmdir(p);
	rp_subtree_retire(p, target->unconfined);
	list_del_rcu(&p->list);
	rp_ns_bump_revision(target);
	rp_audit_status("profile_remove", NULL, 0, p->hname, NULL);
	mutex_unlock(&target->lock);
	rp_subtree_put(p);
	rp_ns_put(target);
	return 0;
}
