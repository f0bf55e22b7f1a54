// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: module parameters. Each one checks the caller at run time:
 * reading needs policy view rights, writing needs policy admin rights,
 * and boot-only parameters refuse writes once Rampart is up. With Rampart
 * disabled every parameter but "enabled" answers -EINVAL.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include "admin.h"
#include "params.h"

const char *const rp_mode_names[RP_MODE_COUNT] = {
	[RP_MODE_ENFORCE] = "enforce",
	[RP_MODE_COMPLAIN] = "complain",
	[RP_MODE_KILL] = "kill",
	[RP_MODE_UNCONFINED] = "unconfined",
	[RP_MODE_USER] = "user",
};

const char *const rp_audit_mode_names[RP_AUDIT_COUNT] = {
	[RP_AUDIT_NORMAL] = "normal",
	[RP_AUDIT_QUIET_DENIED] = "quiet_denied",
	[RP_AUDIT_QUIET] = "quiet",
	[RP_AUDIT_NOQUIET] = "noquiet",
	[RP_AUDIT_ALL] = "all",
};

/**
 * rp_name_index() - position of @str in a table of names
 * @names: the table
 * @count: its length
 * @str: the name, compared exactly (a trailing newline does not match)
 *
 * Return: the index, or -1 if @str is not in the table.
 */
int rp_name_index(const char *const *names, int count, const char *str)
{
	int i;

	for (i = 0; i < count; i++)
		if (names[i] && strcmp(names[i], str) == 0)
			return i;
	return -1;
}

/**
 * rp_parse_global_mode() - the value the "mode" parameter accepts
 * @val: what was written
 *
 * Return: the mode, or -EINVAL ("user" is a profile mode only).
 */
int rp_parse_global_mode(const char *val)
{
	int m = rp_name_index(rp_mode_names, RP_MODE_COUNT, val);

	return m < 0 || m == RP_MODE_USER ? -EINVAL : m;
}

/**
 * rp_parse_global_audit() - the value the "audit" parameter accepts
 * @val: what was written
 *
 * Return: the audit mode, or -EINVAL.
 */
int rp_parse_global_audit(const char *val)
{
	int m = rp_name_index(rp_audit_mode_names, RP_AUDIT_COUNT, val);

	return m < 0 ? -EINVAL : m;
}

int rp_enabled __ro_after_init = 1;
enum rp_mode rp_global_mode = RP_MODE_ENFORCE;
enum rp_audit_mode rp_global_audit = RP_AUDIT_NORMAL;
bool rp_audit_header = true;
/* Rampart extension: N leaves class= out, for libapparmor before 4.0 */
bool rp_audit_class = true;
bool rp_debug;
bool rp_hash_policy = true;
bool rp_export_binary = true;
bool rp_logsyscall;
bool rp_paranoid_load = true;
unsigned int rp_path_max = 2 * PATH_MAX;
int rp_rawdata_compression_level = 3;

/* Gate of reads: view rights once Rampart is up. */
static int rp_param_may_read(void)
{
	if (!rp_enabled)
		return -EINVAL;
	if (rp_initialized && !rp_policy_view_capable(NULL))
		return -EPERM;
	return 0;
}

/* Gate of writes: admin rights once Rampart is up. */
static int rp_param_may_write(void)
{
	if (!rp_enabled)
		return -EINVAL;
	if (rp_initialized && !rp_policy_admin_capable(NULL))
		return -EPERM;
	return 0;
}

/* Gate of boot-only parameters: the command line, nothing later. */
static int rp_param_may_boot_set(void)
{
	if (!rp_enabled)
		return -EINVAL;
	return rp_initialized ? -EPERM : 0;
}

static int rp_get_bool(char *buf, const struct kernel_param *kp)
{
	int err = rp_param_may_read();

	return err ?: param_get_bool(buf, kp);
}

static int rp_set_bool(const char *val, const struct kernel_param *kp)
{
	int err = rp_param_may_write();

	return err ?: param_set_bool(val, kp);
}

static const struct kernel_param_ops rp_bool_ops = {
	.flags = KERNEL_PARAM_OPS_FL_NOARG,
	.get = rp_get_bool,
	.set = rp_set_bool,
};

static int rp_set_readonly(const char *val, const struct kernel_param *kp)
{
	return -EPERM;
}

static const struct kernel_param_ops rp_readonly_bool_ops = {
	.flags = KERNEL_PARAM_OPS_FL_NOARG,
	.get = rp_get_bool,
	.set = rp_set_readonly,
};

static int rp_get_mode(char *buf, const struct kernel_param *kp)
{
	int err = rp_param_may_read();

	return err ?: sysfs_emit(buf, "%s", rp_mode_names[rp_global_mode]);
}

static int rp_set_mode(const char *val, const struct kernel_param *kp)
{
	int err = rp_param_may_write();
	int m;

	if (err)
		return err;
	m = rp_parse_global_mode(val);
	if (m < 0)
		return m;
	WRITE_ONCE(rp_global_mode, m);
	return 0;
}

static const struct kernel_param_ops rp_mode_ops = {
	.get = rp_get_mode,
	.set = rp_set_mode,
};

static int rp_get_audit(char *buf, const struct kernel_param *kp)
{
	int err = rp_param_may_read();

	return err ?: sysfs_emit(buf, "%s",
				 rp_audit_mode_names[rp_global_audit]);
}

static int rp_set_audit(const char *val, const struct kernel_param *kp)
{
	int err = rp_param_may_write();
	int m;

	if (err)
		return err;
	m = rp_parse_global_audit(val);
	if (m < 0)
		return m;
	WRITE_ONCE(rp_global_audit, m);
	return 0;
}

static const struct kernel_param_ops rp_audit_ops = {
	.get = rp_get_audit,
	.set = rp_set_audit,
};

static int rp_get_uint(char *buf, const struct kernel_param *kp)
{
	int err = rp_param_may_read();

	return err ?: param_get_uint(buf, kp);
}

static int rp_set_path_max(const char *val, const struct kernel_param *kp)
{
	int err = rp_param_may_boot_set();

	if (err)
		return err;
	err = param_set_uint(val, kp);
	/* A path buffer must at least hold its own bookkeeping and a "/". */
	if (!err && rp_path_max < 64)
		rp_path_max = 64;
	return err;
}

static const struct kernel_param_ops rp_path_max_ops = {
	.get = rp_get_uint,
	.set = rp_set_path_max,
};

static int rp_get_int(char *buf, const struct kernel_param *kp)
{
	int err = rp_param_may_read();

	return err ?: param_get_int(buf, kp);
}

static int rp_set_compression(const char *val, const struct kernel_param *kp)
{
	int err = rp_param_may_boot_set();
	int level;

	if (err)
		return err;
	err = kstrtoint(val, 0, &level);
	if (err)
		return err;
	*(int *)kp->arg = clamp(level, RP_ZSTD_MIN_LEVEL, RP_ZSTD_MAX_LEVEL);
	return 0;
}

static const struct kernel_param_ops rp_compression_ops = {
	.get = rp_get_int,
	.set = rp_set_compression,
};

/* "enabled" is an int the LSM framework writes; shown as a bool. */
static int rp_get_enabled(char *buf, const struct kernel_param *kp)
{
	return sysfs_emit(buf, "%c\n", *(int *)kp->arg ? 'Y' : 'N');
}

static int rp_set_enabled(const char *val, const struct kernel_param *kp)
{
	bool on;
	int err;

	if (rp_initialized)
		return -EPERM;
	err = kstrtobool(val ?: "1", &on);
	if (!err)
		*(int *)kp->arg = on;
	return err;
}

static const struct kernel_param_ops rp_enabled_ops = {
	.flags = KERNEL_PARAM_OPS_FL_NOARG,
	.get = rp_get_enabled,
	.set = rp_set_enabled,
};

module_param_cb(mode, &rp_mode_ops, &rp_global_mode, 0600);
module_param_cb(audit, &rp_audit_ops, &rp_global_audit, 0600);
module_param_cb(audit_header, &rp_bool_ops, &rp_audit_header, 0600);
module_param_cb(audit_class, &rp_bool_ops, &rp_audit_class, 0600);
module_param_cb(debug, &rp_bool_ops, &rp_debug, 0600);
module_param_cb(hash_policy, &rp_bool_ops, &rp_hash_policy, 0600);
module_param_cb(export_binary, &rp_bool_ops, &rp_export_binary, 0600);
module_param_cb(lock_policy, &rp_bool_ops, &rp_lock_policy, 0600);
module_param_cb(logsyscall, &rp_bool_ops, &rp_logsyscall, 0600);
module_param_cb(paranoid_load, &rp_readonly_bool_ops, &rp_paranoid_load,
		0444);
module_param_cb(path_max, &rp_path_max_ops, &rp_path_max, 0400);
module_param_cb(rawdata_compression_level, &rp_compression_ops,
		&rp_rawdata_compression_level, 0400);
module_param_cb(enabled, &rp_enabled_ops, &rp_enabled, 0444);

/*
 * "apparmor=N" on the command line (no module prefix): 0 disables, any
 * other number (decimal, 0x hex or 0 octal) enables. Not in sysfs.
 */
static int rp_set_boot_switch(const char *val, const struct kernel_param *kp)
{
	unsigned long v;
	int err;

	if (rp_initialized)
		return -EPERM;
	err = kstrtoul(val ?: "", 0, &v);
	if (!err)
		*(int *)kp->arg = v ? 1 : 0;
	return err;
}

static const struct kernel_param_ops param_ops_rp_boot_switch = {
	.set = rp_set_boot_switch,
};

#define param_check_rp_boot_switch(name, p) __param_check(name, p, int)
core_param(apparmor, rp_enabled, rp_boot_switch, 0);
