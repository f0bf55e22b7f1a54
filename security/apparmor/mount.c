// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: mount mediation (mediation.md 1.4 and 5). mount(2) is sorted
 * into one of five cases (remount, bind, propagation change, move, new
 * mount); each case decides which fields of the key it fills: mountpoint,
 * source, filesystem type, flags and, for text mount data, the data
 * (mediation-encoding.md 6). move_mount(2) is a move; umount and
 * pivot_root have keys of their own. Every key is matched in the mount
 * class of each confined profile of the caller's label.
 *
 * The hooks run in process context and may sleep; nothing is kept
 * between calls. Names are built per profile (their path flags may
 * differ) and reused by the next profile with the same flags.
 */
#include <kunit/visibility.h>
#include <linux/audit.h>
#include <linux/fs.h>
#include <linux/lsm_hooks.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/path.h>
#include <uapi/linux/mount.h>
#include "audit.h"
#include "cred.h"
#include "dfa.h"
#include "lsm.h"
#include "mediate.h"
#include "mount.h"
#include "path.h"
#include "perms.h"
#include "policy.h"
#include "unpack.h"

/* Flags the kernel sets for itself; policy never sees them. */
#define RP_MS_INTERNAL	(MS_KERNMOUNT | MS_NOSEC | MS_ACTIVE | MS_BORN)

/* The flags of a change of propagation (do_change_type() takes these). */
#define RP_MS_PROPAGATION (MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE)

static const struct rp_perms rp_mnt_nothing;

/**
 * rp_mount_flags_clean() - the flags a mount rule is matched against
 * @mflags: mount(2)'s flags argument
 *
 * Return: @flags without the legacy magic number in the top half and
 * without the kernel-internal bits (mediation-encoding.md 6).
 */
VISIBLE_IF_KUNIT unsigned long rp_mount_flags_clean(unsigned long mflags)
{
	/* the magic fills the top half of the low word */
	if ((lower_32_bits(mflags) & MS_MGC_MSK) == MS_MGC_VAL)
		mflags &= ~(unsigned long)MS_MGC_MSK;
	return mflags & ~RP_MS_INTERNAL;
}
EXPORT_SYMBOL_IF_KUNIT(rp_mount_flags_clean);

/* ---- matching ---- */

/* One byte per set flag, bit i as i + 1, low bits first. */
static unsigned int rp_mount_match_flags(const struct rp_profile *p,
					 unsigned int state,
					 unsigned long mflags)
{
	u32 bits = lower_32_bits(mflags);

	while (bits && state != RP_DFA_DEAD) {
		unsigned int bit = __ffs(bits);

		state = rp_policy_step(p, state, bit + 1);
		bits &= bits - 1;
	}
	return state;
}

/* A key field: the string (if any), then the separating NUL. */
static unsigned int rp_mount_match_field(const struct rp_profile *p,
					 unsigned int state, const char *str)
{
	if (str)
		state = rp_policy_match(p, state, str);
	if (state == RP_DFA_DEAD)
		return state;
	return rp_policy_step(p, state, 0);
}

/**
 * rp_mount_match() - match a mount(2) key in @p's policydb
 * @p: a profile that mediates mounts
 * @state: the mount class state of @p (rp_class_start())
 * @mntpnt: the mountpoint's name
 * @src: the source's name, or NULL for none
 * @type: the filesystem type, or NULL for none
 * @flags: the flags the case passes to policy
 * @data: the mount data, or NULL
 * @binary: @data is not text (FS_BINARY_MOUNTDATA): never matched
 * @perms: set to the last entry looked up (allow nothing if none was)
 *
 * The data is matched only when the flags alone do not grant the mount
 * and the entry asks for it (continue-match).
 *
 * Return: RP_MNT_MATCHED if the mount is granted, else the step that
 * failed (mediation-encoding.md 6.1).
 */
VISIBLE_IF_KUNIT enum rp_mount_step
rp_mount_match(const struct rp_profile *p, unsigned int state,
	       const char *mntpnt, const char *src, const char *type,
	       unsigned long flags, const char *data, bool binary,
	       const struct rp_perms **perms)
{
	*perms = &rp_mnt_nothing;
	state = rp_mount_match_field(p, state, mntpnt);
	if (state == RP_DFA_DEAD)
		return RP_MNT_FAIL_MNTPNT;
	state = rp_mount_match_field(p, state, src);
	if (state == RP_DFA_DEAD)
		return RP_MNT_FAIL_SRC;
	state = rp_mount_match_field(p, state, type);
	if (state == RP_DFA_DEAD)
		return RP_MNT_FAIL_TYPE;
	state = rp_mount_match_flags(p, state, flags);
	if (state == RP_DFA_DEAD)
		return RP_MNT_FAIL_FLAGS;

	*perms = rp_policy_perms(p, state);
	if ((*perms)->allow & RP_MNT_MOUNT)
		return RP_MNT_MATCHED;
	if (!data || binary || !((*perms)->allow & RP_MNT_CONT_MATCH))
		return RP_MNT_FAIL_PERMS;

	/* the flags separator; stock reports a dead end here as flags */
	state = rp_policy_step(p, state, 0);
	if (state == RP_DFA_DEAD)
		return RP_MNT_FAIL_FLAGS;
	state = rp_policy_match(p, state, data);
	if (state == RP_DFA_DEAD)
		return RP_MNT_FAIL_DATA;
	*perms = rp_policy_perms(p, state);
	return (*perms)->allow & RP_MNT_MOUNT ? RP_MNT_MATCHED :
						RP_MNT_FAIL_PERMS;
}
EXPORT_SYMBOL_IF_KUNIT(rp_mount_match);

static const char *const rp_mount_step_infos[] = {
	[RP_MNT_MATCHED] = NULL,
	[RP_MNT_FAIL_MNTPNT] = "failed mntpnt match",
	[RP_MNT_FAIL_SRC] = "failed srcname match",
	[RP_MNT_FAIL_TYPE] = "failed type match",
	[RP_MNT_FAIL_FLAGS] = "failed flags match",
	[RP_MNT_FAIL_DATA] = "failed data match",
	[RP_MNT_FAIL_PERMS] = "failed perms check",
};

/* rp_mount_step_info() - the info= text of a failed step, NULL if none */
VISIBLE_IF_KUNIT const char *rp_mount_step_info(enum rp_mount_step step)
{
	if ((unsigned int)step >= ARRAY_SIZE(rp_mount_step_infos))
		return NULL;
	return rp_mount_step_infos[step];
}
EXPORT_SYMBOL_IF_KUNIT(rp_mount_step_info);

/**
 * rp_umount_perms() - what @p grants the unmounting of @name
 * @p: a profile that mediates mounts
 * @state: its mount class state
 * @name: the name of the mount's root
 *
 * Return: the entry (allow nothing if none).
 */
VISIBLE_IF_KUNIT const struct rp_perms *
rp_umount_perms(const struct rp_profile *p, unsigned int state,
		const char *name)
{
	return rp_policy_perms(p, rp_policy_match(p, state, name));
}
EXPORT_SYMBOL_IF_KUNIT(rp_umount_perms);

/**
 * rp_pivotroot_perms() - what @p grants a pivot_root
 * @p: a profile that mediates mounts
 * @state: its mount class state
 * @new_root: the name of the new root
 * @put_old: the name the old root goes to
 *
 * Return: the entry (allow nothing if none).
 */
VISIBLE_IF_KUNIT const struct rp_perms *
rp_pivotroot_perms(const struct rp_profile *p, unsigned int state,
		   const char *new_root, const char *put_old)
{
	state = rp_mount_match_field(p, state, new_root);
	return rp_policy_perms(p, rp_policy_match(p, state, put_old));
}
EXPORT_SYMBOL_IF_KUNIT(rp_pivotroot_perms);

/* ---- records ---- */

/*
 * The flags a record lists, in the order it lists them (after "ro" or
 * "rw"). A name in @rec is the one printed when MS_REC is set too.
 */
static const struct {
	unsigned long flag;
	const char *name;
	const char *rec;
} rp_mount_flag_names[] = {
	{ MS_NOSUID, "nosuid" },
	{ MS_NODEV, "nodev" },
	{ MS_NOEXEC, "noexec" },
	{ MS_SYNCHRONOUS, "sync" },
	{ MS_REMOUNT, "remount" },
	{ MS_MANDLOCK, "mand" },
	{ MS_DIRSYNC, "dirsync" },
	{ MS_NOSYMFOLLOW, "nosymfollow" },
	{ MS_NOATIME, "noatime" },
	{ MS_NODIRATIME, "nodiratime" },
	{ MS_BIND, "bind", "rbind" },
	{ MS_MOVE, "move" },
	{ MS_SILENT, "silent" },
	{ MS_POSIXACL, "acl" },
	{ MS_UNBINDABLE, "unbindable", "runbindable" },
	{ MS_PRIVATE, "private", "rprivate" },
	{ MS_SLAVE, "slave", "rslave" },
	{ MS_SHARED, "shared", "rshared" },
	{ MS_RELATIME, "relatime" },
	{ MS_I_VERSION, "iversion" },
	{ MS_STRICTATIME, "strictatime" },
	{ MS_NOUSER, "nouser" },
};

/* Room for every name above, separators included. */
#define RP_MOUNT_FLAGS_TEXT 256

/**
 * rp_mount_flags_text() - the flags= list of a mount record
 * @flags: the flags the case passed to policy
 * @buf: where to write it, NUL-terminated
 * @size: size of @buf
 *
 * Return: the length written (truncated to fit @size).
 */
VISIBLE_IF_KUNIT size_t rp_mount_flags_text(unsigned long flags, char *buf,
					    size_t size)
{
	size_t i, n;

	n = scnprintf(buf, size, "%s", flags & MS_RDONLY ? "ro" : "rw");
	for (i = 0; i < ARRAY_SIZE(rp_mount_flag_names); i++) {
		const char *name = rp_mount_flag_names[i].name;

		if (!(flags & rp_mount_flag_names[i].flag))
			continue;
		if ((flags & MS_REC) && rp_mount_flag_names[i].rec)
			name = rp_mount_flag_names[i].rec;
		n += scnprintf(buf + n, size - n, ", %s", name);
	}
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(rp_mount_flags_text);

/**
 * struct rp_mount_fields - the class fields of a mount record (13.3)
 * @type: fstype=, or NULL
 * @src: srcname=, or NULL
 * @flags: flags=, unless 0
 * @data: options=, or NULL
 */
struct rp_mount_fields {
	const char *type;
	const char *src;
	unsigned long flags;	/* as mount(2) took them, cleaned */
	const char *data;
};

static void rp_mount_audit_fields(struct audit_buffer *ab,
				  const struct rp_audit *a)
{
	const struct rp_mount_fields *f = a->data;
	char text[RP_MOUNT_FLAGS_TEXT];

	if (f->type)
		rp_audit_str(ab, "fstype", f->type);
	if (f->src)
		rp_audit_str(ab, "srcname", f->src);
	if (f->flags) {
		rp_mount_flags_text(f->flags, text, sizeof(text));
		audit_log_format(ab, " flags=\"%s\"", text);
	}
	if (f->data)
		rp_audit_str(ab, "options", f->data);
}

/* ---- names ---- */

/**
 * struct rp_mount_names - the names of a request's paths
 * @target: the mountpoint (pivot_root: the new root)
 * @src: the source (pivot_root: where the old root goes)
 * @target_err: 0, or why @target has no name
 * @src_err: 0, or why @src has no name
 * @flags: the path flags they were made with
 * @made: they were made at all
 */
struct rp_mount_names {
	struct rp_name target;
	struct rp_name src;
	int target_err;
	int src_err;
	u32 flags;
	bool made;
};

static int rp_mount_name(const struct path *path, u32 flags,
			 struct rp_name *name)
{
	if (!name->buf) {
		name->buf = rp_buf_get(GFP_KERNEL);
		if (!name->buf)
			return -ENOMEM;
	}
	if (d_is_dir(path->dentry))
		flags |= RP_PATH_DIR;
	return rp_path_name(path, flags, name);
}

/*
 * Name @target and @src (either may be NULL) as @p names files, unless
 * @nm already holds names made with the same flags.
 *
 * Return: 0, or -ENOMEM when no buffer could be had.
 */
static int rp_mount_names_make(struct rp_mount_names *nm,
			       const struct rp_profile *p,
			       const struct path *target,
			       const struct path *src)
{
	u32 flags = p->rules->path_flags;

	if (nm->made && nm->flags == flags)
		return 0;
	nm->made = false;
	if (target) {
		nm->target_err = rp_mount_name(target, flags, &nm->target);
		if (nm->target_err == -ENOMEM)
			return -ENOMEM;
	}
	if (src) {
		nm->src_err = rp_mount_name(src, flags, &nm->src);
		if (nm->src_err == -ENOMEM)
			return -ENOMEM;
	}
	nm->flags = flags;
	nm->made = true;
	return 0;
}

static void rp_mount_names_free(struct rp_mount_names *nm)
{
	rp_buf_put(nm->target.buf);
	rp_buf_put(nm->src.buf);
}

/* ---- checks ---- */

/**
 * struct rp_mount_req - one operation, as its case fills the key
 * @op: "mount", "umount" or "pivotroot"
 * @request: the permission asked for (RP_MNT_*)
 * @target: the mountpoint, the mount to unmount, or the new root
 * @src_path: a source named by path (bind, move, a device; pivot_root:
 *            put_old), or NULL
 * @src: a source passed as written (new mounts without a device), or
 *       NULL; only when @src_path is NULL
 * @type: the filesystem type (new mounts), or NULL
 * @flags: the flags the case passes to policy
 * @data: the mount data (remount, new mounts), or NULL
 * @binary: @data is binary and is never matched
 */
struct rp_mount_req {
	const char *op;
	u32 request;
	const struct path *target;
	const struct path *src_path;
	const char *src;
	const char *type;
	unsigned long flags;	/* cleaned mount(2) flags */
	const char *data;
	bool binary;
};

/* One profile's answer for a mount(2) or move_mount(2). */
static int rp_mount_profile(const struct rp_profile *p, unsigned int start,
			    const struct rp_mount_req *r,
			    const struct rp_mount_names *nm)
{
	struct rp_mount_fields f = {
		.type = r->type, .flags = r->flags,
		.src = r->src_path ? nm->src.str : r->src,
	};
	struct rp_audit a = {
		.op = r->op, .class_name = "mount", .profile = p,
		.name = nm->target.str, .extra = rp_mount_audit_fields,
		.data = &f,
	};
	const struct rp_perms *perms = &rp_mnt_nothing;
	enum rp_mount_step step;
	int err = -EACCES;

	if (nm->target_err) {
		err = nm->target_err;
		a.info = nm->target.info;
	} else if (r->src_path && nm->src_err) {
		err = nm->src_err;
		a.info = nm->src.info;
		f.src = NULL;
	} else {
		step = rp_mount_match(p, start, nm->target.str, f.src, r->type,
				      r->flags, r->data, r->binary, &perms);
		a.info = rp_mount_step_info(step);
		/* the rule asked for the data to be logged */
		if (r->data && !r->binary &&
		    (perms->audit & RP_MNT_CONT_MATCH))
			f.data = r->data;
	}
	if (a.info)
		a.error = err;
	return rp_audit_decide(&a, p, perms, r->request, err);
}

/* One profile's answer for umount or pivot_root: no info on a denial. */
static int rp_mount_simple_profile(const struct rp_profile *p,
				   unsigned int start,
				   const struct rp_mount_req *r,
				   const struct rp_mount_names *nm)
{
	struct rp_mount_fields f = { };
	struct rp_audit a = {
		.op = r->op, .class_name = "mount", .profile = p,
		.extra = rp_mount_audit_fields, .data = &f,
	};
	const struct rp_perms *perms = &rp_mnt_nothing;
	int err = -EACCES;

	if (r->src_path) {
		/* pivot_root: put_old is named (and checked) first */
		f.src = nm->src.str;
		if (nm->src_err) {
			err = nm->src_err;
			a.info = nm->src.info;
			goto decide;
		}
	}
	a.name = nm->target.str;
	if (nm->target_err) {
		err = nm->target_err;
		a.info = nm->target.info;
	} else if (r->src_path) {
		perms = rp_pivotroot_perms(p, start, nm->target.str,
					   nm->src.str);
	} else {
		perms = rp_umount_perms(p, start, nm->target.str);
	}
decide:
	if (a.info)
		a.error = err;
	return rp_audit_decide(&a, p, perms, r->request, err);
}

/*
 * Ask every confined profile of @label that mediates mounts. Each denial
 * has its own record; the last error is the answer.
 */
static int rp_mount_check(const struct rp_label *label,
			  const struct rp_mount_req *r)
{
	struct rp_mount_names nm = { };
	const struct rp_profile *p;
	unsigned int start;
	int err = 0, e;
	u32 i;

	rp_label_for_each_confined(label, i, p) {
		start = rp_class_start(p, RP_CLASS_MOUNT);
		if (start == RP_DFA_DEAD)
			continue;
		e = rp_mount_names_make(&nm, p, r->target, r->src_path);
		if (e) {
			err = e;
			break;
		}
		if (r->request == RP_MNT_MOUNT)
			e = rp_mount_profile(p, start, r, &nm);
		else
			e = rp_mount_simple_profile(p, start, r, &nm);
		if (e)
			err = e;
	}
	rp_mount_names_free(&nm);
	return err;
}

/*
 * The caller's label for a check, brought up to date (a reference), or
 * NULL when it is unconfined and nothing is to be checked.
 */
static struct rp_label *rp_mount_subject(int *err)
{
	struct rp_label *label = rp_current_label();

	*err = 0;
	if (rp_label_is_unconfined(label) && !rp_label_is_stale(label))
		return NULL;
	label = rp_current_label_newest();
	if (!label) {
		*err = -ENOMEM;
		return NULL;
	}
	if (rp_label_is_unconfined(label)) {
		rp_label_put(label);
		return NULL;
	}
	return label;
}

/* ---- the cases of mount(2) (mediation.md 5.1) ---- */

static int rp_remount(const struct rp_label *label, const struct path *path,
		      unsigned long flags, const char *data)
{
	const struct file_system_type *fs = path->dentry->d_sb->s_type;
	struct rp_mount_req r = {
		.op = "mount", .request = RP_MNT_MOUNT, .target = path,
		.flags = flags, .data = data,
		.binary = fs->fs_flags & FS_BINARY_MOUNTDATA,
	};

	return rp_mount_check(label, &r);
}

/* Bind, and the old-API move: the source is a path the caller names. */
static int rp_mount_from(const struct rp_label *label,
			 const struct path *path, const char *dev_name,
			 unsigned int lookup, unsigned long mflags)
{
	struct rp_mount_req r = {
		.op = "mount", .request = RP_MNT_MOUNT, .target = path,
		.flags = mflags,
	};
	struct path src;
	int err;

	if (!dev_name || dev_name[0] == '\0')
		return -EINVAL;
	err = kern_path(dev_name, lookup, &src);
	if (err)
		return err;
	/* a mount of another namespace is moved without its name */
	if (!(mflags & MS_MOVE) || our_mnt(src.mnt))
		r.src_path = &src;
	err = rp_mount_check(label, &r);
	path_put(&src);
	return err;
}

static int rp_new_mount(const struct rp_label *label, const char *dev_name,
			const struct path *path, const char *type,
			unsigned long flags, const char *data)
{
	struct rp_mount_req r = {
		.op = "mount", .request = RP_MNT_MOUNT, .target = path,
		.src = dev_name, .type = type, .flags = flags, .data = data,
		.binary = true,
	};
	struct file_system_type *fs;
	struct path dev;
	bool needs_dev = false;
	int err;

	if (type) {
		fs = get_fs_type(type);
		if (!fs)
			return -ENODEV;
		r.binary = fs->fs_flags & FS_BINARY_MOUNTDATA;
		needs_dev = fs->fs_flags & FS_REQUIRES_DEV;
		put_filesystem(fs);
	}
	if (!needs_dev)
		return rp_mount_check(label, &r);

	/* a block device is named by the path it resolves to */
	if (!dev_name || dev_name[0] == '\0')
		return -ENOENT;
	err = kern_path(dev_name, LOOKUP_FOLLOW, &dev);
	if (err)
		return err;
	r.src = NULL;
	r.src_path = &dev;
	err = rp_mount_check(label, &r);
	path_put(&dev);
	return err;
}

static int rp_sb_mount(const char *dev_name, const struct path *path,
		       const char *type, unsigned long mflags,
		       void *data)
{
	struct rp_mount_req r = {
		.op = "mount", .request = RP_MNT_MOUNT, .target = path,
	};
	struct rp_label *label;
	int err;

	label = rp_mount_subject(&err);
	if (!label)
		return err;
	mflags = rp_mount_flags_clean(mflags);
	if (mflags & MS_REMOUNT) {
		err = rp_remount(label, path, mflags, (const char *)data);
	} else if (mflags & MS_BIND) {
		err = rp_mount_from(label, path, dev_name,
				    LOOKUP_FOLLOW | LOOKUP_AUTOMOUNT,
				    mflags & (MS_BIND | MS_REC));
	} else if (mflags & RP_MS_PROPAGATION) {
		r.flags = mflags & (RP_MS_PROPAGATION | MS_REC | MS_SILENT);
		err = rp_mount_check(label, &r);
	} else if (mflags & MS_MOVE) {
		err = rp_mount_from(label, path, dev_name, LOOKUP_FOLLOW,
				    MS_MOVE);
	} else {
		err = rp_new_mount(label, dev_name, path, type, mflags,
				   (const char *)data);
	}
	rp_label_put(label);
	return err;
}

/* move_mount(2): a move; a detached tree has no source name. */
static int rp_move_mount(const struct path *from_path, const struct path *to_path)
{
	struct rp_mount_req r = {
		.op = "mount", .request = RP_MNT_MOUNT, .target = to_path,
		.flags = MS_MOVE,
	};
	struct rp_label *label;
	int err;

	label = rp_mount_subject(&err);
	if (!label)
		return err;
	if (our_mnt(from_path->mnt))
		r.src_path = from_path;
	err = rp_mount_check(label, &r);
	rp_label_put(label);
	return err;
}

static int rp_sb_umount(struct vfsmount *mnt, int flags)
{
	struct path root = { .mnt = mnt, .dentry = mnt->mnt_root };
	struct rp_mount_req r = {
		.op = "umount", .request = RP_MNT_UMOUNT, .target = &root,
	};
	struct rp_label *label;
	int err;

	label = rp_mount_subject(&err);
	if (!label)
		return err;
	err = rp_mount_check(label, &r);
	rp_label_put(label);
	return err;
}

/*
 * pivot_root(2). A rule's "-> profile" target is not honoured (as in
 * stock 6.12): the caller keeps its label.
 */
static int rp_sb_pivotroot(const struct path *old_path, const struct path *new_path)
{
	struct rp_mount_req r = {
		.op = "pivotroot", .request = RP_MNT_PIVOT_ROOT,
		.target = new_path, .src_path = old_path,
	};
	struct rp_label *label;
	int err;

	label = rp_mount_subject(&err);
	if (!label)
		return err;
	err = rp_mount_check(label, &r);
	rp_label_put(label);
	return err;
}

static struct security_hook_list rp_mount_hooks[] __ro_after_init = {
	LSM_HOOK_INIT(sb_mount, rp_sb_mount),
	LSM_HOOK_INIT(move_mount, rp_move_mount),
	LSM_HOOK_INIT(sb_umount, rp_sb_umount),
	LSM_HOOK_INIT(sb_pivotroot, rp_sb_pivotroot),
};

void __init rp_mount_init(void)
{
	security_add_hooks(rp_mount_hooks, ARRAY_SIZE(rp_mount_hooks),
			   &rp_lsmid);
}
