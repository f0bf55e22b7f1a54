// SPDX-License-Identifier: GPL-2.0-only
/*
 * mnt - a sequence of mount operations in one process, with exact flags,
 * for the Rampart VM mount mediation tests.
 *
 *   mnt OP [ARG...] [OP [ARG...]]...
 *
 *   mount SRC TARGET TYPE FLAGS DATA
 *                     mount(2); SRC, TYPE and DATA "-" pass NULL, "''"
 *                     passes an empty string; FLAGS is "0" or names joined
 *                     by commas (ro nosuid nodev noexec sync remount mand
 *                     dirsync nosymfollow noatime nodiratime bind move rec
 *                     silent acl unbindable private slave shared relatime
 *                     kernmount iversion strictatime lazytime nosec born
 *                     active nouser magic) or hex numbers (0x...)
 *   umount TARGET FLAGS  umount2(2); FLAGS 0, detach, force or a number
 *   pivot NEW PUT_OLD pivot_root(2)
 *   tree PATH         open_tree(OPEN_TREE_CLONE | AT_RECURSIVE): a
 *                     detached copy, kept as the current tree
 *   attached PATH     open_tree(0): the attached mount itself
 *   fsmount TYPE      fsopen, fsconfig(CREATE), fsmount: a new detached
 *                     mount
 *   moveto TARGET     move_mount(2) of the current tree onto TARGET
 *   unshare           unshare(CLONE_NEWNS)
 *   chroot DIR | chdir DIR | mkdir DIR
 *   changeprofile NAME  write "changeprofile NAME" to
 *                     /proc/self/attr/current
 *
 * One line per OP on stdout: "OP ok" or "OP ERRNO-NAME". Operations after
 * a failure still run. Exit status 0 if every OP succeeded, 1 if one
 * failed, 2 on a usage error.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include "report.h"

#ifndef OPEN_TREE_CLONE
#define OPEN_TREE_CLONE 1
#endif
#ifndef MOVE_MOUNT_F_EMPTY_PATH
#define MOVE_MOUNT_F_EMPTY_PATH 0x00000004
#endif
#ifndef FSCONFIG_CMD_CREATE
#define FSCONFIG_CMD_CREATE 6
#endif

static int tree = -1;

static const struct {
	const char *name;
	unsigned long flag;
} flag_names[] = {
	{ "ro", MS_RDONLY }, { "nosuid", MS_NOSUID }, { "nodev", MS_NODEV },
	{ "noexec", MS_NOEXEC }, { "sync", MS_SYNCHRONOUS },
	{ "remount", MS_REMOUNT }, { "mand", MS_MANDLOCK },
	{ "dirsync", MS_DIRSYNC }, { "nosymfollow", 256 },
	{ "noatime", MS_NOATIME }, { "nodiratime", MS_NODIRATIME },
	{ "bind", MS_BIND }, { "move", MS_MOVE }, { "rec", MS_REC },
	{ "silent", MS_SILENT }, { "acl", MS_POSIXACL },
	{ "unbindable", MS_UNBINDABLE }, { "private", MS_PRIVATE },
	{ "slave", MS_SLAVE }, { "shared", MS_SHARED },
	{ "relatime", MS_RELATIME }, { "kernmount", 1UL << 22 },
	{ "iversion", MS_I_VERSION }, { "strictatime", MS_STRICTATIME },
	{ "lazytime", 1UL << 25 }, { "nosec", 1UL << 28 },
	{ "born", 1UL << 29 }, { "active", 1UL << 30 },
	{ "nouser", 1UL << 31 }, { "magic", 0xC0ED0000UL },
};

static int usage(const char *why)
{
	fflush(stdout);
	fprintf(stderr, "mnt: %s\n", why);
	return 2;
}

static int parse_flags(const char *s, unsigned long *out)
{
	char *copy = strdup(s), *tok, *save = NULL, *end;
	unsigned long f = 0;
	size_t i;

	for (tok = strtok_r(copy, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		if (tok[0] >= '0' && tok[0] <= '9') {
			f |= strtoul(tok, &end, 0);
			if (*end)
				goto bad;
			continue;
		}
		for (i = 0; i < sizeof(flag_names) / sizeof(flag_names[0]); i++)
			if (!strcmp(tok, flag_names[i].name))
				break;
		if (i == sizeof(flag_names) / sizeof(flag_names[0]))
			goto bad;
		f |= flag_names[i].flag;
	}
	free(copy);
	*out = f;
	return 0;
bad:
	free(copy);
	return -1;
}

/* "-" is NULL, "''" the empty string */
static const char *arg_str(const char *s)
{
	if (!strcmp(s, "-"))
		return NULL;
	if (!strcmp(s, "''"))
		return "";
	return s;
}

static long new_tree(long fd)
{
	if (fd < 0)
		return fd;
	if (tree >= 0)
		close(tree);
	tree = fd;
	return 0;
}

static long do_fsmount(const char *type)
{
	long fs, m;

	fs = syscall(SYS_fsopen, type, 0);
	if (fs < 0)
		return fs;
	if (syscall(SYS_fsconfig, fs, FSCONFIG_CMD_CREATE, NULL, NULL, 0) < 0) {
		close(fs);
		return -1;
	}
	m = syscall(SYS_fsmount, fs, 0, 0);
	close(fs);
	return new_tree(m);
}

static long change_profile(const char *name)
{
	char buf[512];
	int fd, n;
	long rc;

	n = snprintf(buf, sizeof(buf), "changeprofile %s", name);
	fd = open("/proc/self/attr/current", O_WRONLY);
	if (fd < 0)
		return fd;
	rc = write(fd, buf, n);
	close(fd);
	return rc;
}

int main(int argc, char **argv)
{
	unsigned long flags;
	int i = 1;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc < 2)
		return usage("no operation");
	while (i < argc) {
		const char *op = argv[i++];
		int left = argc - i;

		if (!strcmp(op, "mount") && left >= 5) {
			if (parse_flags(argv[i + 3], &flags))
				return usage("bad flags");
			report(op, mount(arg_str(argv[i]), argv[i + 1],
					 arg_str(argv[i + 2]), flags,
					 arg_str(argv[i + 4])));
			i += 5;
		} else if (!strcmp(op, "umount") && left >= 2) {
			const char *f = argv[i + 1];
			int uf = !strcmp(f, "detach") ? MNT_DETACH :
				 !strcmp(f, "force") ? MNT_FORCE : atoi(f);

			report(op, umount2(argv[i], uf));
			i += 2;
		} else if (!strcmp(op, "pivot") && left >= 2) {
			report(op, syscall(SYS_pivot_root, argv[i], argv[i + 1]));
			i += 2;
		} else if (!strcmp(op, "tree") && left >= 1) {
			report(op, new_tree(syscall(SYS_open_tree, AT_FDCWD,
						    argv[i++], OPEN_TREE_CLONE |
						    AT_RECURSIVE)));
		} else if (!strcmp(op, "attached") && left >= 1) {
			report(op, new_tree(syscall(SYS_open_tree, AT_FDCWD,
						    argv[i++], 0)));
		} else if (!strcmp(op, "fsmount") && left >= 1) {
			report(op, do_fsmount(argv[i++]));
		} else if (!strcmp(op, "moveto") && left >= 1) {
			report(op, syscall(SYS_move_mount, tree, "", AT_FDCWD,
					   argv[i++], MOVE_MOUNT_F_EMPTY_PATH));
		} else if (!strcmp(op, "unshare")) {
			report(op, unshare(CLONE_NEWNS));
		} else if (!strcmp(op, "chroot") && left >= 1) {
			report(op, chroot(argv[i++]));
		} else if (!strcmp(op, "chdir") && left >= 1) {
			report(op, chdir(argv[i++]));
		} else if (!strcmp(op, "mkdir") && left >= 1) {
			report(op, mkdir(argv[i++], 0755));
		} else if (!strcmp(op, "changeprofile") && left >= 1) {
			report(op, change_profile(argv[i++]));
		} else {
			return usage("unknown operation or missing arguments");
		}
	}
	return failed;
}
