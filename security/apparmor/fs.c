// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: the securityfs directory /sys/kernel/security/apparmor: the
 * files that describe the reader's confinement (.stacked, .ns_*), the
 * profile list, policy loading (.load, .replace, .remove), the pollable
 * revision counter and the features tree.
 *
 * Files whose answer depends on the reader compute it at read (or open)
 * time from the reader's own label.
 */
#define pr_fmt(fmt) "AppArmor: " fmt

#include <linux/fs.h>
#include <linux/init.h>
#include <linux/poll.h>
#include <linux/security.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/capability.h>
#include <linux/string.h>
#include "admin.h"
#include "audit.h"
#include "cred.h"
#include "features.h"
#include "file.h"
#include "fs.h"
#include "params.h"
#include "policyfs.h"
#include "rawdata.h"
#include "unpack.h"

static struct dentry *rp_fs_dir;

/* A small file computed on each read: show() writes at most @size bytes. */
struct rp_fs_text {
	int (*show)(char *buf, size_t size);
};

static ssize_t rp_text_read(struct file *file, char __user *ubuf,
			    size_t count, loff_t *ppos)
{
	const struct rp_fs_text *t = file_inode(file)->i_private;
	char buf[32];
	int len = t->show(buf, sizeof(buf));

	return simple_read_from_buffer(ubuf, count, ppos, buf, len);
}

static const struct file_operations rp_text_fops = {
	.read = rp_text_read,
	.llseek = default_llseek,
};

static bool rp_label_is_ns_stacked(const struct rp_label *label)
{
	const struct rp_ns *ns = rp_label_ns(label);
	u32 i;

	for (i = 0; i < label->size; i++)
		if (label->vec[i]->ns != ns)
			return true;
	return false;
}

static int rp_show_stacked(char *buf, size_t size)
{
	bool yes = rp_current_label()->size > 1;

	return scnprintf(buf, size, "%s\n", yes ? "yes" : "no");
}

static int rp_show_ns_stacked(char *buf, size_t size)
{
	const struct rp_label *label = rp_current_label();
	bool yes = label->size > 1 && rp_label_is_ns_stacked(label);

	return scnprintf(buf, size, "%s\n", yes ? "yes" : "no");
}

static int rp_show_ns_level(char *buf, size_t size)
{
	return scnprintf(buf, size, "%u\n", rp_label_ns(rp_current_label())->level);
}

static int rp_show_compression_min(char *buf, size_t size)
{
	return scnprintf(buf, size, "%d\n", RP_ZSTD_MIN_LEVEL);
}

static int rp_show_compression_max(char *buf, size_t size)
{
	return scnprintf(buf, size, "%d\n", RP_ZSTD_MAX_LEVEL);
}

static const struct rp_fs_text rp_text_stacked = { rp_show_stacked };
static const struct rp_fs_text rp_text_ns_stacked = { rp_show_ns_stacked };
static const struct rp_fs_text rp_text_ns_level = { rp_show_ns_level };
static const struct rp_fs_text rp_text_cmin = { rp_show_compression_min };
static const struct rp_fs_text rp_text_cmax = { rp_show_compression_max };

/* .ns_name: a namespace name has no length limit, so it is a seq file. */
static int rp_ns_name_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%s\n", rp_label_ns(rp_current_label())->name);
	return 0;
}

static int rp_ns_name_open(struct inode *inode, struct file *file)
{
	return single_open(file, rp_ns_name_show, NULL);
}

static const struct file_operations rp_ns_name_fops = {
	.open = rp_ns_name_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

/* Render @label into @m without allocating; seq_file retries if too long. */
static void rp_seq_label(struct seq_file *m, const struct rp_label *label,
			 const struct rp_ns *view, unsigned int opts)
{
	char *buf;
	size_t size = seq_get_buf(m, &buf);
	int len = rp_label_render(label, view, opts, buf, size);

	if (len + 1 < size) {
		buf[len] = '\n';
		seq_commit(m, len + 1);
	} else {
		seq_commit(m, -1);
	}
}

/* A profile, then its children depth first. */
static void rp_profiles_show_tree(struct seq_file *m,
				  const struct list_head *list,
				  const struct rp_ns *view)
{
	const struct rp_profile *p;

	list_for_each_entry_rcu(p, list, list) {
		rp_seq_label(m, &p->label, view, RP_RENDER_SUBNS | RP_RENDER_MODE);
		rp_profiles_show_tree(m, &p->children, view);
	}
}

static void rp_profiles_show_ns(struct seq_file *m, const struct rp_ns *ns,
				const struct rp_ns *view)
{
	const struct rp_ns *child;

	rp_profiles_show_tree(m, &ns->profiles, view);
	list_for_each_entry_rcu(child, &ns->children, sibling)
		rp_profiles_show_ns(m, child, view);
}

static int rp_profiles_show(struct seq_file *m, void *v)
{
	const struct rp_ns *view = m->private;

	rcu_read_lock();
	rp_profiles_show_ns(m, view, view);
	rcu_read_unlock();
	return 0;
}

static int rp_profiles_open(struct inode *inode, struct file *file)
{
	struct rp_ns *view = rp_label_ns(rp_current_label());
	int err;

	if (!rp_policy_view_capable(NULL))
		return -EACCES;
	err = single_open(file, rp_profiles_show, rp_ns_get(view));
	if (err)
		rp_ns_put(view);
	return err;
}

static int rp_profiles_release(struct inode *inode, struct file *file)
{
	rp_ns_put(((struct seq_file *)file->private_data)->private);
	return single_release(inode, file);
}

static const struct file_operations rp_profiles_fops = {
	.open = rp_profiles_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = rp_profiles_release,
};

/**
 * struct rp_revision_file - an open "revision" file
 * @ns: the namespace whose revision it reports
 * @seen: the revision this file last returned in full
 *
 * A read blocks (or fails with -EAGAIN) until the namespace's revision
 * differs from @seen; reading the value to its end records it as seen and
 * rewinds, so the next read waits for the next change.
 */
struct rp_revision_file {
	struct rp_ns *ns;
	long seen;
};

static int rp_revision_open(struct inode *inode, struct file *file)
{
	struct rp_revision_file *rf = kzalloc(sizeof(*rf), GFP_KERNEL);

	if (!rf)
		return -ENOMEM;
	rf->ns = rp_ns_get(inode->i_private ?: rp_label_ns(rp_current_label()));
	file->private_data = rf;
	return 0;
}

static int rp_revision_release(struct inode *inode, struct file *file)
{
	struct rp_revision_file *rf = file->private_data;

	rp_ns_put(rf->ns);
	kfree(rf);
	return 0;
}

static ssize_t rp_revision_read(struct file *file, char __user *ubuf,
				size_t count, loff_t *ppos)
{
	struct rp_revision_file *rf = file->private_data;
	struct rp_ns *ns = rf->ns;
	char buf[24];
	long rev;
	int len;

	rev = READ_ONCE(ns->revision);
	if (rev == rf->seen) {
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (wait_event_interruptible(ns->revision_wq,
					     READ_ONCE(ns->revision) != rf->seen))
			return -ERESTARTSYS;
		rev = READ_ONCE(ns->revision);
	}
	len = scnprintf(buf, sizeof(buf), "%ld\n", rev);
	if (*ppos + count >= len) {
		loff_t pos = *ppos;
		ssize_t ret = simple_read_from_buffer(ubuf, count, &pos, buf,
						      len);

		if (ret >= 0) {
			rf->seen = rev;
			*ppos = 0;
		}
		return ret;
	}
	return simple_read_from_buffer(ubuf, count, ppos, buf, len);
}

static __poll_t rp_revision_poll(struct file *file, poll_table *pt)
{
	struct rp_revision_file *rf = file->private_data;

	poll_wait(file, &rf->ns->revision_wq, pt);
	return READ_ONCE(rf->ns->revision) != rf->seen ?
	       EPOLLIN | EPOLLRDNORM : 0;
}

const struct file_operations rp_revision_fops = {
	.open = rp_revision_open,
	.read = rp_revision_read,
	.poll = rp_revision_poll,
	.llseek = generic_file_llseek,
	.release = rp_revision_release,
};

/* Policy writes larger than this are refused (the largest real sets are MBs). */
#define RP_POLICY_MAX_SIZE	(64u << 20)

/* The task writing is no more privileged than the one that opened. */
static bool rp_writer_is_opener_or_less(const struct cred *opener)
{
	const struct cred *w = current_cred();
	const struct rp_label *wl = rp_cred(w)->label;
	const struct rp_label *ol = rp_cred(opener)->label;
	u32 i, k;

	if (w == opener)
		return true;
	if (w->user_ns != opener->user_ns ||
	    !cap_issubset(w->cap_inheritable, opener->cap_inheritable) ||
	    !cap_issubset(w->cap_permitted, opener->cap_permitted) ||
	    !cap_issubset(w->cap_effective, opener->cap_effective) ||
	    !cap_issubset(w->cap_bset, opener->cap_bset) ||
	    !cap_issubset(w->cap_ambient, opener->cap_ambient))
		return false;
	for (i = 0; i < ol->size; i++) {
		for (k = 0; k < wl->size && wl->vec[k] != ol->vec[i]; k++)
			;
		if (k == wl->size)
			return false;
	}
	return true;
}

/* Stock's checks, in its order (kernel-interfaces.md 4.3). */
static int rp_policy_may_write(struct file *file, struct rp_ns *ns,
			       const char *op)
{
	const char *why;

	if (READ_ONCE(rp_lock_policy))
		why = "policy_locked";
	else if (!rp_writer_is_opener_or_less(file->f_cred))
		why = "not privileged for target profile";
	else if (!rp_policy_admin_capable(ns))
		why = "not policy admin";
	else
		return 0;
	pr_info("%s denied: %s\n", op, why);
	return -EACCES;
}

/*
 * What every policy write checks first. The target is the namespace of the
 * policy-tree directory the file is in, or for the securityfs copies the
 * writer's own.
 */
static int rp_policy_write_begin(struct file *file, loff_t *pos,
				 struct rp_ns **ns, const char *op)
{
	*ns = file_inode(file)->i_private ?: rp_label_ns(rp_current_label());
	if (*pos)
		return -ESPIPE;
	return rp_policy_may_write(file, *ns, op);
}

static ssize_t rp_load_write(struct file *file, const char __user *ubuf,
			     size_t size, loff_t *pos, bool replace)
{
	const char *op = replace ? "profile_replace" : "profile_load";
	struct rp_rawdata *rd = NULL;
	struct rp_unpack_error uerr;
	struct rp_policy_error perr;
	struct rp_unpacked *u;
	struct rp_ns *ns;
	LIST_HEAD(list);
	bool hash;
	void *buf;
	int ret;

	ret = rp_policy_write_begin(file, pos, &ns, op);
	if (ret)
		return ret;
	if (size > RP_POLICY_MAX_SIZE)
		return -EFBIG;
	buf = vmemdup_user(ubuf, size);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	rp_ns_get(ns);
	ret = rp_unpack(buf, size, &list, &uerr);
	if (ret) {
		pr_info("%s: profile \"%s\": %s at offset %zu (error %d)\n",
			op, uerr.name[0] ? uerr.name : "?",
			uerr.info ?: "out of memory", uerr.offset, ret);
		if (uerr.dfa.what)
			pr_info("%s: dfa: %s at dfa offset %zu (entry %ld)\n",
				op, uerr.dfa.what, uerr.dfa.offset,
				uerr.dfa.index);
		rp_audit_status(op, uerr.info ?: "out of memory", ret,
				uerr.name[0] ? uerr.name : NULL, NULL);
		goto out;
	}
	hash = READ_ONCE(rp_hash_policy);
	if (READ_ONCE(rp_export_binary) && !list_empty(&list)) {
		/* kept as written; hashed and compressed after the load */
		u = list_first_entry(&list, struct rp_unpacked, list);
		rd = rp_rawdata_adopt(buf, size, u->abi,
				      READ_ONCE(rp_rawdata_compression_level),
				      hash, &list);
		if (!rd) {
			rp_unpacked_free_all(&list);
			ret = -ENOMEM;
			goto out;
		}
		buf = NULL;
	} else if (hash) {
		list_for_each_entry(u, &list, list)
			rp_hash_record(buf, u);
	}
	ret = rp_policy_load(ns, &list, replace, rd, &perr);
	if (ret) {
		rp_unpacked_free_all(&list);
		pr_info("%s: profile \"%s\": %s (error %d)\n", op,
			perr.name[0] ? perr.name : "?",
			perr.info ?: "out of memory", ret);
		rp_audit_status(op, perr.info ?: "out of memory", ret,
				perr.name[0] ? perr.name : NULL, NULL);
	}
out:
	rp_ns_put(ns);
	kvfree(buf);
	return ret ?: size;
}

static ssize_t rp_dot_load_write(struct file *file, const char __user *ubuf,
				 size_t size, loff_t *pos)
{
	return rp_load_write(file, ubuf, size, pos, false);
}

static ssize_t rp_dot_replace_write(struct file *file,
				    const char __user *ubuf, size_t size,
				    loff_t *pos)
{
	return rp_load_write(file, ubuf, size, pos, true);
}

static ssize_t rp_dot_remove_write(struct file *file, const char __user *ubuf,
				   size_t size, loff_t *pos)
{
	struct rp_policy_error perr;
	struct rp_ns *ns;
	char *name;
	int ret;

	ret = rp_policy_write_begin(file, pos, &ns, "profile_remove");
	if (ret)
		return ret;
	if (size > PATH_MAX)
		return -EFBIG;
	/* the name ends at the first NUL; a newline is part of it */
	name = memdup_user_nul(ubuf, size);
	if (IS_ERR(name))
		return PTR_ERR(name);
	rp_ns_get(ns);
	ret = rp_policy_remove(ns, name, &perr);
	if (ret) {
		pr_info("profile_remove: \"%s\": %s (error %d)\n", name,
			perr.info ?: "out of memory", ret);
		rp_audit_status("profile_remove", perr.info ?: "out of memory",
				ret, name, NULL);
	}
	rp_ns_put(ns);
	kfree(name);
	return ret ?: size;
}

const struct file_operations rp_dot_load_fops = {
	.write = rp_dot_load_write,
	.llseek = default_llseek,
};

const struct file_operations rp_dot_replace_fops = {
	.write = rp_dot_replace_write,
	.llseek = default_llseek,
};

const struct file_operations rp_dot_remove_fops = {
	.write = rp_dot_remove_write,
	.llseek = default_llseek,
};

/**
 * struct rp_fs_entry - a file of the top-level directory
 * @name: its name (ABI)
 * @mode: its permission bits
 * @data: the inode's private data
 * @fops: its operations
 */
struct rp_fs_entry {
	const char *name;
	umode_t mode;
	const void *data;
	const struct file_operations *fops;
};

/* In creation order, which is the order userspace's readdir reverses. */
static const struct rp_fs_entry rp_fs_before_features[] = {
	{ ".access", 0666, NULL, &rp_access_fops },
	{ ".stacked", 0444, &rp_text_stacked, &rp_text_fops },
	{ ".ns_stacked", 0444, &rp_text_ns_stacked, &rp_text_fops },
	{ ".ns_level", 0444, &rp_text_ns_level, &rp_text_fops },
	{ ".ns_name", 0444, NULL, &rp_ns_name_fops },
	{ "profiles", 0444, NULL, &rp_profiles_fops },
	{ "raw_data_compression_level_min", 0444, &rp_text_cmin, &rp_text_fops },
	{ "raw_data_compression_level_max", 0444, &rp_text_cmax, &rp_text_fops },
};

static const struct rp_fs_entry rp_fs_after_features[] = {
	{ ".load", 0666, NULL, &rp_dot_load_fops },
	{ ".replace", 0666, NULL, &rp_dot_replace_fops },
	{ ".remove", 0666, NULL, &rp_dot_remove_fops },
	{ "revision", 0444, NULL, &rp_revision_fops },
};

static int rp_fs_add(const struct rp_fs_entry *e, size_t n)
{
	struct dentry *d;
	size_t i;

	for (i = 0; i < n; i++) {
		d = securityfs_create_file(e[i].name, S_IFREG | e[i].mode,
					   rp_fs_dir, (void *)e[i].data,
					   e[i].fops);
		if (IS_ERR(d))
			return PTR_ERR(d);
	}
	return 0;
}

static int __init rp_fs_init(void)
{
	int err;

	if (!rp_initialized)
		return 0;

	rp_fs_dir = securityfs_create_dir("apparmor", NULL);
	if (IS_ERR(rp_fs_dir)) {
		err = PTR_ERR(rp_fs_dir);
		rp_fs_dir = NULL;
		goto fail;
	}
	err = rp_fs_add(rp_fs_before_features,
			ARRAY_SIZE(rp_fs_before_features));
	if (!err)
		err = rp_features_create(rp_fs_dir);
	if (!err)
		err = rp_fs_add(rp_fs_after_features,
				ARRAY_SIZE(rp_fs_after_features));
	if (!err)
		err = rp_policyfs_init(rp_fs_dir);
	if (!err)
		err = rp_file_null_create(rp_fs_dir);
	if (err)
		goto fail;
	pr_info("AppArmor Filesystem Enabled\n");
	return 0;

fail:
	securityfs_recursive_remove(rp_fs_dir);
	rp_fs_dir = NULL;
	pr_err("cannot create securityfs entries: %d\n", err);
	return err;
}
fs_initcall(rp_fs_init);
