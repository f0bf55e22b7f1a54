// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: the features tree under /sys/kernel/security/apparmor/features.
 *
 * It lists only what Rampart really mediates: apparmor_parser compiles
 * rules for whatever is listed here, and a listed feature that the kernel
 * does not enforce would be a silent hole. Each mediation class adds its
 * node to rp_features_root when it lands; so far: the policy formats the
 * loader accepts.
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/security.h>
#include "features.h"
#include "net.h"

/* What the policy loader accepts (unpack.c). */
static const struct rp_feature rp_features_versions[] = {
	{ "v5", RP_FEATURE_BOOL, { .yes = true } },
	{ "v6", RP_FEATURE_BOOL, { .yes = true } },
	{ "v7", RP_FEATURE_BOOL, { .yes = true } },
	{ "v8", RP_FEATURE_BOOL, { .yes = true } },
	{ "v9", RP_FEATURE_BOOL, { .yes = true } },
	{ }
};

static const struct rp_feature rp_features_unconfined_restrictions[] = {
	{ "change_profile", RP_FEATURE_BOOL, { .yes = true } },
	{ }
};

static const struct rp_feature rp_features_policy[] = {
	{ "versions", RP_FEATURE_DIR, { .dir = rp_features_versions } },
	{ "set_load", RP_FEATURE_BOOL, { .yes = true } },
	{ "outofband", RP_FEATURE_U64, { .num = 1 } },
	{ "permstable32_version", RP_FEATURE_U64, { .num = 1 } },
	{ "permstable32", RP_FEATURE_STRING, { .str =
	  "allow deny subtree cond kill complain prompt audit quiet hide xindex tag label" } },
	{ "unconfined_restrictions", RP_FEATURE_DIR,
	  { .dir = rp_features_unconfined_restrictions } },
	{ }
};

static const struct rp_feature rp_features_attach_conditions[] = {
	{ "xattr", RP_FEATURE_BOOL, { .yes = true } },
	{ }
};

/* Domain changes (domain.c); names of disconnected files (path.c). */
static const struct rp_feature rp_features_domain[] = {
	{ "change_hat", RP_FEATURE_BOOL, { .yes = true } },
	{ "change_hatv", RP_FEATURE_BOOL, { .yes = true } },
	{ "change_onexec", RP_FEATURE_BOOL, { .yes = true } },
	{ "change_profile", RP_FEATURE_BOOL, { .yes = true } },
	{ "stack", RP_FEATURE_BOOL, { .yes = true } },
	{ "fix_binfmt_elf_mmap", RP_FEATURE_BOOL, { .yes = true } },
	{ "post_nnp_subset", RP_FEATURE_BOOL, { .yes = true } },
	{ "computed_longest_left", RP_FEATURE_BOOL, { .yes = true } },
	{ "attach_conditions", RP_FEATURE_DIR,
	  { .dir = rp_features_attach_conditions } },
	{ "disconnected.path", RP_FEATURE_BOOL, { .yes = true } },
	{ "version", RP_FEATURE_STRING, { .str = "1.2" } },
	{ }
};

/* .access; "data" queries wait until profiles keep their data */
static const struct rp_feature rp_features_query_label[] = {
	{ "perms", RP_FEATURE_STRING, { .str = "allow deny audit quiet" } },
	{ "multi_transaction", RP_FEATURE_BOOL, { .yes = true } },
	{ }
};

static const struct rp_feature rp_features_query[] = {
	{ "label", RP_FEATURE_DIR, { .dir = rp_features_query_label } },
	{ }
};

/* File mediation (file.c): the permissions rules may name. */
static const struct rp_feature rp_features_file[] = {
	{ "mask", RP_FEATURE_STRING,
	  { .str = "create read write exec append mmap_exec link lock" } },
	{ }
};

static const struct rp_feature rp_features_namespaces[] = {
	{ "profile", RP_FEATURE_BOOL, { .yes = true } },
	{ "pivot_root", RP_FEATURE_BOOL, { .yes = false } },
	{ "mask", RP_FEATURE_STRING, { .str = "userns_create" } },
	{ }
};

/* Resource limits (rlimit.c), by their policy names. */
#define RP_RLIMIT_MASK \
	"cpu fsize data stack core rss nproc nofile memlock as locks sigpending msgqueue nice rtprio rttime"

static const struct rp_feature rp_features_rlimit[] = {
	{ "mask", RP_FEATURE_STRING, { .str = RP_RLIMIT_MASK } },
	{ }
};

/* Capabilities (capability.c), by their policy names. */
#define RP_CAPS_MASK \
	"chown dac_override dac_read_search fowner fsetid kill setgid setuid setpcap linux_immutable net_bind_service net_broadcast net_admin net_raw ipc_lock ipc_owner sys_module sys_rawio sys_chroot sys_ptrace sys_pacct sys_admin sys_boot sys_nice sys_resource sys_time sys_tty_config mknod lease audit_write audit_control setfcap mac_override mac_admin syslog wake_alarm block_suspend audit_read perfmon bpf checkpoint_restore"

static const struct rp_feature rp_features_caps[] = {
	{ "mask", RP_FEATURE_STRING, { .str = RP_CAPS_MASK } },
	{ }
};

/* io_uring (task.c) */
static const struct rp_feature rp_features_io_uring[] = {
	{ "mask", RP_FEATURE_STRING, { .str = "sqpoll override_creds" } },
	{ }
};

/* Mount mediation (mount.c); move_mount(2) of detached trees included. */
static const struct rp_feature rp_features_mount[] = {
	{ "mask", RP_FEATURE_STRING, { .str = "mount umount pivot_root" } },
	{ "move_mount", RP_FEATURE_STRING, { .str = "detached" } },
	{ }
};

/* ptrace and signal mediation (ipc.c) */
static const struct rp_feature rp_features_ptrace[] = {
	{ "mask", RP_FEATURE_STRING, { .str = "read trace" } },
	{ }
};

/* The signals rules may name by name, in AppArmor's numbering order. */
#define RP_SIGNAL_MASK "hup int quit ill trap abrt bus fpe kill usr1 segv usr2 pipe alrm term stkflt chld cont stop stp ttin ttou urg xcpu xfsz vtalrm prof winch io pwr sys emt lost"

static const struct rp_feature rp_features_signal[] = {
	{ "mask", RP_FEATURE_STRING, { .str = RP_SIGNAL_MASK } },
	{ }
};

/*
 * Socket mediation (net.c): the families rules may name. The fast-open
 * connect check is made, but tcp-fast-open is not listed: the stock
 * kernel of the same tarball does not list it (VM 082).
 */
static const struct rp_feature rp_features_network_v8[] = {
	{ "af_mask", RP_FEATURE_STRING, { .str = rp_net_af_mask } },
	{ }
};

/* Fine-grained unix rules (af_unix.c, af-unix.md 2.1). */
static const struct rp_feature rp_features_network[] = {
	{ "af_unix", RP_FEATURE_BOOL, { .yes = true } },
	{ "af_mask", RP_FEATURE_STRING, { .str = rp_net_af_mask } },
	{ }
};

static const struct rp_feature rp_features_root[] = {
	{ "policy", RP_FEATURE_DIR, { .dir = rp_features_policy } },
	{ "domain", RP_FEATURE_DIR, { .dir = rp_features_domain } },
	{ "file", RP_FEATURE_DIR, { .dir = rp_features_file } },
	{ "network_v8", RP_FEATURE_DIR, { .dir = rp_features_network_v8 } },
	{ "network", RP_FEATURE_DIR, { .dir = rp_features_network } },
	{ "mount", RP_FEATURE_DIR, { .dir = rp_features_mount } },
	{ "namespaces", RP_FEATURE_DIR, { .dir = rp_features_namespaces } },
	{ "capability", RP_FEATURE_U64, { .num = 0xffffff } },
	{ "rlimit", RP_FEATURE_DIR, { .dir = rp_features_rlimit } },
	{ "caps", RP_FEATURE_DIR, { .dir = rp_features_caps } },
	{ "ptrace", RP_FEATURE_DIR, { .dir = rp_features_ptrace } },
	{ "signal", RP_FEATURE_DIR, { .dir = rp_features_signal } },
	{ "query", RP_FEATURE_DIR, { .dir = rp_features_query } },
	{ "io_uring", RP_FEATURE_DIR, { .dir = rp_features_io_uring } },
	{ }
};

/**
 * rp_feature_format() - the text a features file reads as
 * @f: a file node (not a directory)
 * @buf: where to write it, NUL-terminated
 * @size: size of @buf
 *
 * Return: the length written, or -EINVAL for a directory or an unknown kind.
 */
int rp_feature_format(const struct rp_feature *f, char *buf, size_t size)
{
	switch (f->kind) {
	case RP_FEATURE_BOOL:
		return scnprintf(buf, size, "%s\n", f->yes ? "yes" : "no");
	case RP_FEATURE_U64:
		return scnprintf(buf, size, "%#08llx\n", f->num);
	case RP_FEATURE_STRING:
		return scnprintf(buf, size, "%s\n", f->str);
	default:
		return -EINVAL;
	}
}

static ssize_t rp_feature_read(struct file *file, char __user *ubuf,
			       size_t count, loff_t *ppos)
{
	const struct rp_feature *f = file_inode(file)->i_private;
	char *buf;
	ssize_t ret;
	int len;

	/* Strings are at most a few hundred bytes (the AF and cap lists). */
	buf = (char *)__get_free_page(GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	len = rp_feature_format(f, buf, PAGE_SIZE);
	ret = len < 0 ? len : simple_read_from_buffer(ubuf, count, ppos, buf,
						       len);
	free_page((unsigned long)buf);
	return ret;
}

static const struct file_operations rp_feature_fops = {
	.read = rp_feature_read,
	.llseek = default_llseek,
};

static int rp_features_add(const struct rp_feature *table,
			   struct dentry *parent)
{
	const struct rp_feature *f;
	struct dentry *d;
	int err;

	for (f = table; f->kind != RP_FEATURE_END; f++) {
		if (f->kind == RP_FEATURE_DIR) {
			d = securityfs_create_dir(f->name, parent);
			if (IS_ERR(d))
				return PTR_ERR(d);
			err = rp_features_add(f->dir, d);
			if (err)
				return err;
			continue;
		}
		d = securityfs_create_file(f->name, 0444, parent, (void *)f,
					   &rp_feature_fops);
		if (IS_ERR(d))
			return PTR_ERR(d);
	}
	return 0;
}

/**
 * rp_features_create() - make the features directory and its tree
 * @parent: the apparmor securityfs directory
 *
 * Return: 0 or a negative errno; the caller removes @parent on failure.
 */
int rp_features_create(struct dentry *parent)
{
	struct dentry *dir = securityfs_create_dir("features", parent);

	if (IS_ERR(dir))
		return PTR_ERR(dir);
	return rp_features_add(rp_features_root, dir);
}
