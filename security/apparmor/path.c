// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: file names for rules (mediation.md 2.1). A name is absolute
 * from the root of the caller's mount namespace (or from its chroot, for
 * chroot_relative profiles); a file that cannot be reached that way is
 * "disconnected" and, unless the profile attaches such names, cannot be
 * mediated by name at all.
 *
 * Names are built from the end of a buffer of path_max bytes. Buffers
 * come from a small per-CPU stash, so a check on the hot path does not
 * allocate; the stash is refilled by whoever returns a buffer.
 */
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/magic.h>
#include <linux/mount.h>
#include <linux/path.h>
#include <linux/percpu.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "params.h"
#include "path.h"

/* Spare buffers per CPU: enough for the two names of a link or rename. */
#define RP_BUF_STASH 2

struct rp_buf_stash {
	char *slot[RP_BUF_STASH];
};

static DEFINE_PER_CPU(struct rp_buf_stash, rp_buf_stash);

/**
 * rp_buf_get() - a scratch buffer of rp_path_max bytes
 * @gfp: how to allocate one if this CPU has none spare
 *
 * Return: the buffer (give it back with rp_buf_put()), or NULL.
 */
char *rp_buf_get(gfp_t gfp)
{
	char *buf;
	int i;

	for (i = 0; i < RP_BUF_STASH; i++) {
		buf = this_cpu_xchg(rp_buf_stash.slot[i], NULL);
		if (buf)
			return buf;
	}
	return kmalloc(rp_path_max, gfp | __GFP_NOWARN);
}

/**
 * rp_buf_put() - give back a buffer from rp_buf_get()
 * @buf: the buffer, or NULL
 *
 * It goes to this CPU's stash if a slot is free (the task may have moved
 * CPU since it took the buffer; any CPU's stash will do), else it is freed.
 */
void rp_buf_put(char *buf)
{
	int i;

	if (!buf)
		return;
	for (i = 0; i < RP_BUF_STASH; i++)
		if (!this_cpu_cmpxchg(rp_buf_stash.slot[i], NULL, buf))
			return;
	kfree(buf);
}

/* Put @len bytes of @s in front of @n->str, inside @n->buf. */
static int rp_name_prepend(struct rp_name *n, const char *s, size_t len)
{
	char *at = (char *)n->str;
	bool room = at - n->buf >= len;

	if (!room)
		return -ENAMETOOLONG;	/* no room left in front */
	at -= len;
	memcpy(at, s, len);
	n->str = at;
	return 0;
}

/*
 * A name that does not reach the root. A profile that attaches such names
 * gets them absolute; otherwise the name (leading '/' dropped, so no rule
 * for an absolute path can match it) is only for the record, and the
 * check fails. chroot_attach treats a name outside the chroot as
 * connected when the mount is in the caller's namespace.
 */
static int rp_name_disconnected(const struct path *path, u32 flags,
				struct rp_name *n)
{
	u32 attach = RP_PATH_CHROOT_REL | RP_PATH_CHROOT_ATTACH;

	if (!(flags & RP_PATH_CONNECT) &&
	    !((flags & attach) == attach && our_mnt(path->mnt))) {
		if (*n->str == '/')
			n->str++;
		return -EACCES;
	}
	if (*n->str != '/')
		return rp_name_prepend(n, "/", 1);
	return 0;
}

/* The name of a file on a mount that is not attached anywhere. */
static int rp_name_internal(const struct path *path, u32 flags, int len,
			    struct rp_name *n)
{
	const struct super_block *sb = path->dentry->d_sb;
	char *s = dentry_path(path->dentry, n->buf, len);

	if (IS_ERR(s))
		return PTR_ERR(s);
	n->str = s;
	/* sysctl files reached through the kernel's own proc mount */
	if (sb->s_magic == PROC_SUPER_MAGIC && str_has_prefix(s, "/sys/"))
		return rp_name_prepend(n, "/proc", 5);
	return rp_name_disconnected(path, flags, n);
}

/*
 * The caller's root (its chroot) without taking references, so that
 * names can be made where sleeping is not allowed (af_unix.c runs under
 * RCU and socket locks; a path_put() there may sleep). Dentries and
 * mounts are freed after a grace period: @top stays usable until the
 * caller's RCU read-side section ends.
 */
static const struct path *rp_fs_root_rcu(struct path *top)
{
	struct fs_struct *fs = current->fs;
	unsigned int seq;

	do {
		seq = read_seqcount_begin(&fs->seq);
		*top = fs->root;
	} while (read_seqcount_retry(&fs->seq, seq));
	return top;
}

static int rp_name_build(const struct path *path, u32 flags, int len,
			 struct rp_name *n)
{
	struct path top;
	bool connected = true;
	char *s;
	int err;

	if (path->mnt->mnt_flags & MNT_INTERNAL)
		return rp_name_internal(path, flags, len, n);

	if (flags & RP_PATH_CHROOT_REL) {
		rcu_read_lock();
		s = __d_path(path, rp_fs_root_rcu(&top), n->buf, len);
		rcu_read_unlock();
	} else {
		s = d_absolute_path(path, n->buf, len);
		connected = our_mnt(path->mnt);
	}
	if (PTR_ERR_OR_ZERO(s) == -ENAMETOOLONG)
		return PTR_ERR(s);
	if (IS_ERR_OR_NULL(s)) {
		/* not reachable from the root: name it from its own fs root */
		connected = false;
		s = dentry_path_raw(path->dentry, n->buf, len);
		if (IS_ERR(s))
			return PTR_ERR(s);
	}
	n->str = s;
	if (!connected) {
		err = rp_name_disconnected(path, flags, n);
		if (err)
			return err;
	}
	/*
	 * A deleted file that is still open keeps its last name when the
	 * flags allow it. (A dentry being created can look unlinked before
	 * it has an inode; that is not a deleted file.)
	 */
	if (!(flags & (RP_PATH_MEDIATE_DELETED | RP_PATH_DELEGATE_DELETED)) &&
	    d_is_positive(path->dentry) && d_unlinked(path->dentry))
		return -ENOENT;
	return 0;
}

static const char *rp_name_info(int err)
{
	switch (err) {
	case -ENOENT:
		return "Failed name lookup - deleted entry";
	case -EACCES:
		return "Failed name lookup - disconnected path";
	case -ENAMETOOLONG:
		return "Failed name lookup - name too long";
	default:
		return "Failed name lookup";
	}
}

/**
 * rp_path_name() - the name of @path that rules are matched against
 * @path: the file
 * @flags: RP_PATH_* bits (the profile's path flags, RP_PATH_DIR)
 * @name: ->buf must hold a buffer from rp_buf_get(); ->str and ->info
 *        are set
 *
 * Directories (RP_PATH_DIR) get a trailing '/', except the root itself.
 *
 * Return: 0, or the errno the check fails with (->info says why; ->str
 * may still hold a partial name for the record, or be NULL).
 */
int rp_path_name(const struct path *path, u32 flags, struct rp_name *name)
{
	bool dir = flags & RP_PATH_DIR;
	int len = rp_path_max - (dir ? 1 : 0);
	int err;

	name->str = NULL;
	name->info = NULL;
	err = rp_name_build(path, flags, len, name);
	if (err) {
		name->info = rp_name_info(err);
		if (err == -ENAMETOOLONG)
			name->str = NULL;
		return err;
	}
	/* the name ends at buf[len - 1]: the spare byte takes the NUL */
	name->len = name->buf + len - 1 - name->str;
	if (dir && strcmp(name->str, "/")) {
		name->buf[len - 1] = '/';
		name->buf[len] = '\0';
		name->len++;
	}
	return 0;
}
