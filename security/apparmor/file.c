// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: file mediation (mediation.md 1.3 and 2).
 *
 * Two kinds of check. A path check names the object and matches the name
 * in the file rules of every confined profile of the caller's label: open,
 * create, delete, rename, link, attributes. A revalidation looks at a file
 * already open: it passes without a name when the caller's profiles have
 * all vouched for the file before with at least the permissions now asked
 * for, which is the usual read() and write(); otherwise it is a path check
 * of what is new, and the file remembers the result.
 */
#define pr_fmt(fmt) "AppArmor: " fmt

#include <kunit/visibility.h>
#include <linux/cred.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/lsm_hooks.h>
#include <linux/major.h>
#include <linux/mman.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/rcupdate.h>
#include <linux/security.h>
#include <linux/tty.h>
#include "audit.h"
#include "cred.h"
#include "dfa.h"
#include "file.h"
#include "lsm.h"
#include "net.h"
#include "path.h"
#include "perms.h"
#include "policy.h"
#include "unpack.h"

static inline struct rp_file_ctx *rp_file_ctx(const struct file *file)
{
	return file->f_security + rp_blob_sizes.lbs_file;
}

/* The securityfs .null node and its mount (rp_file_null_create()). */
static struct path rp_null;

/**
 * struct rp_fobj - what a path check asks about its object
 * @op: the operation, for the record
 * @request: the permissions asked for
 * @ouid: the owner (for owner rules, and ouid= in the record)
 * @dir: the object is a directory (its name ends in '/')
 */
struct rp_fobj {
	const char *op;
	u32 request;
	kuid_t ouid;
	bool dir;
};

static const struct rp_perms rp_no_perms;

/* Files of filesystems nobody can mount (pipes, sockets...) have no name. */
static bool rp_path_mediated(const struct dentry *dentry)
{
	/* SB_NOUSER: an internal filesystem, never mounted by name */
	return (dentry->d_sb->s_flags & SB_NOUSER) == 0;
}

/* @inode's owner as seen through @path's mount (idmapped mounts). */
static kuid_t rp_owner(const struct path *path, const struct inode *inode)
{
	return vfsuid_into_kuid(i_uid_into_vfsuid(mnt_idmap(path->mnt),
						  inode));
}

/*
 * A small per-CPU memo of file-rule walks: which state a profile version's
 * file rules reach on a name. Rules never change once loaded (a replace
 * makes a new profile, with a new serial), so an entry is right for as
 * long as its key matches; a name is compared whole. Programs open the
 * same few files (libraries, configuration) over and over, and an exec
 * walks its binary's name twice; a hit costs a compare instead of a walk.
 */
#define RP_MEMO_WAYS	8
#define RP_MEMO_NAME	96

/**
 * struct rp_memo_slot - one remembered walk
 * @serial: the profile (rp_profile.serial); 0 = empty
 * @start: the state the walk began in
 * @state: the state it ended in
 * @len: strlen() of @name
 * @name: the name walked
 */
struct rp_memo_slot {
	u64 serial;
	u32 start;
	u32 state;
	u32 len;
	char name[RP_MEMO_NAME];
};

struct rp_memo {
	struct rp_memo_slot slot[RP_MEMO_WAYS];
	unsigned int next;
};

static DEFINE_PER_CPU(struct rp_memo, rp_memo);

/**
 * rp_file_match() - the state @p's file rules reach on @name from @start
 * @p: the profile
 * @db: its file rules
 * @start: where the walk begins
 * @name: the name
 * @len: strlen(@name)
 *
 * Return: the state.
 */
unsigned int rp_file_match(const struct rp_profile *p,
			   const struct rp_policydb *db, unsigned int start,
			   const char *name, size_t len)
{
	struct rp_memo_slot *e;
	struct rp_memo *m;
	unsigned int state;
	int i;

	if (len >= RP_MEMO_NAME)
		return rp_dfa_match(db->dfa, start, name);
	m = get_cpu_ptr(&rp_memo);
	for (i = 0; i < RP_MEMO_WAYS; i++) {
		e = &m->slot[i];
		if (e->serial == p->serial && e->len == len &&
		    e->start == start && !memcmp(e->name, name, len)) {
			state = e->state;
			put_cpu_ptr(&rp_memo);
			return state;
		}
	}
	put_cpu_ptr(&rp_memo);

	state = rp_dfa_match(db->dfa, start, name);

	m = get_cpu_ptr(&rp_memo);
	e = &m->slot[m->next++ % RP_MEMO_WAYS];
	e->serial = p->serial;
	e->start = start;
	e->state = state;
	e->len = len;
	memcpy(e->name, name, len);
	put_cpu_ptr(&rp_memo);
	return state;
}

/* The rules entry @p's file rules give @name (@len bytes), owner or other. */
static const struct rp_perms *rp_file_perms_len(const struct rp_profile *p,
						const char *name, size_t len,
						kuid_t ouid,
						unsigned int *statep)
{
	const struct rp_policydb *db;
	unsigned int state;

	db = p->rules ? rp_file_rules_of(p->rules, &state) : NULL;
	if (!db)
		return &rp_no_perms;
	state = rp_file_match(p, db, state, name, len);
	if (statep)
		*statep = state;
	return rp_perms_lookup(db->perms, db->nperms, db->dfa->accept[state],
			       !uid_eq(current_fsuid(), ouid));
}

/* The same for a name of unknown length. */
VISIBLE_IF_KUNIT const struct rp_perms *
rp_file_perms(const struct rp_profile *p, const char *name, kuid_t ouid,
	      unsigned int *statep)
{
	return rp_file_perms_len(p, name, strlen(name), ouid, statep);
}

/* One component's answer for a named object. */
static int rp_file_profile(const struct rp_profile *p,
			   const struct rp_name *n, const struct rp_fobj *o)
{
	const struct rp_perms *perms;
	struct rp_audit a;

	perms = rp_file_perms_len(p, n->str, n->len, o->ouid, NULL);
	/* the usual answer: granted, nothing to log */
	if (rp_grant_is_silent(p, perms, o->request))
		return 0;
	a = (struct rp_audit){ .op = o->op, .class_name = "file",
			       .profile = p, .name = n->str, .ouid = o->ouid };
	return rp_audit_decide(&a, p, perms, o->request, -EACCES);
}

/* One component's answer when the object could not be named. */
static int rp_file_unnamed(const struct rp_profile *p,
			   const struct rp_name *n, const struct rp_fobj *o,
			   int err)
{
	struct rp_audit a = {
		.op = o->op, .class_name = "file", .info = n->info,
		.error = err, .profile = p, .name = n->str, .ouid = o->ouid,
	};

	return rp_audit_decide(&a, p, &rp_no_perms, o->request, err);
}

/* Name flags for @p: its policy's, with deleted files always named. */
static u32 rp_name_flags(const struct rp_profile *p, bool dir)
{
	u32 flags = p->rules ? p->rules->path_flags : RP_PATH_MEDIATE_DELETED;

	return flags | RP_PATH_DELEGATE_DELETED | (dir ? RP_PATH_DIR : 0);
}

/*
 * Check @o at @path against every confined profile of @label, leaving out
 * those of @skip (if not NULL). The name is made once, again only for a
 * profile whose flags name it otherwise. Every component is asked (each
 * denial has its record); the last error is the answer.
 */
static int rp_path_check(const struct rp_label *label,
			 const struct rp_label *skip,
			 const struct path *path, const struct rp_fobj *o)
{
	const struct rp_profile *p;
	struct rp_name n = { };
	u32 flags, named = 0;
	int err = 0, nerr = 0, e;
	u32 i;

	rp_label_for_each_confined(label, i, p) {
		if (skip && rp_label_within(&p->label, skip))
			continue;
		if (!n.buf) {
			n.buf = rp_buf_get(GFP_KERNEL);
			if (!n.buf)
				return -ENOMEM;
		}
		flags = rp_name_flags(p, o->dir);
		if (flags != named) {
			nerr = rp_path_name(path, flags, &n);
			named = flags;
		}
		e = nerr ? rp_file_unnamed(p, &n, o, nerr) :
			   rp_file_profile(p, &n, o);
		if (e)
			err = e;
	}
	rp_buf_put(n.buf);
	return err;
}

/*
 * The caller's label for a check: its cred's, brought up to date if a
 * profile was replaced. *@put says whether the caller owns a reference.
 */
static struct rp_label *rp_label_begin(const struct cred *cred, bool *put)
{
	struct rp_label *label = rp_cred(cred)->label;

	*put = false;
	if (likely(!rp_label_is_stale(label)))
		return label;
	label = rp_label_newest(label);
	if (!label)
		return rp_cred(cred)->label;
	*put = true;
	return label;
}

static void rp_label_end(struct rp_label *label, bool put)
{
	if (put)
		rp_label_put(label);
}

/* Ask the caller's label about @o at @path (nothing if unconfined). */
static int rp_path_ask(const struct path *path, const struct rp_fobj *o)
{
	struct rp_label *label;
	bool put;
	int err = 0;

	label = rp_label_begin(current_cred(), &put);
	if (!rp_label_is_unconfined(label))
		err = rp_path_check(label, NULL, path, o);
	rp_label_end(label, put);
	return err;
}

/* A path check by the caller on an existing object. */
static int rp_path_perm(const char *op, const struct path *path, u32 request)
{
	struct inode *obj = d_backing_inode(path->dentry);
	struct rp_fobj o;

	if (!obj || !rp_path_mediated(path->dentry))
		return 0;
	o = (struct rp_fobj){ .op = op, .request = request,
			      .ouid = rp_owner(path, obj),
			      .dir = S_ISDIR(obj->i_mode) };
	return rp_path_ask(path, &o);
}

/* A path check of a name about to be made: the caller will own it. */
static int rp_path_create(const char *op, const struct path *dir,
			  struct dentry *newborn, umode_t type)
{
	const struct path at = { .dentry = newborn, .mnt = dir->mnt };
	const struct rp_fobj o = {
		.op = op, .request = RP_MAY_CREATE, .ouid = current_fsuid(),
		.dir = S_ISDIR(type),
	};

	if (!rp_path_mediated(dir->dentry))
		return 0;
	return rp_path_ask(&at, &o);
}

/* A path check of a name about to go. */
static int rp_path_remove(const char *op, const struct path *dir,
			  struct dentry *victim)
{
	const struct path at = { .dentry = victim, .mnt = dir->mnt };

	return rp_path_perm(op, &at, RP_MAY_DELETE);
}

static int rp_path_unlink(const struct path *dir, struct dentry *dentry)
{
	return rp_path_remove("unlink", dir, dentry);
}

static int rp_path_rmdir(const struct path *dir, struct dentry *dentry)
{
	return rp_path_remove("rmdir", dir, dentry);
}

static int rp_path_mkdir(const struct path *dir, struct dentry *dentry,
			 umode_t mode)
{
	return rp_path_create("mkdir", dir, dentry, S_IFDIR);
}

static int rp_path_mknod(const struct path *dir, struct dentry *dentry,
			 umode_t mode, unsigned int devno)
{
	return rp_path_create("mknod", dir, dentry, mode);
}

static int rp_path_symlink(const struct path *dir, struct dentry *dentry,
			   const char *body)
{
	return rp_path_create("symlink", dir, dentry, S_IFLNK);
}

static int rp_path_truncate(const struct path *path)
{
	return rp_path_perm("truncate", path, RP_MAY_WRITE | RP_MAY_SETATTR);
}

static int rp_file_truncate(struct file *file)
{
	return rp_path_truncate(&file->f_path);
}

static int rp_path_chmod(const struct path *path, umode_t mode)
{
	return rp_path_perm("chmod", path, RP_MAY_CHMOD);
}

static int rp_path_chown(const struct path *path, kuid_t uid, kgid_t gid)
{
	return rp_path_perm("chown", path, RP_MAY_CHOWN);
}

/*
 * Does @p grant getattr on every name, to owner and other, with nothing
 * to log? Then a stat needs no name (rp_unpacked.getattr_always).
 */
static bool rp_getattr_is_free(const struct rp_profile *p)
{
	return p->rules && p->rules->getattr_always &&
	       rp_profile_audit(p) != RP_AUDIT_ALL;
}

static int rp_inode_getattr(const struct path *path)
{
	const struct rp_label *label = rp_current_label();
	const struct rp_profile *p;
	u32 i;

	if (rp_label_is_stale(label))
		return rp_path_perm("getattr", path, RP_MAY_GETATTR);
	/* the usual case: every profile grants it everywhere, silently */
	rp_label_for_each_confined(label, i, p)
		if (!rp_getattr_is_free(p))
			return rp_path_perm("getattr", path, RP_MAY_GETATTR);
	return 0;
}

/* ---- rename and link ---- */

static int rp_rename_one(const struct rp_label *label, const struct path *src,
			 const struct path *dst, kuid_t ouid, bool dir)
{
	struct rp_fobj from = {
		.op = "rename_src", .ouid = ouid, .dir = dir,
		.request = RP_MAY_READ | RP_MAY_GETATTR | RP_MAY_WRITE |
			   RP_MAY_SETATTR | RP_MAY_DELETE,
	};
	struct rp_fobj to = {
		.op = "rename_dest", .ouid = ouid, .dir = dir,
		.request = RP_MAY_WRITE | RP_MAY_SETATTR | RP_MAY_CREATE,
	};

	return rp_path_check(label, NULL, src, &from) ?:
	       rp_path_check(label, NULL, dst, &to);
}

static int rp_path_rename(const struct path *old_dir,
			  struct dentry *old_dentry,
			  const struct path *new_dir,
			  struct dentry *new_dentry, unsigned int flags)
{
	struct path old = { .mnt = old_dir->mnt, .dentry = old_dentry };
	struct path new = { .mnt = new_dir->mnt, .dentry = new_dentry };
	struct inode *moved = d_backing_inode(old_dentry);
	bool swap = flags & RENAME_EXCHANGE;
	struct rp_label *label;
	bool put;
	int err = 0;

	if (!moved || !rp_path_mediated(old_dentry))
		return 0;
	label = rp_label_begin(current_cred(), &put);
	if (rp_label_is_unconfined(label))
		goto out;
	if (swap) {
		struct inode *other = d_backing_inode(new_dentry);

		/* the other file moves the other way */
		if (other)
			err = rp_rename_one(label, &new, &old,
					    rp_owner(&new, other),
					    S_ISDIR(other->i_mode));
	}
	if (!err)
		err = rp_rename_one(label, &old, &new, rp_owner(&old, moved),
				    S_ISDIR(moved->i_mode));
out:
	rp_label_end(label, put);
	return err;
}

/*
 * Link subset: an exec transition on the link must be the target's, and
 * only an unsafe target may stand for an unsafe link.
 */
static bool rp_xindex_within(u32 link, u32 target)
{
	if ((link & ~RP_X_UNSAFE) != (target & ~RP_X_UNSAFE))
		return false;
	return !(link & RP_X_UNSAFE) || (target & RP_X_UNSAFE);
}

/*
 * May @p make link @lname to @tname (mediation.md 2.5)? The link name
 * must grant link; so must the pair "link NUL target", whose entry also
 * says whether the link may grant no more than the target does.
 */
VISIBLE_IF_KUNIT int rp_link_profile(const struct rp_profile *p,
				     const char *lname, const char *tname,
				     kuid_t ouid)
{
	const struct rp_policydb *db;
	const struct rp_perms *lp, *pair, *tp;
	struct rp_perms verdict;
	struct rp_audit a = {
		.op = "link", .class_name = "file", .profile = p,
		.name = lname, .ouid = ouid, .target_name = tname,
	};
	unsigned int state, start;
	u32 request = RP_MAY_LINK, extra;

	lp = rp_file_perms(p, lname, ouid, &state);
	verdict = *lp;
	if (!(lp->allow & RP_MAY_LINK))
		goto decide;
	db = rp_file_rules_of(p->rules, &start);
	state = rp_dfa_null_step(db->dfa, state);
	state = rp_dfa_match(db->dfa, state, tname);
	pair = rp_perms_lookup(db->perms, db->nperms, db->dfa->accept[state],
			       !uid_eq(current_fsuid(), ouid));
	/* the pair's entry carries what to log about the link */
	verdict.audit = pair->audit;
	verdict.quiet = pair->quiet;
	verdict.kill = pair->kill;
	if (!(pair->allow & RP_MAY_LINK)) {
		a.info = "target restricted";
		a.error = -EACCES;
		verdict = *pair;
		goto decide;
	}
	/* in a pair's entry, the lock bit asks for the subset test */
	if (!(pair->allow & RP_MAY_LOCK))
		goto decide;
	tp = rp_file_perms(p, tname, ouid, NULL);
	extra = lp->allow & ~RP_MAY_LINK & ~tp->allow;
	if (extra) {
		request |= extra;
		verdict.allow &= ~extra;
	} else if ((lp->allow & RP_MAY_EXEC) &&
		   !rp_xindex_within(lp->xindex, tp->xindex)) {
		a.info = "link not subset of target";
		a.error = -EACCES;
		request |= RP_MAY_EXEC;
		verdict.allow &= ~RP_MAY_EXEC;
	}
decide:
	return rp_audit_decide(&a, p, &verdict, request, -EACCES);
}

static int rp_path_link(struct dentry *old_dentry, const struct path *new_dir,
			struct dentry *made)
{
	const struct path link = { .dentry = made, .mnt = new_dir->mnt };
	const struct path target = { .dentry = old_dentry,
				     .mnt = new_dir->mnt };
	struct inode *linked = d_backing_inode(old_dentry);
	struct rp_name ln = { }, tn = { };
	struct rp_fobj o = { .op = "link", .request = RP_MAY_LINK };
	const struct rp_profile *p;
	struct rp_label *label;
	u32 i, flags, named = 0;
	int err = 0, e, lerr = 0, terr = 0;
	bool put;

	if (!linked || !rp_path_mediated(old_dentry))
		return 0;
	label = rp_label_begin(current_cred(), &put);
	if (rp_label_is_unconfined(label))
		goto out;
	o.ouid = rp_owner(&target, linked);
	ln.buf = rp_buf_get(GFP_KERNEL);
	tn.buf = rp_buf_get(GFP_KERNEL);
	if (!ln.buf || !tn.buf) {
		err = -ENOMEM;
		goto out;
	}
	rp_label_for_each_confined(label, i, p) {
		flags = rp_name_flags(p, false);
		if (flags != named) {
			lerr = rp_path_name(&link, flags, &ln);
			terr = lerr ? 0 : rp_path_name(&target, flags, &tn);
			named = flags;
		}
		if (lerr)
			e = rp_file_unnamed(p, &ln, &o, lerr);
		else if (terr)
			e = rp_file_unnamed(p, &tn, &o, terr);
		else
			e = rp_link_profile(p, ln.str, tn.str, o.ouid);
		if (e)
			err = e;
	}
out:
	rp_buf_put(ln.buf);
	rp_buf_put(tn.buf);
	rp_label_end(label, put);
	return err;
}

/* ---- open files ---- */

/* The permissions an open file's mode stands for (mediation.md 2.3). */
VISIBLE_IF_KUNIT u32 rp_open_request(const struct file *file)
{
	fmode_t fm = file->f_mode;
	unsigned int fl = file->f_flags;
	u32 request = fm & FMODE_READ ? RP_MAY_READ : 0;

	if (fm & FMODE_WRITE)
		request |= fl & O_APPEND ? RP_MAY_APPEND : RP_MAY_WRITE;
	/* truncating writes, creating asks for create even if it exists */
	request |= fl & O_TRUNC ? RP_MAY_WRITE : 0;
	request |= fl & O_CREAT ? RP_MAY_CREATE : 0;
	return request;
}

static int rp_file_alloc_security(struct file *file)
{
	struct rp_file_ctx *fc = rp_file_ctx(file);

	spin_lock_init(&fc->lock);
	RCU_INIT_POINTER(fc->label, rp_label_get(rp_current_label()));
	fc->allow = 0;
	return 0;
}

static void rp_file_free_security(struct file *file)
{
	struct rp_file_ctx *fc = rp_file_ctx(file);

	rp_label_put(rcu_dereference_protected(fc->label, true));
	RCU_INIT_POINTER(fc->label, NULL);
}

static int rp_file_open(struct file *file)
{
	struct rp_file_ctx *fc = rp_file_ctx(file);
	struct inode *obj = file_inode(file);
	struct rp_label *label;
	struct rp_fobj o;
	bool put;
	int err = 0;

	if (!rp_path_mediated(file->f_path.dentry))
		return 0;
	/*
	 * The exec check was made on the binary already (domain.c); what
	 * running it needs is granted with it (FMODE_EXEC lives in f_flags).
	 */
	if (unlikely(file->f_flags & __FMODE_EXEC)) {
		fc->allow = RP_MAY_EXEC | RP_MAY_READ | RP_MAY_MMAP_EXEC;
		return 0;
	}
	label = rp_label_begin(file->f_cred, &put);
	if (!rp_label_is_unconfined(label)) {
		o = (struct rp_fobj){ .op = "open",
				      .request = rp_open_request(file),
				      .ouid = rp_owner(&file->f_path, obj),
				      .dir = S_ISDIR(obj->i_mode) };
		err = rp_path_check(label, NULL, &file->f_path, &o);
		fc->allow = o.request;
	}
	rp_label_end(label, put);
	return err;
}

/* The file's label, with a reference. */
static struct rp_label *rp_file_label(struct rp_file_ctx *fc)
{
	struct rp_label *label;

	spin_lock(&fc->lock);
	label = rp_label_get(rcu_dereference_protected(fc->label,
						       lockdep_is_held(&fc->lock)));
	spin_unlock(&fc->lock);
	return label;
}

/*
 * After a successful check by @label of @request: the file now stands
 * for both labels (if they still fit in one) and for the request.
 */
static void rp_file_vouch(struct rp_file_ctx *fc, struct rp_label *seen,
			  struct rp_label *label, u32 request)
{
	struct rp_label *both = NULL, *old = NULL;

	if (!rp_label_within(label, seen))
		both = rp_label_union(seen, label);
	spin_lock(&fc->lock);
	if (both && rcu_access_pointer(fc->label) == seen) {
		old = rcu_dereference_protected(fc->label,
						lockdep_is_held(&fc->lock));
		rcu_assign_pointer(fc->label, both);
		both = NULL;
	}
	fc->allow |= request;
	spin_unlock(&fc->lock);
	rp_label_put(old);
	rp_label_put(both);
}

/*
 * May @label use @file for @request (mediation.md 2.8)? The .null file
 * refuses everyone; a file an unconfined task opened serves everyone.
 */
static int rp_file_revalidate(struct file *file, const char *op, u32 request,
			      struct rp_label *label)
{
	struct rp_file_ctx *fc = rp_file_ctx(file);
	struct rp_label *seen, *newest;
	struct inode *obj = file_inode(file);
	struct rp_fobj o;
	bool fresh;
	int err;

	if (unlikely(file->f_path.dentry == rp_null.dentry))
		return -EACCES;
	if (rp_label_is_unconfined(label) || !request)
		return 0;

	rcu_read_lock();
	seen = rcu_dereference(fc->label);
	if (rp_label_is_unconfined(seen) ||
	    (!(request & ~READ_ONCE(fc->allow)) &&
	     rp_label_within(label, seen))) {
		rcu_read_unlock();
		return 0;
	}
	rcu_read_unlock();

	seen = rp_file_label(fc);
	/* replaced profiles still count as the same (no revocation) */
	newest = rp_label_newest(seen);
	if (newest && (rp_label_is_unconfined(newest) ||
		       (!(request & ~READ_ONCE(fc->allow)) &&
			rp_label_within(label, newest)))) {
		rp_label_put(newest);
		rp_label_put(seen);
		return 0;
	}
	if (!rp_path_mediated(file->f_path.dentry)) {
		/* sockets: the network check (net.c); pipes: nothing */
		err = rp_sock_file_perm(file, op, request, label);
		goto out;
	}
	o = (struct rp_fobj){ .op = op, .request = request,
			      .ouid = rp_owner(&file->f_path, obj),
			      .dir = S_ISDIR(obj->i_mode) };
	/* bits never granted before need every profile's word */
	fresh = request & ~READ_ONCE(fc->allow);
	err = rp_path_check(label, fresh ? NULL : newest ?: seen,
			    &file->f_path, &o);
out:
	if (!err)
		rp_file_vouch(fc, seen, label, request);
	rp_label_put(newest);
	rp_label_put(seen);
	return err;
}

/* A revalidation by the caller. */
static int rp_file_use(struct file *file, const char *op, u32 request)
{
	struct rp_file_ctx *fc = rp_file_ctx(file);
	struct rp_label *label = rp_current_label();
	bool put;
	int err;

	/*
	 * The read()/write() path: the caller's own label vouched for this
	 * already. Only pointers are compared (no RCU read needed), and a
	 * stale label still counts as the same: no revocation.
	 */
	if (rcu_access_pointer(fc->label) == label &&
	    !(request & ~READ_ONCE(fc->allow)) &&
	    likely(file->f_path.dentry != rp_null.dentry))
		return 0;
	label = rp_label_begin(current_cred(), &put);
	err = rp_file_revalidate(file, op, request, label);
	rp_label_end(label, put);
	return err;
}

static int rp_file_permission(struct file *file, int mask)
{
	/* MAY_READ, MAY_WRITE, MAY_APPEND match the RP_MAY_* bits */
	return rp_file_use(file, "file_perm",
			   mask & (MAY_READ | MAY_WRITE | MAY_APPEND));
}

static int rp_file_receive(struct file *file)
{
	return rp_file_use(file, "file_receive", rp_open_request(file));
}

static int rp_file_lock(struct file *file, unsigned int cmd)
{
	u32 request = RP_MAY_LOCK;

	if (cmd == F_WRLCK)
		request |= RP_MAY_WRITE;
	return rp_file_use(file, "file_lock", request);
}

/* What mapping @file with @prot needs (mediation.md 1.3). */
VISIBLE_IF_KUNIT u32 rp_map_request(unsigned long prot, bool shared)
{
	u32 request = prot & PROT_READ ? RP_MAY_READ : 0;

	/* a private writable mapping never writes the file */
	if (shared && (prot & PROT_WRITE))
		request |= RP_MAY_WRITE;
	return request | (prot & PROT_EXEC ? RP_MAY_MMAP_EXEC : 0);
}

static int rp_mmap_file(struct file *file, unsigned long asked,
			unsigned long prot, unsigned long mapflags)
{
	if (!file)
		return 0;
	return rp_file_use(file, "file_mmap",
			   rp_map_request(prot, !(mapflags & MAP_PRIVATE)));
}

static int rp_file_mprotect(struct vm_area_struct *vma, unsigned long reqprot,
			    unsigned long prot)
{
	if (!vma->vm_file)
		return 0;
	return rp_file_use(vma->vm_file, "file_mprotect",
			   rp_map_request(prot, vma->vm_flags & VM_SHARED));
}

/* ---- descriptors kept across an exec that changes the label ---- */

struct rp_inherit {
	struct rp_label *label;
	struct file *null;
};

/* iterate_fd() callback: 1 + @fd if @file must be looked at closely. */
static int rp_inherit_scan(const void *data, struct file *file, unsigned int fd)
{
	const struct rp_inherit *in = data;
	struct rp_file_ctx *fc = rp_file_ctx(file);
	const struct rp_label *seen;
	int more;

	rcu_read_lock();
	seen = rcu_dereference(fc->label);
	more = !rp_label_is_unconfined(seen) &&
	       (file->f_path.dentry == rp_null.dentry ||
		(rp_open_request(file) & ~READ_ONCE(fc->allow)) ||
		!rp_label_within(in->label, seen));
	rcu_read_unlock();
	return more ? fd + 1 : 0;
}

/* The controlling tty's first file, with a reference, or NULL. */
static struct file *rp_tty_file(void)
{
	struct tty_struct *tty = get_current_tty();
	struct tty_file_private *priv;
	struct file *file = NULL;

	if (!tty)
		return NULL;
	scoped_guard(spinlock, &tty->files_lock) {
		priv = list_first_entry_or_null(&tty->tty_files,
						struct tty_file_private,
						list);
		if (priv)
			file = get_file(priv->file);
	}
	tty_kref_put(tty);
	return file;
}

/**
 * rp_file_inherit() - revalidate the caller's files for its new label
 * @cred: the cred its exec is about to give it (its label not unconfined)
 *
 * From bprm_committing_creds, when the exec changes the label
 * (mediation.md 2.9): the controlling tty goes if the new label may not
 * read and write it; each descriptor the new label may not use with its
 * open mode is pointed at .null instead (or closed, without .null).
 */
void rp_file_inherit(const struct cred *cred)
{
	struct rp_label *label = rp_cred(cred)->label;
	struct rp_inherit in = { .label = label };
	struct files_struct *files = current->files;
	struct file *file;
	unsigned int n = 0;
	int fd1;

	file = rp_tty_file();
	if (file) {
		if (rp_file_revalidate(file, "file_inherit",
				       RP_MAY_READ | RP_MAY_WRITE, label))
			no_tty();
		fput(file);
	}
	if (!files)
		return;
	while ((fd1 = iterate_fd(files, n, rp_inherit_scan, &in)) != 0) {
		unsigned int fd = fd1 - 1;

		n = fd + 1;
		file = fget_raw(fd);
		if (!file)
			continue;
		if (rp_file_revalidate(file, "file_inherit",
				       rp_open_request(file), label)) {
			if (!in.null && rp_null.dentry) {
				in.null = dentry_open(&rp_null, O_RDWR, cred);
				if (IS_ERR(in.null))
					in.null = NULL;
			}
			if (in.null)
				replace_fd(fd, in.null, 0);
			else
				close_fd(fd);
		}
		fput(file);
	}
	if (in.null)
		fput(in.null);
}

/* ---- .null ---- */

/**
 * rp_file_null_create() - make the .null node in securityfs
 * @parent: the securityfs "apparmor" directory
 *
 * A character device (1:3), 0666, made directly in securityfs (its file
 * helper makes only regular files), and pinned with its mount so that
 * exec can open it.
 *
 * Return: 0 or an errno.
 */
int rp_file_null_create(struct dentry *parent)
{
	struct vfsmount *mnt = NULL;
	struct inode *dir = d_inode(parent), *node;
	struct dentry *dn;
	int count = 0, err;

	err = simple_pin_fs(parent->d_sb->s_type, &mnt, &count);
	if (err)
		return err;
	inode_lock(dir);
	dn = lookup_one_len(".null", parent, 5);
	err = PTR_ERR_OR_ZERO(dn);
	if (err)
		goto unlock;
	node = new_inode(dir->i_sb);
	if (!node) {
		dput(dn);
		err = -ENOMEM;
		goto unlock;
	}
	/* /dev/null's device numbers; any inode number will do */
	init_special_inode(node, S_IFCHR | 0666, MKDEV(MEM_MAJOR, 3));
	node->i_ino = get_next_ino();
	simple_inode_init_ts(node);
	d_instantiate(dn, node);
	rp_null.dentry = dget(dn);
	rp_null.mnt = mntget(mnt);
	dput(dn);
unlock:
	inode_unlock(dir);
	simple_release_fs(&mnt, &count);
	return err;
}

static struct security_hook_list rp_file_hooks[] __ro_after_init = {
	LSM_HOOK_INIT(file_alloc_security, rp_file_alloc_security),
	LSM_HOOK_INIT(file_free_security, rp_file_free_security),
	LSM_HOOK_INIT(file_open, rp_file_open),
	LSM_HOOK_INIT(file_permission, rp_file_permission),
	LSM_HOOK_INIT(file_receive, rp_file_receive),
	LSM_HOOK_INIT(file_lock, rp_file_lock),
	LSM_HOOK_INIT(mmap_file, rp_mmap_file),
	LSM_HOOK_INIT(file_mprotect, rp_file_mprotect),
	LSM_HOOK_INIT(file_truncate, rp_file_truncate),
	LSM_HOOK_INIT(path_truncate, rp_path_truncate),
	LSM_HOOK_INIT(path_mknod, rp_path_mknod),
	LSM_HOOK_INIT(path_mkdir, rp_path_mkdir),
	LSM_HOOK_INIT(path_symlink, rp_path_symlink),
	LSM_HOOK_INIT(path_unlink, rp_path_unlink),
	LSM_HOOK_INIT(path_rmdir, rp_path_rmdir),
	LSM_HOOK_INIT(path_link, rp_path_link),
	LSM_HOOK_INIT(path_rename, rp_path_rename),
	LSM_HOOK_INIT(path_chmod, rp_path_chmod),
	LSM_HOOK_INIT(path_chown, rp_path_chown),
	LSM_HOOK_INIT(inode_getattr, rp_inode_getattr),
};

void __init rp_file_init(void)
{
	security_add_hooks(rp_file_hooks, ARRAY_SIZE(rp_file_hooks),
			   &rp_lsmid);
}
