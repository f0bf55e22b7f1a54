#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
#
# parse-records.py -- host-side check of a VM test (suite.sh "# host-check:"):
# Debian's libapparmor (python3-libapparmor, what aa-logprof and aa-notify
# use) must parse the AppArmor audit records the test printed.
#
# Reads the test's output on stdin. Every line "record: <kernel log line>"
# (as dmesg prints it, "audit: type=1400 audit(S.MS:N): apparmor=...") is
# fed to LibAppArmor.parse_record in the form auditd writes it
# ("type=AVC msg=audit(S.MS:N): ..."), and the parse must give the event
# type of apparmor="...", and for each of operation, profile, name,
# target (name2), requested_mask, denied_mask, info, error, pid, comm,
# fsuid, ouid, namespace, peer, signal, family, sock_type, protocol,
# laddr, lport, faddr, fport, fstype, flags, srcname and capname present
# in the line the same value as the line itself (protocol as 3.0.8 names
# it from /etc/protocols, error as its absolute value, capname as the
# record's name). A line "records: N" requires exactly N records.
#
# A line "unreadable: <kernel log line>" is a record the test says 3.0.8
# cannot read (mediation.md 13.5): it must parse as invalid, and carry
# one of the keys 3.0.8's grammar lacks (UNKNOWN_KEYS). Prints one line
# per record; exit 0 if all are as said, 1 otherwise (or if there are no
# records).
#
# Runs /usr/bin/python3, the interpreter python3-libapparmor is built for.
import re
import sys

try:
    import LibAppArmor
except ImportError:
    print("parse-records: python3-libapparmor is not installed "
          "(apt-get install python3-libapparmor)")
    sys.exit(1)

EVENTS = {
    "AUDIT": LibAppArmor.AA_RECORD_AUDIT,
    "ALLOWED": LibAppArmor.AA_RECORD_ALLOWED,
    "DENIED": LibAppArmor.AA_RECORD_DENIED,
    "HINT": LibAppArmor.AA_RECORD_HINT,
    "STATUS": LibAppArmor.AA_RECORD_STATUS,
    "ERROR": LibAppArmor.AA_RECORD_ERROR,
}
# key in the record -> attribute of the parsed record
FIELDS = {
    "operation": "operation", "profile": "profile", "name": "name",
    "target": "name2", "requested_mask": "requested_mask",
    "denied_mask": "denied_mask", "info": "info", "error": "error_code",
    "pid": "pid", "comm": "comm", "fsuid": "fsuid", "ouid": "ouid",
    "namespace": "namespace", "peer": "peer", "signal": "signal",
    "family": "net_family", "sock_type": "net_sock_type",
    "protocol": "net_protocol", "laddr": "net_local_addr",
    "lport": "net_local_port", "faddr": "net_foreign_addr",
    "fport": "net_foreign_port", "fstype": "fs_type", "flags": "flags",
    "srcname": "src_name", "capname": "name",
}
NUMBERS = ("pid", "fsuid", "ouid", "lport", "fport")
# keys of 6.12 records that libapparmor 3.0.8's grammar does not know
UNKNOWN_KEYS = ("class", "rlimit", "value", "requested", "denied",
                "tcontext", "peer_addr")


def protocol_name(number):
    """The name 3.0.8 gives a protocol number (getprotobynumber)."""
    try:
        with open("/etc/protocols") as f:
            for line in f:
                words = line.split("#", 1)[0].split()
                if len(words) >= 2 and words[1] == number:
                    return words[0]
    except OSError:
        pass
    return number
HEADER = re.compile(r"type=1400 audit\(([0-9.:]+)\): (apparmor=.*)$")
FIELD = re.compile(r' ?([a-z_0-9]+)=("[^"]*"|[^ ]*)')


def value(raw):
    """The value of a field as the kernel wrote it: "text" or hex."""
    if raw.startswith('"'):
        return raw[1:-1]
    if re.fullmatch(r"(?:[0-9A-F]{2})+", raw) and not raw.isdigit():
        return bytes.fromhex(raw).decode("utf-8", "replace")
    return raw


def check(line):
    m = HEADER.search(line)
    if not m:
        return ["not a kernel audit line"]
    stamp, body = m.groups()
    fields = {k: value(v) for k, v in FIELD.findall(body)}
    rec = LibAppArmor.parse_record("type=AVC msg=audit(%s): %s" % (stamp, body))
    try:
        errors = []
        want = EVENTS.get(fields.get("apparmor"))
        if rec.event == LibAppArmor.AA_RECORD_INVALID:
            return ["libapparmor: invalid record (nothing parsed)"]
        if want is None or rec.event != want:
            errors.append("event %d for apparmor=%s" % (rec.event, fields.get("apparmor")))
        for key, attr in FIELDS.items():
            if key not in fields:
                continue
            got = getattr(rec, attr)
            if key in NUMBERS:
                ok = str(got) == fields[key]
            elif key == "error":
                ok = str(got) == fields[key].lstrip("-")
            elif key == "protocol":
                ok = got in (fields[key], protocol_name(fields[key]))
            else:
                ok = got == fields[key]
            if not ok:
                errors.append("%s: parsed %r, record has %r" % (key, got, fields[key]))
        return errors
    finally:
        LibAppArmor.free_record(rec)


def unreadable(line):
    """What is wrong with a record said to be unreadable by 3.0.8."""
    m = HEADER.search(line)
    if not m:
        return ["not a kernel audit line"]
    stamp, body = m.groups()
    keys = [k for k, _ in FIELD.findall(body)]
    if not any(k in UNKNOWN_KEYS for k in keys):
        return ["none of the keys 3.0.8 lacks (%s)" % ", ".join(UNKNOWN_KEYS)]
    rec = LibAppArmor.parse_record("type=AVC msg=audit(%s): %s" % (stamp, body))
    try:
        if rec.event != LibAppArmor.AA_RECORD_INVALID:
            return ["libapparmor parsed it (event %d)" % rec.event]
        return []
    finally:
        LibAppArmor.free_record(rec)


def main():
    n = 0
    want = None
    bad = 0
    for line in sys.stdin:
        line = line.rstrip("\n")
        if line.startswith("records: "):
            want = int(line.split()[1])
        if line.startswith("unreadable: "):
            errors = unreadable(line[len("unreadable: "):])
            body = line.split("): ", 1)[-1]
            if errors:
                bad += 1
                print("FAIL unreadable %s\n  %s" % (body, "\n  ".join(errors)))
            else:
                print("ok   unreadable by 3.0.8, as said: %s" % body)
            continue
        if not line.startswith("record: "):
            continue
        n += 1
        errors = check(line[len("record: "):])
        body = line.split("): ", 1)[-1]
        if errors:
            bad += 1
            print("FAIL %s\n  %s" % (body, "\n  ".join(errors)))
        else:
            print("ok   %s" % body)
    if n == 0:
        print("parse-records: no 'record: ' lines in the test output")
        return 1
    if want is not None and want != n:
        print("parse-records: %d records, the test announced %d" % (n, want))
        return 1
    print("parse-records: %d of %d records parsed" % (n - bad, n))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
