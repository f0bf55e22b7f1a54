// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: the policy tree. A private filesystem (never registered, so
 * "mount -t apparmorfs" fails) mounted once at boot; the securityfs link
 * "policy" jumps into the directory of the caller's namespace.
 *
 * Objects and lifetimes: an inode whose file shows a namespace, a profile
 * directory or a raw-data buffer holds a reference on that object, taken
 * when the inode is made and dropped when it is evicted, so an open file
 * outlives the policy it shows. Directories are pinned by the reference
 * their creation leaves on the dentry and unpinned by removal.
 */
#define pr_fmt(fmt) "AppArmor: " fmt

#include <linux/ctype.h>
#include <linux/fs.h>
#include <linux/fs_context.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/pagemap.h>
#include <linux/security.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "admin.h"
#include "cred.h"
#include "fs.h"
#include "policy.h"
#include "policyfs.h"
#include "rawdata.h"
#include "unpack.h"

#define RP_POLICYFS_MAGIC	0x5a3c69f0

static struct vfsmount *rp_fs_mnt __ro_after_init;

/*
 * Inode operations double as the tag that says what an inode's i_private
 * refers to, so eviction knows which reference to drop.
 */
static const struct inode_operations rp_fs_ns_file_iops;
static const struct inode_operations rp_fs_namespaces_iops;
static const struct inode_operations rp_fs_pdir_file_iops;
static const struct inode_operations rp_fs_rawlink_iops;
static const struct inode_operations rp_fs_raw_file_iops;

static void rp_fs_evict_inode(struct inode *inode)
{
	void *priv = inode->i_private;
	const struct inode_operations *op = inode->i_op;

	truncate_inode_pages_final(&inode->i_data);
	clear_inode(inode);
	if (!priv)
		return;
	if (op == &rp_fs_ns_file_iops || op == &rp_fs_namespaces_iops)
		rp_ns_put(priv);
	else if (op == &rp_fs_pdir_file_iops || op == &rp_fs_rawlink_iops)
		rp_pdir_put(priv);
	else if (op == &rp_fs_raw_file_iops)
		rp_rawdata_put(priv);
}

static const struct super_operations rp_fs_super_ops = {
	.statfs = simple_statfs,
	.evict_inode = rp_fs_evict_inode,
};

/* A fresh inode of the tree; @ino 0 takes the next free number. */
static struct inode *rp_fs_inode(struct super_block *sb, umode_t mode,
				 unsigned long ino,
				 const struct inode_operations *iops,
				 const struct file_operations *ops)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode->i_ino = ino ?: get_next_ino();
	inode->i_mode = mode;
	simple_inode_init_ts(inode);
	inode->i_op = iops;
	if (S_ISDIR(mode))
		ops = &simple_dir_operations;
	if (ops)
		inode->i_fop = ops;
	return inode;
}

/*
 * Make @name in the directory @parent. The new dentry keeps the reference
 * the lookup gave it (its pin). @data becomes i_private; the caller took
 * the reference it stands for and drops it again on failure.
 */
static struct dentry *rp_fs_create(struct dentry *parent, const char *name,
				   umode_t mode, void *data,
				   const struct inode_operations *iops,
				   const struct file_operations *ops)
{
	struct inode *dir = d_inode(parent), *inode;
	struct dentry *d;

	inode_lock(dir);
	d = lookup_one_len(name, parent, strlen(name));
	if (IS_ERR(d))
		goto out;
	if (d_really_is_positive(d)) {
		dput(d);
		d = ERR_PTR(-EEXIST);
		goto out;
	}
	inode = rp_fs_inode(dir->i_sb, mode, 0, iops, ops);
	if (!inode) {
		dput(d);
		d = ERR_PTR(-ENOMEM);
		goto out;
	}
	inode->i_private = data;
	if (S_ISDIR(mode)) {
		inc_nlink(inode);
		inc_nlink(dir);
	}
	d_instantiate(d, inode);
	inode_set_mtime_to_ts(dir, inode_set_ctime_current(dir));
out:
	inode_unlock(dir);
	return d;
}

static void rp_fs_remove(struct dentry **d)
{
	if (!IS_ERR_OR_NULL(*d))
		simple_recursive_removal(*d, NULL);
	*d = NULL;
}

static void rp_fs_touch(struct dentry *d)
{
	struct timespec64 now;
	struct inode *inode;

	if (IS_ERR_OR_NULL(d))
		return;
	inode = d_inode(d);
	inode_lock(inode);
	now = inode_set_ctime_current(inode);
	inode_set_mtime_to_ts(inode, now);
	inode_unlock(inode);
}

/* ---- namespace directories ---- */

static struct dentry *rp_fs_ns_file(struct dentry *dir, const char *name,
				    umode_t mode, struct rp_ns *ns,
				    const struct file_operations *ops)
{
	struct dentry *d;

	d = rp_fs_create(dir, name, S_IFREG | mode, rp_ns_get(ns),
			 &rp_fs_ns_file_iops, ops);
	if (IS_ERR(d))
		rp_ns_put(ns);
	return d;
}

/* Fill a namespace's directory, in the order stock creates entries. */
static int rp_fs_ns_fill(struct rp_ns *ns, struct dentry *dir)
{
	static const struct {
		const char *name;
		umode_t mode;
		const struct file_operations *fops;
	} files[] = {
		{ "revision", 0444, &rp_revision_fops },
		{ ".load", 0640, &rp_dot_load_fops },
		{ ".replace", 0640, &rp_dot_replace_fops },
		{ ".remove", 0640, &rp_dot_remove_fops },
	};
	struct dentry *d;
	size_t i;

	d = rp_fs_create(dir, "profiles", S_IFDIR | 0755, NULL,
			 &simple_dir_inode_operations, NULL);
	if (IS_ERR(d))
		return PTR_ERR(d);
	ns->dir_profiles = d;
	d = rp_fs_create(dir, "raw_data", S_IFDIR | 0755, NULL,
			 &simple_dir_inode_operations, NULL);
	if (IS_ERR(d))
		return PTR_ERR(d);
	ns->dir_rawdata = d;
	for (i = 0; i < ARRAY_SIZE(files); i++) {
		d = rp_fs_ns_file(dir, files[i].name, files[i].mode, ns,
				  files[i].fops);
		if (IS_ERR(d))
			return PTR_ERR(d);
	}
	d = rp_fs_create(dir, "namespaces", S_IFDIR | 0755, rp_ns_get(ns),
			 &rp_fs_namespaces_iops, NULL);
	if (IS_ERR(d)) {
		rp_ns_put(ns);
		return PTR_ERR(d);
	}
	ns->dir_namespaces = d;
	return 0;
}

/**
 * rp_fs_ns_mkdir() - make the directory of a new namespace
 * @ns: the namespace; its parent's lock is held
 *
 * Nothing is made for a namespace whose parent has no directory (a root
 * of its own, as KUnit makes them).
 *
 * Return: 0 or a negative errno, with nothing left behind.
 */
int rp_fs_ns_mkdir(struct rp_ns *ns)
{
	struct dentry *d;
	int err;

	if (!ns->parent || !ns->parent->dir_namespaces)
		return 0;
	lockdep_assert_held(&ns->parent->lock);
	d = rp_fs_create(ns->parent->dir_namespaces, ns->name,
			 S_IFDIR | 0755, NULL, &simple_dir_inode_operations,
			 NULL);
	if (IS_ERR(d))
		return PTR_ERR(d);
	ns->dir = d;
	err = rp_fs_ns_fill(ns, d);
	if (err)
		rp_fs_ns_rmdir(ns);
	return err;
}

/**
 * rp_fs_ns_rmdir() - remove a namespace's directory with all below it
 * @ns: the namespace; its own lock is held, and no
 *      profile or buffer of it still has a directory
 */
void rp_fs_ns_rmdir(struct rp_ns *ns)
{
	rp_fs_remove(&ns->dir);
	ns->dir_profiles = NULL;
	ns->dir_rawdata = NULL;
	ns->dir_namespaces = NULL;
}

static struct rp_ns *rp_fs_dir_ns(struct inode *dir)
{
	return dir->i_private;
}

static int rp_fs_ns_mkdir_op(struct mnt_idmap *idmap, struct inode *nsdir,
			     struct dentry *newd, umode_t mode)
{
	struct rp_ns *parent = rp_fs_dir_ns(nsdir), *ns;

	if (!rp_policy_admin_capable(NULL))
		return -EACCES;
	/* namespace locks come before inode locks: let go of the parent */
	inode_unlock(nsdir);
	ns = rp_ns_create(parent, newd->d_name.name);
	inode_lock_nested(nsdir, I_MUTEX_PARENT);
	if (IS_ERR(ns))
		return PTR_ERR(ns);
	rp_ns_put(ns);
	return 0;
}

static int rp_fs_ns_rmdir_op(struct inode *nsdir, struct dentry *victim)
{
	struct rp_ns *parent = rp_fs_dir_ns(nsdir), *ns;
	int err = 0;

	if (!rp_policy_admin_capable(NULL))
		return -EACCES;
	inode_unlock(d_inode(victim));
	inode_unlock(nsdir);
	ns = rp_ns_child(parent, victim->d_name.name);
	if (ns) {
		rp_policy_remove_ns(ns);
		rp_ns_put(ns);
	} else {
		err = -ENOENT;
	}
	inode_lock_nested(nsdir, I_MUTEX_PARENT);
	inode_lock(d_inode(victim));
	return err;
}

static const struct inode_operations rp_fs_namespaces_iops = {
	.lookup = simple_lookup,
	.mkdir = rp_fs_ns_mkdir_op,
	.rmdir = rp_fs_ns_rmdir_op,
};

static const struct inode_operations rp_fs_ns_file_iops = {};

/* ---- profile directories ---- */

static void rp_pdir_put_ref(struct kref *ref)
{
	kfree(container_of(ref, struct rp_pdir, ref));
}

/**
 * rp_pdir_put() - drop a reference on a profile directory object
 * @pdir: the object, or NULL
 */
void rp_pdir_put(struct rp_pdir *pdir)
{
	if (pdir)
		kref_put(&pdir->ref, rp_pdir_put_ref);
}

/**
 * rp_fs_mangle() - a profile's base name as a directory name
 * @base: the base name
 * @out: where the result goes
 * @size: room at @out
 *
 * Leading '/' and '.' go, '/' becomes '.', white space '_', and anything
 * outside [A-Za-z0-9._-] is dropped (kernel-interfaces.md 4.9).
 *
 * Return: the length written (the result is truncated to fit).
 */
size_t rp_fs_mangle(const char *base, char *out, size_t size)
{
	size_t n = 0;

	while (*base == '/' || *base == '.')
		base++;
	for (; *base && n + 1 < size; base++) {
		char c = *base;

		if (c == '/')
			c = '.';
		else if (isspace(c))
			c = '_';
		else if (!isalnum(c) && c != '.' && c != '_' && c != '-')
			continue;
		out[n++] = c;
	}
	if (size)
		out[n] = '\0';
	return n;
}

/*
 * The current version of a profile directory's profile, with a reference:
 * the profile may be replaced and freed as soon as the RCU read ends.
 */
static struct rp_profile *rp_pdir_profile(struct rp_pdir *pdir)
{
	struct rp_profile *p;

	rcu_read_lock();
	p = rcu_dereference(pdir->profile);
	if (p && !kref_get_unless_zero(&p->label.ref))
		p = NULL;
	rcu_read_unlock();
	return p;
}

static int rp_fs_pdir_show(struct seq_file *m, void *v)
{
	struct rp_profile *p = rp_pdir_profile(m->private);
	char hex[2 * SHA256_DIGEST_SIZE + 1];

	if (!p)
		return -ENOENT;
	switch ((long)m->file->f_path.dentry->d_fsdata) {
	case RP_PDIR_NAME:
		seq_printf(m, "%s\n", p->base);
		break;
	case RP_PDIR_MODE:
		seq_printf(m, "%s\n", rp_mode_names[p->mode]);
		break;
	case RP_PDIR_ATTACH:
		if (p->rules && p->rules->attach)
			seq_printf(m, "%s\n", p->rules->attach);
		else if (p->rules && p->rules->xmatch.dfa)
			seq_puts(m, "<unknown>\n");
		else
			seq_printf(m, "%s\n", p->base);
		break;
	case RP_PDIR_SHA256:
		if (p->rules && p->rules->hashed) {
			rp_sha256_hex(p->rules->sha256, hex);
			seq_printf(m, "%s\n", hex);
		} else if (p->rules && p->rawdata && p->rawdata->want_hash &&
			   p->rules->rec_index < p->rawdata->nrec) {
			/* hashed with its buffer, on first read */
			rp_rawdata_hashed(p->rawdata);
			rp_sha256_hex(p->rawdata->recs[p->rules->rec_index].sha256,
				      hex);
			seq_printf(m, "%s\n", hex);
		}
		break;
	}
	rp_label_put(&p->label);
	return 0;
}

static int rp_fs_pdir_open(struct inode *inode, struct file *file)
{
	return single_open(file, rp_fs_pdir_show, inode->i_private);
}

static const struct file_operations rp_fs_pdir_fops = {
	.open = rp_fs_pdir_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

static const struct inode_operations rp_fs_pdir_file_iops = {};

/* raw_sha256, raw_abi, raw_data: "../../" per level, then raw_data/N/x */
static const char *rp_fs_rawlink_get(struct dentry *dentry,
				     struct inode *inode,
				     struct delayed_call *done)
{
	struct rp_pdir *pdir = inode->i_private;
	const char *file = dentry ? dentry->d_fsdata : NULL;
	struct rp_profile *p;
	unsigned int i;
	long name = -1;
	char *buf;
	int len;

	if (!dentry)
		return ERR_PTR(-ECHILD);
	p = rp_pdir_profile(pdir);
	if (p && p->rawdata)
		name = p->rawdata->name;
	rp_label_put(p ? &p->label : NULL);
	if (name < 0)
		return ERR_PTR(-ENOENT);
	len = 6 * pdir->depth + 40;
	buf = kmalloc(len, GFP_KERNEL);
	if (!buf)
		return ERR_PTR(-ENOMEM);
	buf[0] = '\0';
	for (i = 0; i < pdir->depth; i++)
		strcat(buf, "../../");
	snprintf(buf + 6 * pdir->depth, len - 6 * pdir->depth,
		 "raw_data/%ld/%s", name, file);
	set_delayed_call(done, kfree_link, buf);
	return buf;
}

static const struct inode_operations rp_fs_rawlink_iops = {
	.get_link = rp_fs_rawlink_get,
};

static const char *const rp_pdir_names[RP_PDIR_ENTRIES] = {
	[RP_PDIR_NAME] = "name",
	[RP_PDIR_MODE] = "mode",
	[RP_PDIR_ATTACH] = "attach",
	[RP_PDIR_SHA256] = "sha256",
	[RP_PDIR_RAW_SHA256] = "raw_sha256",
	[RP_PDIR_RAW_ABI] = "raw_abi",
	[RP_PDIR_RAW_DATA] = "raw_data",
};

/* What a raw_* link points at inside raw_data/N/. */
static const char *const rp_pdir_link_file[RP_PDIR_ENTRIES] = {
	[RP_PDIR_RAW_SHA256] = "sha256",
	[RP_PDIR_RAW_ABI] = "abi",
	[RP_PDIR_RAW_DATA] = "raw_data",
};

static bool rp_pdir_wants(const struct rp_profile *p, enum rp_pdir_entry e)
{
	switch (e) {
	case RP_PDIR_SHA256:
		return p->rules && (p->rules->hashed ||
				    (p->rawdata && p->rawdata->want_hash));
	case RP_PDIR_RAW_SHA256:
		return p->rawdata && p->rawdata->want_hash;
	case RP_PDIR_RAW_ABI:
	case RP_PDIR_RAW_DATA:
		return p->rawdata;
	default:
		return true;
	}
}

/* Make the entries @p has and the directory lacks. */
static int rp_pdir_fill(struct rp_pdir *pdir, struct rp_profile *p)
{
	struct dentry *d;
	int e;

	for (e = 0; e < RP_PDIR_ENTRIES; e++) {
		bool link = rp_pdir_link_file[e];

		if (pdir->entry[e] || !rp_pdir_wants(p, e))
			continue;
		kref_get(&pdir->ref);
		d = rp_fs_create(pdir->dir, rp_pdir_names[e],
				 (link ? S_IFLNK : S_IFREG) | 0444, pdir,
				 link ? &rp_fs_rawlink_iops :
					&rp_fs_pdir_file_iops,
				 link ? NULL : &rp_fs_pdir_fops);
		if (IS_ERR(d)) {
			rp_pdir_put(pdir);
			return PTR_ERR(d);
		}
		/* the entry's identity, for show() and get_link() */
		d->d_fsdata = link ? (void *)rp_pdir_link_file[e] :
				     (void *)(long)e;
		pdir->entry[e] = d;
	}
	return 0;
}

/**
 * rp_fs_profile_mkdir() - make the directory of a profile new to its ns
 * @p: the profile, not yet visible in the profile tree
 * @parent: its parent profile (already with a directory), or NULL
 *
 * The namespace's lock is held. On failure nothing is left behind.
 *
 * Return: 0 or a negative errno.
 */
int rp_fs_profile_mkdir(struct rp_profile *p, struct rp_profile *parent)
{
	struct rp_ns *ns = p->ns;
	struct dentry *where, *d;
	struct rp_pdir *pdir;
	char name[NAME_MAX + 1];
	size_t n;
	int err;

	lockdep_assert_held(&ns->lock);
	if (!ns->dir_profiles)
		return 0;
	where = ns->dir_profiles;
	if (parent) {
		if (!parent->pdir)
			return 0;
		if (!parent->pdir->children) {
			d = rp_fs_create(parent->pdir->dir, "profiles",
					 S_IFDIR | 0755, NULL,
					 &simple_dir_inode_operations, NULL);
			if (IS_ERR(d))
				return PTR_ERR(d);
			parent->pdir->children = d;
		}
		where = parent->pdir->children;
	}

	pdir = kzalloc(sizeof(*pdir), GFP_KERNEL);
	if (!pdir)
		return -ENOMEM;
	kref_init(&pdir->ref);
	pdir->depth = parent ? parent->pdir->depth + 1 : 1;
	n = rp_fs_mangle(p->base, name, sizeof(name) - 24);
	snprintf(name + n, sizeof(name) - n, ".%lu", ns->dir_seq++);
	d = rp_fs_create(where, name, S_IFDIR | 0755, NULL,
			 &simple_dir_inode_operations, NULL);
	if (IS_ERR(d)) {
		kfree(pdir);
		return PTR_ERR(d);
	}
	pdir->dir = d;
	RCU_INIT_POINTER(pdir->profile, p);
	err = rp_pdir_fill(pdir, p);
	if (err) {
		rp_fs_remove(&pdir->dir);
		rp_pdir_put(pdir);
		return err;
	}
	p->pdir = pdir;
	return 0;
}

static void rp_fs_unpublish(struct rp_profile *p)
{
	struct rp_profile *c;

	if (p->pdir)
		RCU_INIT_POINTER(p->pdir->profile, NULL);
	list_for_each_entry(c, &p->children, list)
		rp_fs_unpublish(c);
}

/**
 * rp_fs_profile_rmdir() - remove a profile's directory and its children's
 * @p: the profile (its namespace's lock is held)
 */
void rp_fs_profile_rmdir(struct rp_profile *p)
{
	lockdep_assert_held(&p->ns->lock);
	rp_fs_unpublish(p);
	if (p->pdir) {
		rp_fs_remove(&p->pdir->dir);
		p->pdir->children = NULL;
		memset(p->pdir->entry, 0, sizeof(p->pdir->entry));
	}
}

/**
 * rp_fs_profile_replace() - hand a profile's directory to its new version
 * @old: the version being replaced
 * @p: the new version (its namespace's lock is held)
 *
 * The directory keeps its name; its files now show @p and their times
 * change. Cannot fail: an entry that the new version adds (a hash, a
 * raw-data link) and that cannot be made is simply absent.
 */
void rp_fs_profile_replace(struct rp_profile *old, struct rp_profile *p)
{
	struct rp_pdir *pdir = old->pdir;
	int e;

	if (!pdir)
		return;
	kref_get(&pdir->ref);
	p->pdir = pdir;
	rcu_assign_pointer(pdir->profile, p);
	if (pdir->dir)
		rp_pdir_fill(pdir, p);
	rp_fs_touch(pdir->dir);
	for (e = 0; e < RP_PDIR_ENTRIES; e++)
		rp_fs_touch(pdir->entry[e]);
}

/* ---- raw-data directories ---- */

enum rp_raw_entry { RP_RAW_ABI, RP_RAW_REVISION, RP_RAW_SHA256,
		    RP_RAW_CSIZE, RP_RAW_DATA };

static int rp_fs_raw_show(struct seq_file *m, void *v)
{
	struct rp_rawdata *rd = m->private;
	char hex[2 * SHA256_DIGEST_SIZE + 1];

	switch ((long)m->file->f_path.dentry->d_fsdata) {
	case RP_RAW_ABI:
		seq_printf(m, "v%u\n", rd->abi);
		break;
	case RP_RAW_REVISION:
		seq_printf(m, "%ld\n", READ_ONCE(rd->revision));
		break;
	case RP_RAW_SHA256:
		rp_sha256_hex(rp_rawdata_hashed(rd)->sha256, hex);
		seq_printf(m, "%s\n", hex);
		break;
	case RP_RAW_CSIZE:
		seq_printf(m, "%zu\n", rp_rawdata_packed(rd)->csize);
		break;
	}
	return 0;
}

static int rp_fs_raw_open(struct inode *inode, struct file *file)
{
	return single_open(file, rp_fs_raw_show, inode->i_private);
}

static const struct file_operations rp_fs_raw_fops = {
	.open = rp_fs_raw_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

/* raw_data: the buffer as written, expanded once per open */
static int rp_fs_rawdata_open(struct inode *inode, struct file *file)
{
	void *buf;

	if (!rp_policy_view_capable(NULL))
		return -EACCES;
	buf = rp_rawdata_expand(inode->i_private);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	file->private_data = buf;
	return 0;
}

static ssize_t rp_fs_rawdata_read(struct file *file, char __user *ubuf,
				  size_t count, loff_t *ppos)
{
	const struct rp_rawdata *rd = file_inode(file)->i_private;

	return simple_read_from_buffer(ubuf, count, ppos, file->private_data,
				       rd->size);
}

static int rp_fs_rawdata_release(struct inode *inode, struct file *file)
{
	kvfree(file->private_data);
	return 0;
}

static const struct file_operations rp_fs_rawdata_fops = {
	.open = rp_fs_rawdata_open,
	.read = rp_fs_rawdata_read,
	.llseek = default_llseek,
	.release = rp_fs_rawdata_release,
};

static const struct inode_operations rp_fs_raw_file_iops = {};

/**
 * rp_fs_rawdata_mkdir() - make raw_data/<name>/ of a loaded buffer
 * @rd: the buffer, with ->ns and ->name set (the namespace's lock is held)
 *
 * Return: 0 or a negative errno, with nothing left behind.
 */
int rp_fs_rawdata_mkdir(struct rp_rawdata *rd)
{
	static const char *const names[] = {
		[RP_RAW_ABI] = "abi", [RP_RAW_REVISION] = "revision",
		[RP_RAW_SHA256] = "sha256",
		[RP_RAW_CSIZE] = "compressed_size", [RP_RAW_DATA] = "raw_data",
	};
	struct dentry *dir, *d;
	char name[24];
	long e;

	lockdep_assert_held(&rd->ns->lock);
	if (!rd->ns->dir_rawdata)
		return 0;
	snprintf(name, sizeof(name), "%ld", rd->name);
	dir = rp_fs_create(rd->ns->dir_rawdata, name, S_IFDIR | 0755, NULL,
			   &simple_dir_inode_operations, NULL);
	if (IS_ERR(dir))
		return PTR_ERR(dir);
	rd->dir = dir;
	for (e = 0; e < ARRAY_SIZE(names); e++) {
		if (e == RP_RAW_SHA256 && !rd->want_hash)
			continue;
		d = rp_fs_create(dir, names[e], S_IFREG | 0444,
				 rp_rawdata_get(rd), &rp_fs_raw_file_iops,
				 e == RP_RAW_DATA ? &rp_fs_rawdata_fops :
						    &rp_fs_raw_fops);
		if (IS_ERR(d)) {
			rp_rawdata_put(rd);
			rp_fs_remove(&rd->dir);
			return PTR_ERR(d);
		}
		d->d_fsdata = (void *)e;
		if (e == RP_RAW_DATA)
			i_size_write(d_inode(d), rd->size);
	}
	return 0;
}

/**
 * rp_fs_rawdata_rmdir() - remove raw_data/<name>/ of a buffer
 * @rd: the buffer (its namespace's lock is held)
 */
void rp_fs_rawdata_rmdir(struct rp_rawdata *rd)
{
	rp_fs_remove(&rd->dir);
}

/* ---- the filesystem and the securityfs link into it ---- */

static int rp_fs_fill_super(struct super_block *sb, struct fs_context *fc)
{
	struct inode *inode;

	sb->s_maxbytes = MAX_LFS_FILESIZE;
	sb->s_blocksize = PAGE_SIZE;
	sb->s_blocksize_bits = PAGE_SHIFT;
	sb->s_magic = RP_POLICYFS_MAGIC;
	sb->s_op = &rp_fs_super_ops;
	sb->s_d_op = &simple_dentry_operations;
	sb->s_time_gran = 1;

	inode = rp_fs_inode(sb, S_IFDIR | 0755, 1,
			    &simple_dir_inode_operations, NULL);
	if (!inode)
		return -ENOMEM;
	set_nlink(inode, 2);
	sb->s_root = d_make_root(inode);
	return sb->s_root ? 0 : -ENOMEM;
}

static int rp_fs_get_tree(struct fs_context *fc)
{
	return get_tree_single(fc, rp_fs_fill_super);
}

static const struct fs_context_operations rp_fs_context_ops = {
	.get_tree = rp_fs_get_tree,
};

static int rp_fs_init_fs_context(struct fs_context *fc)
{
	fc->ops = &rp_fs_context_ops;
	return 0;
}

static struct file_system_type rp_fs_type = {
	.owner = THIS_MODULE,
	.name = "apparmorfs",
	.init_fs_context = rp_fs_init_fs_context,
	.kill_sb = kill_litter_super,
};

/* "policy": follows into the directory of the caller's namespace. */
static const char *rp_policy_link_get(struct dentry *dentry,
				      struct inode *inode,
				      struct delayed_call *done)
{
	struct rp_ns *ns;
	struct path path;
	int err;

	if (!dentry)
		return ERR_PTR(-ECHILD);
	ns = rp_label_ns(rp_current_label());
	mutex_lock(&ns->lock);
	path.dentry = dget(ns->dir);
	mutex_unlock(&ns->lock);
	if (!path.dentry)
		return ERR_PTR(-ENOENT);
	path.mnt = mntget(rp_fs_mnt);
	err = nd_jump_link(&path);
	return ERR_PTR(err);
}

static int rp_policy_link_readlink(struct dentry *dentry, char __user *ubuf,
				   int size)
{
	char buf[40];
	int len;

	len = scnprintf(buf, sizeof(buf), "apparmorfs:[%lu]",
			d_inode(dentry)->i_ino);
	if (len > size)
		len = size;
	return copy_to_user(ubuf, buf, len) ? -EFAULT : len;
}

static const struct inode_operations rp_policy_link_iops = {
	.get_link = rp_policy_link_get,
	.readlink = rp_policy_link_readlink,
};

/**
 * rp_policyfs_init() - mount the policy tree and link it from securityfs
 * @parent: the securityfs directory "apparmor"
 *
 * Return: 0 or a negative errno.
 */
int __init rp_policyfs_init(struct dentry *parent)
{
	struct rp_ns *root = rp_root_ns;
	struct dentry *link;
	int err;

	rp_fs_mnt = kern_mount(&rp_fs_type);
	if (IS_ERR(rp_fs_mnt)) {
		err = PTR_ERR(rp_fs_mnt);
		rp_fs_mnt = NULL;
		return err;
	}
	mutex_lock(&root->lock);
	root->dir = dget(rp_fs_mnt->mnt_root);
	err = rp_fs_ns_fill(root, root->dir);
	mutex_unlock(&root->lock);
	if (err)
		return err;
	link = securityfs_create_symlink("policy", parent, NULL,
					 &rp_policy_link_iops);
	return PTR_ERR_OR_ZERO(link);
}
