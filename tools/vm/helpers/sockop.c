// SPDX-License-Identifier: GPL-2.0-only
/*
 * sockop - a sequence of socket operations in one process, for the
 * Rampart VM network tests.
 *
 *   sockop OP [ARG...] [OP [ARG...]]...
 *
 * Sockets are numbered in the order they appear (socket, pair makes two,
 * accept one); most OPs work on the "current" one, the last that appeared
 * or was selected with "use".
 *
 *   socket FAMILY TYPE PROTO  socket(2); FAMILY unix inet inet6 netlink
 *                     packet or a number, TYPE stream dgram raw rdm
 *                     seqpacket packet or a number
 *   pair TYPE         socketpair(AF_UNIX, TYPE); the first end is current
 *   use N             make socket N current
 *   fd N              take the inherited descriptor N as the next socket
 *   bind ADDR | connect ADDR
 *   listen N | accept (the accepted socket becomes current)
 *   send DATA | write DATA | sendto ADDR DATA
 *   sendfo ADDR DATA  sendto(2) with MSG_FASTOPEN (TCP fast open)
 *   recv | read       one recv()/read() of up to 256 bytes (MSG_DONTWAIT
 *                     for recv): prints OP 'DATA'
 *   getsockname | getpeername | shutdown
 *   getopt NAME | setopt NAME   SOL_SOCKET option rcvtimeo, sndbuf, type
 *   peersec [LEN]     getsockopt(SO_PEERSEC) with a LEN-byte buffer (256):
 *                     prints peersec 'LABEL', or the errno and the length
 *                     the kernel wants (peersec ERANGE 17)
 *   sendfd N          send socket N over the current socket (SCM_RIGHTS)
 *   recvfd            receive a message; a descriptor received becomes
 *                     the newest socket and current; prints recvfd none
 *                     (and ctrunc) when none came
 *   wait PATH         wait up to 5 s for PATH to exist
 *   touch PATH        create PATH (to tell another process we are ready)
 *   sleep MS          sleep MS milliseconds
 *   changeprofile NAME  write "changeprofile NAME" to
 *                     /proc/self/attr/current (aa_change_profile)
 *   pid               prints pid <getpid()>
 *   exec PROG [ARG...]  execvp(2) with the sockets inherited; takes every
 *                     remaining argument
 *
 * ADDR: @NAME (abstract, exactly the name's bytes), @NAME+ (abstract,
 * padded with NULs to sizeof(struct sockaddr_un)), auto (length 2: an
 * autobind request), /PATH (pathname), inet:PORT (127.0.0.1), inet6:PORT
 * (::1), netlink (pid 0). For each OP one line goes to stdout: "OP ok" or
 * "OP ERRNO-NAME". Exit status 0 if every OP succeeded, 1 if one failed,
 * 2 on a usage error.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <linux/netlink.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include "report.h"

#ifndef SO_PEERSEC
#define SO_PEERSEC 31
#endif

static int socks[64];
static int nsocks;
static int cur = -1;

static void usage(const char *why)
{
	fprintf(stderr, "sockop: %s\n", why);
	exit(2);
}

static void add(int fd)
{
	if (nsocks == 64)
		usage("too many sockets");
	socks[nsocks++] = fd;
	cur = fd;
}

static int word(const char *s, const char *const *names, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (names[i] && !strcmp(s, names[i]))
			return i;
	return atoi(s);
}

static int family(const char *s)
{
	if (!strcmp(s, "unix"))
		return AF_UNIX;
	if (!strcmp(s, "inet"))
		return AF_INET;
	if (!strcmp(s, "inet6"))
		return AF_INET6;
	if (!strcmp(s, "netlink"))
		return AF_NETLINK;
	if (!strcmp(s, "packet"))
		return AF_PACKET;
	return atoi(s);
}

static int type(const char *s)
{
	static const char *const names[] = {
		NULL, "stream", "dgram", "raw", "rdm", "seqpacket", "dccp",
		NULL, NULL, NULL, "packet",
	};

	return word(s, names, 11);
}

static int optname(const char *s)
{
	if (!strcmp(s, "rcvtimeo"))
		return SO_RCVTIMEO;
	if (!strcmp(s, "sndbuf"))
		return SO_SNDBUF;
	if (!strcmp(s, "type"))
		return SO_TYPE;
	return atoi(s);
}

/* Fill @ss from ADDR; return its length. */
static socklen_t addr(const char *s, struct sockaddr_storage *ss)
{
	struct sockaddr_un *un = (struct sockaddr_un *)ss;
	struct sockaddr_in *in = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;
	struct sockaddr_nl *nl = (struct sockaddr_nl *)ss;
	size_t n;

	memset(ss, 0, sizeof(*ss));
	if (!strncmp(s, "inet:", 5)) {
		in->sin_family = AF_INET;
		in->sin_port = htons(atoi(s + 5));
		in->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		return sizeof(*in);
	}
	if (!strncmp(s, "inet6:", 6)) {
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons(atoi(s + 6));
		in6->sin6_addr = in6addr_loopback;
		return sizeof(*in6);
	}
	if (!strcmp(s, "netlink")) {
		nl->nl_family = AF_NETLINK;
		return sizeof(*nl);
	}
	un->sun_family = AF_UNIX;
	if (!strcmp(s, "auto"))
		return offsetof(struct sockaddr_un, sun_path);
	n = strlen(s);
	if (s[0] == '@') {
		if (n > 1 && s[n - 1] == '+') {
			memcpy(un->sun_path + 1, s + 1, n - 2);
			return sizeof(*un);
		}
		memcpy(un->sun_path + 1, s + 1, n - 1);
		return offsetof(struct sockaddr_un, sun_path) + n;
	}
	if (n >= sizeof(un->sun_path))
		usage("path too long");
	memcpy(un->sun_path, s, n);
	return offsetof(struct sockaddr_un, sun_path) + n + 1;
}

static void show_data(const char *op, ssize_t n, const char *buf)
{
	if (n < 0) {
		report(op, -1);
		return;
	}
	printf("%s '%.*s'\n", op, (int)n, buf);
}

static void peersec(int len)
{
	char buf[4096];
	socklen_t sl = len;

	if (getsockopt(cur, SOL_SOCKET, SO_PEERSEC, buf, &sl) < 0) {
		const char *name = strerrorname_np(errno);

		printf("peersec %s %u\n", name ? name : "E?", sl);
		failed = 1;
		return;
	}
	printf("peersec '%.*s'\n", (int)sl, buf);
}

static void sendfd(int fd)
{
	char cbuf[CMSG_SPACE(sizeof(int))] = { 0 };
	struct iovec iov = { .iov_base = "F", .iov_len = 1 };
	struct msghdr mh = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf),
	};
	struct cmsghdr *c = CMSG_FIRSTHDR(&mh);

	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &fd, sizeof(int));
	report("sendfd", sendmsg(cur, &mh, 0));
}

static void recvfd(void)
{
	char cbuf[CMSG_SPACE(sizeof(int))] = { 0 };
	char data[16];
	struct iovec iov = { .iov_base = data, .iov_len = sizeof(data) };
	struct msghdr mh = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf),
	};
	struct cmsghdr *c;
	int fd;

	if (recvmsg(cur, &mh, 0) < 0) {
		report("recvfd", -1);
		return;
	}
	c = CMSG_FIRSTHDR(&mh);
	if (!c || c->cmsg_type != SCM_RIGHTS) {
		printf("recvfd none%s\n",
		       (mh.msg_flags & MSG_CTRUNC) ? " ctrunc" : "");
		failed = 1;
		return;
	}
	memcpy(&fd, CMSG_DATA(c), sizeof(int));
	add(fd);
	printf("recvfd ok\n");
}

static void wait_for(const char *path)
{
	struct timespec ts = { 0, 20 * 1000 * 1000 };
	struct stat st;
	int i;

	for (i = 0; i < 250; i++) {
		if (!stat(path, &st)) {
			printf("wait ok\n");
			return;
		}
		nanosleep(&ts, NULL);
	}
	printf("wait ETIMEDOUT\n");
	failed = 1;
}

int main(int argc, char **argv)
{
	struct sockaddr_storage ss;
	char buf[256];
	int i = 1, sv[2], one;

	setvbuf(stdout, NULL, _IOLBF, 0);
	while (i < argc) {
		const char *op = argv[i++];
		int nargs = 0;

#define ARG(k) (i + (k) < argc ? argv[i + (k)] : (usage("missing argument"), ""))
		if (!strcmp(op, "socket")) {
			int fd = socket(family(ARG(0)), type(ARG(1)),
					atoi(ARG(2)));

			if (!report(op, fd))
				add(fd);
			nargs = 3;
		} else if (!strcmp(op, "pair")) {
			if (!report(op, socketpair(AF_UNIX, type(ARG(0)), 0,
						   sv))) {
				add(sv[0]);
				add(sv[1]);
				cur = sv[0];
			}
			nargs = 1;
		} else if (!strcmp(op, "use")) {
			one = atoi(ARG(0));
			if (one < 0 || one >= nsocks)
				usage("no such socket");
			cur = socks[one];
			nargs = 1;
		} else if (!strcmp(op, "fd")) {
			add(atoi(ARG(0)));
			nargs = 1;
		} else if (!strcmp(op, "bind")) {
			socklen_t l = addr(ARG(0), &ss);

			report(op, bind(cur, (struct sockaddr *)&ss, l));
			nargs = 1;
		} else if (!strcmp(op, "connect")) {
			socklen_t l = addr(ARG(0), &ss);

			report(op, connect(cur, (struct sockaddr *)&ss, l));
			nargs = 1;
		} else if (!strcmp(op, "listen")) {
			report(op, listen(cur, atoi(ARG(0))));
			nargs = 1;
		} else if (!strcmp(op, "accept")) {
			int fd = accept(cur, NULL, NULL);

			if (!report(op, fd))
				add(fd);
		} else if (!strcmp(op, "send")) {
			report(op, send(cur, ARG(0), strlen(ARG(0)),
					MSG_NOSIGNAL));
			nargs = 1;
		} else if (!strcmp(op, "write")) {
			report(op, write(cur, ARG(0), strlen(ARG(0))));
			nargs = 1;
		} else if (!strcmp(op, "sendto")) {
			socklen_t l = addr(ARG(0), &ss);

			report(op, sendto(cur, ARG(1), strlen(ARG(1)),
					  MSG_NOSIGNAL,
					  (struct sockaddr *)&ss, l));
			nargs = 2;
		} else if (!strcmp(op, "sendfo")) {
			socklen_t l = addr(ARG(0), &ss);

			report(op, sendto(cur, ARG(1), strlen(ARG(1)),
					  MSG_NOSIGNAL | MSG_FASTOPEN,
					  (struct sockaddr *)&ss, l));
			nargs = 2;
		} else if (!strcmp(op, "recv")) {
			show_data(op, recv(cur, buf, sizeof(buf),
					   MSG_DONTWAIT), buf);
		} else if (!strcmp(op, "read")) {
			show_data(op, read(cur, buf, sizeof(buf)), buf);
		} else if (!strcmp(op, "getsockname")) {
			socklen_t l = sizeof(ss);

			report(op, getsockname(cur, (struct sockaddr *)&ss,
					       &l));
		} else if (!strcmp(op, "getpeername")) {
			socklen_t l = sizeof(ss);

			report(op, getpeername(cur, (struct sockaddr *)&ss,
					       &l));
		} else if (!strcmp(op, "shutdown")) {
			report(op, shutdown(cur, SHUT_RDWR));
		} else if (!strcmp(op, "getopt")) {
			socklen_t l = sizeof(buf);

			report(op, getsockopt(cur, SOL_SOCKET,
					      optname(ARG(0)), buf, &l));
			nargs = 1;
		} else if (!strcmp(op, "setopt")) {
			struct timeval tv = { 1, 0 };
			int v = 65536;
			int n = optname(ARG(0));

			if (n == SO_RCVTIMEO)
				report(op, setsockopt(cur, SOL_SOCKET, n, &tv,
						      sizeof(tv)));
			else
				report(op, setsockopt(cur, SOL_SOCKET, n, &v,
						      sizeof(v)));
			nargs = 1;
		} else if (!strcmp(op, "peersec")) {
			if (i < argc && argv[i][0] >= '0' && argv[i][0] <= '9') {
				peersec(atoi(argv[i]));
				nargs = 1;
			} else {
				peersec(256);
			}
		} else if (!strcmp(op, "sendfd")) {
			one = atoi(ARG(0));
			if (one < 0 || one >= nsocks)
				usage("no such socket");
			sendfd(socks[one]);
			nargs = 1;
		} else if (!strcmp(op, "recvfd")) {
			recvfd();
		} else if (!strcmp(op, "wait")) {
			wait_for(ARG(0));
			nargs = 1;
		} else if (!strcmp(op, "touch")) {
			FILE *f = fopen(ARG(0), "w");

			report(op, f ? 0 : -1);
			if (f)
				fclose(f);
			nargs = 1;
		} else if (!strcmp(op, "sleep")) {
			usleep(atoi(ARG(0)) * 1000);
			nargs = 1;
		} else if (!strcmp(op, "changeprofile")) {
			FILE *f = fopen("/proc/self/attr/current", "w");
			int rc = -1;

			if (f) {
				rc = fprintf(f, "changeprofile %s", ARG(0));
				rc = fclose(f) ? -1 : rc;
			}
			report(op, rc);
			nargs = 1;
		} else if (!strcmp(op, "pid")) {
			printf("pid %d\n", getpid());
		} else if (!strcmp(op, "exec")) {
			if (i >= argc)
				usage("exec needs a program");
			fflush(stdout);
			execvp(argv[i], argv + i);
			report(op, -1);
			return 1;
		} else {
			usage("unknown operation");
		}
		i += nargs;
	}
	return failed;
}
