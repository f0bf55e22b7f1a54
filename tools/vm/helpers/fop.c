// SPDX-License-Identifier: GPL-2.0-only
/*
 * fop - a sequence of file operations in one process, for the Rampart VM
 * file mediation tests.
 *
 *   fop OP [ARG...] [OP [ARG...]]...
 *
 * Each OP takes a fixed number of arguments and works on the "current"
 * descriptor (the last one opened, selected or received) where it needs
 * one. Descriptors are opened without O_CLOEXEC, so they are inherited by
 * "exec".
 *
 *   open PATH FLAGS   open(2); FLAGS letters: r w (both = O_RDWR), a
 *                     O_APPEND, t O_TRUNC, c O_CREAT, x O_EXCL,
 *                     d O_DIRECTORY, p O_PATH (mode 0644 on create)
 *   fd N              make the inherited descriptor N current
 *   dup N             dup2 the current descriptor to N, make N current
 *   read              one read() of up to 256 bytes: prints read 'DATA'
 *   write DATA        one write() of DATA
 *   readdir           one getdents64()
 *   ftruncate LEN     ftruncate(2)
 *   flock sh|ex|un    flock(2) with LOCK_NB
 *   lock r|w|u        fcntl(F_SETLK) of the whole file (F_RDLCK, F_WRLCK,
 *                     F_UNLCK)
 *   mmap PROT shared|private   mmap(2) of 4096 bytes at offset 0; PROT
 *                     letters r w x, or - for PROT_NONE
 *   mprotect PROT     mprotect(2) of the last mapping
 *   close             close(2) of the current descriptor
 *   fdpath            prints fdpath <readlink of /proc/self/fd/N>
 *   truncate PATH LEN truncate(2)
 *   mknod PATH        a FIFO, mode 0644
 *   mkdir PATH        mode 0755
 *   rmdir PATH | unlink PATH | stat PATH
 *   symlink TARGET PATH | link OLD NEW | rename OLD NEW
 *   chmod PATH OCTAL | chown PATH UID:GID
 *   changeprofile NAME  write "changeprofile NAME" to
 *                     /proc/self/attr/current (what aa_change_profile does)
 *   capget            capget(2) of itself: prints
 *                     capget effective=0xHEX permitted=0xHEX
 *   pair              socketpair(AF_UNIX, SOCK_STREAM)
 *   sendfd            send the current descriptor over the pair (SCM_RIGHTS)
 *   recvfd            receive one message on the other end; a descriptor
 *                     received becomes current, none is an error
 *                     (recvfd none, with MSG_CTRUNC shown if set)
 *   pid               prints pid <getpid()>
 *   exec PROG [ARG...]  execvp(2); takes every remaining argument
 *
 * For each OP one line goes to stdout: "OP ok" (read and fdpath print what
 * they got), or "OP ERRNO-NAME" when the call failed. Operations after a
 * failure still run. Exit status 0 if every OP succeeded, 1 if one failed,
 * 2 on a usage error.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/capability.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include "report.h"

static int cur = -1;
static int pair[2] = { -1, -1 };
static void *map;

static int usage(const char *why)
{
	fflush(stdout);
	fprintf(stderr, "fop: %s\n", why);
	return 2;
}

static int open_flags(const char *s, int *flags)
{
	int rd = 0, wr = 0, f = 0;

	for (; *s; s++) {
		switch (*s) {
		case 'r': rd = 1; break;
		case 'w': wr = 1; break;
		case 'a': f |= O_APPEND; break;
		case 't': f |= O_TRUNC; break;
		case 'c': f |= O_CREAT; break;
		case 'x': f |= O_EXCL; break;
		case 'd': f |= O_DIRECTORY; break;
		case 'p': f |= O_PATH; break;
		default: return -1;
		}
	}
	*flags = f | (rd && wr ? O_RDWR : wr ? O_WRONLY : O_RDONLY);
	return 0;
}

static int prot_of(const char *s)
{
	int p = PROT_NONE;

	for (; *s; s++) {
		if (*s == 'r')
			p |= PROT_READ;
		else if (*s == 'w')
			p |= PROT_WRITE;
		else if (*s == 'x')
			p |= PROT_EXEC;
		else if (*s != '-')
			return -1;
	}
	return p;
}

static void print_data(const char *op, const char *buf, ssize_t n)
{
	printf("%s '", op);
	for (ssize_t i = 0; i < n; i++) {
		unsigned char c = buf[i];

		if (c == '\n')
			fputs("\\n", stdout);
		else if (c < 0x20 || c > 0x7e)
			printf("\\x%02x", c);
		else
			putchar(c);
	}
	puts("'");
}

static int send_fd(void)
{
	char data = 'F';
	struct iovec iov = { .iov_base = &data, .iov_len = 1 };
	union {
		char buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr align;
	} u;
	struct msghdr msg = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = u.buf, .msg_controllen = sizeof(u.buf),
	};
	struct cmsghdr *c = CMSG_FIRSTHDR(&msg);

	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &cur, sizeof(int));
	return sendmsg(pair[0], &msg, 0) < 0 ? -1 : 0;
}

static int recv_fd(void)
{
	char data;
	struct iovec iov = { .iov_base = &data, .iov_len = 1 };
	union {
		char buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr align;
	} u;
	struct msghdr msg = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = u.buf, .msg_controllen = sizeof(u.buf),
	};
	struct cmsghdr *c;

	if (recvmsg(pair[1], &msg, 0) < 0)
		return -1;
	for (c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
		if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS &&
		    c->cmsg_len >= CMSG_LEN(sizeof(int))) {
			memcpy(&cur, CMSG_DATA(c), sizeof(int));
			printf("recvfd ok\n");
			return 0;
		}
	}
	printf("recvfd none%s\n", msg.msg_flags & MSG_CTRUNC ? " MSG_CTRUNC" : "");
	failed = 1;
	return 0;
}

int main(int argc, char **argv)
{
	int i = 1;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc < 2)
		return usage("usage: fop OP [ARG...]... (see helpers/fop.c)");
	while (i < argc) {
		const char *op = argv[i++];
		const char *a = i < argc ? argv[i] : NULL;
		const char *b = i + 1 < argc ? argv[i + 1] : NULL;
		int nargs = 0, rc = 0;

#define NEED(n) do { \
		if (i + (n) > argc) \
			return usage("missing argument"); \
		nargs = (n); \
	} while (0)

		if (strcmp(op, "open") == 0) {
			int flags;

			NEED(2);
			if (open_flags(b, &flags))
				return usage("bad open flags");
			rc = open(a, flags, 0644);
			if (rc >= 0)
				cur = rc;
			report(op, rc);
		} else if (strcmp(op, "fd") == 0) {
			NEED(1);
			cur = atoi(a);
			report(op, fcntl(cur, F_GETFD));
		} else if (strcmp(op, "dup") == 0) {
			NEED(1);
			rc = dup2(cur, atoi(a));
			if (rc >= 0) {
				if (rc != cur)
					close(cur);
				cur = rc;
			}
			report(op, rc);
		} else if (strcmp(op, "read") == 0) {
			char buf[256];
			ssize_t n = read(cur, buf, sizeof(buf));

			if (n >= 0)
				print_data(op, buf, n);
			else
				report(op, -1);
		} else if (strcmp(op, "write") == 0) {
			NEED(1);
			report(op, write(cur, a, strlen(a)));
		} else if (strcmp(op, "readdir") == 0) {
			char buf[4096];

			report(op, syscall(SYS_getdents64, cur, buf, sizeof(buf)));
		} else if (strcmp(op, "ftruncate") == 0) {
			NEED(1);
			report(op, ftruncate(cur, atol(a)));
		} else if (strcmp(op, "flock") == 0) {
			int how;

			NEED(1);
			if (strcmp(a, "sh") == 0)
				how = LOCK_SH;
			else if (strcmp(a, "ex") == 0)
				how = LOCK_EX;
			else if (strcmp(a, "un") == 0)
				how = LOCK_UN;
			else
				return usage("flock sh|ex|un");
			report(op, flock(cur, how | LOCK_NB));
		} else if (strcmp(op, "lock") == 0) {
			struct flock fl = { .l_whence = SEEK_SET };

			NEED(1);
			if (strcmp(a, "r") == 0)
				fl.l_type = F_RDLCK;
			else if (strcmp(a, "w") == 0)
				fl.l_type = F_WRLCK;
			else if (strcmp(a, "u") == 0)
				fl.l_type = F_UNLCK;
			else
				return usage("lock r|w|u");
			report(op, fcntl(cur, F_SETLK, &fl));
		} else if (strcmp(op, "mmap") == 0) {
			int prot, flags;
			void *p;

			NEED(2);
			prot = prot_of(a);
			if (prot < 0)
				return usage("bad mmap protection");
			if (strcmp(b, "shared") == 0)
				flags = MAP_SHARED;
			else if (strcmp(b, "private") == 0)
				flags = MAP_PRIVATE;
			else
				return usage("mmap PROT shared|private");
			p = mmap(NULL, 4096, prot, flags, cur, 0);
			if (p != MAP_FAILED)
				map = p;
			report(op, p == MAP_FAILED ? -1 : 0);
		} else if (strcmp(op, "mprotect") == 0) {
			int prot;

			NEED(1);
			prot = prot_of(a);
			if (prot < 0 || !map)
				return usage("mprotect PROT after a mmap");
			report(op, mprotect(map, 4096, prot));
		} else if (strcmp(op, "close") == 0) {
			report(op, close(cur));
		} else if (strcmp(op, "fdpath") == 0) {
			char link[64], buf[4096];
			ssize_t n;

			snprintf(link, sizeof(link), "/proc/self/fd/%d", cur);
			n = readlink(link, buf, sizeof(buf) - 1);
			if (n >= 0) {
				buf[n] = 0;
				printf("fdpath %s\n", buf);
			} else {
				report(op, -1);
			}
		} else if (strcmp(op, "truncate") == 0) {
			NEED(2);
			report(op, truncate(a, atol(b)));
		} else if (strcmp(op, "mknod") == 0) {
			NEED(1);
			report(op, mknod(a, S_IFIFO | 0644, 0));
		} else if (strcmp(op, "mkdir") == 0) {
			NEED(1);
			report(op, mkdir(a, 0755));
		} else if (strcmp(op, "rmdir") == 0) {
			NEED(1);
			report(op, rmdir(a));
		} else if (strcmp(op, "unlink") == 0) {
			NEED(1);
			report(op, unlink(a));
		} else if (strcmp(op, "stat") == 0) {
			struct stat st;

			NEED(1);
			report(op, stat(a, &st));
		} else if (strcmp(op, "symlink") == 0) {
			NEED(2);
			report(op, symlink(a, b));
		} else if (strcmp(op, "link") == 0) {
			NEED(2);
			report(op, link(a, b));
		} else if (strcmp(op, "rename") == 0) {
			NEED(2);
			report(op, rename(a, b));
		} else if (strcmp(op, "chmod") == 0) {
			NEED(2);
			report(op, chmod(a, strtoul(b, NULL, 8)));
		} else if (strcmp(op, "chown") == 0) {
			char *end;
			unsigned long uid, gid;

			NEED(2);
			uid = strtoul(b, &end, 10);
			if (*end != ':')
				return usage("chown PATH UID:GID");
			gid = strtoul(end + 1, NULL, 10);
			report(op, chown(a, uid, gid));
		} else if (strcmp(op, "changeprofile") == 0) {
			char cmd[4096];
			int fd, n;

			NEED(1);
			n = snprintf(cmd, sizeof(cmd), "changeprofile %s", a);
			fd = open("/proc/self/attr/current", O_WRONLY | O_CLOEXEC);
			if (fd >= 0) {
				rc = write(fd, cmd, n);
				close(fd);
			} else {
				rc = -1;
			}
			report(op, rc);
		} else if (strcmp(op, "pair") == 0) {
			report(op, socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC,
					      0, pair));
		} else if (strcmp(op, "sendfd") == 0) {
			report(op, send_fd());
		} else if (strcmp(op, "recvfd") == 0) {
			if (recv_fd() < 0)
				report(op, -1);
		} else if (strcmp(op, "capget") == 0) {
			struct __user_cap_header_struct h = {
				.version = _LINUX_CAPABILITY_VERSION_3,
			};
			struct __user_cap_data_struct d[2];

			if (syscall(SYS_capget, &h, d) < 0) {
				report(op, -1);
			} else {
				printf("capget effective=0x%08x%08x permitted=0x%08x%08x\n",
				       d[1].effective, d[0].effective,
				       d[1].permitted, d[0].permitted);
			}
		} else if (strcmp(op, "pid") == 0) {
			printf("pid %d\n", getpid());
		} else if (strcmp(op, "exec") == 0) {
			NEED(1);
			fflush(stdout);
			execvp(a, argv + i);
			report(op, -1);
			return 1;
		} else {
			return usage("unknown operation");
		}
		i += nargs;
	}
	return failed;
}
