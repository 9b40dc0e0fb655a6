#!/usr/bin/python3
"""Runs a command under the seccomp part of a systemd unit's hardening, without systemd as PID 1.

Usage: unit-sandbox.py UNIT_FILE [--mdwe=yes|no] -- COMMAND [ARG...]

The test machine has no running systemd, so `systemctl start` cannot prove that the unit's sandbox lets the .NET
runtime work. This script applies the same kernel filters systemd would (systemd.exec(5)):
  SystemCallFilter= (allow list, then ~deny lists), SystemCallErrorNumber=, SystemCallArchitectures=native,
  RestrictAddressFamilies= (allow list: other families fail with EAFNOSUPPORT, as systemd does),
  MemoryDenyWriteExecute= (systemd's rules: no mmap with PROT_WRITE|PROT_EXEC, no mprotect/pkey_mprotect adding
  PROT_EXEC, no shmat with SHM_EXEC), and NoNewPrivileges=,
then executes COMMAND. Syscall groups are expanded by `systemd-analyze syscall-filter`, the same tables systemd uses.
--mdwe overrides the unit's MemoryDenyWriteExecute= to show what the setting would do.
Needs python3-seccomp (libseccomp's own binding).
"""
import errno
import os
import socket
import subprocess
import sys

import seccomp

PROT_WRITE, PROT_EXEC, SHM_EXEC = 0x2, 0x4, 0o100000
# systemd.exec(5): "the following system calls are always permitted" in allow-list mode.
ALWAYS_ALLOWED = ["execve", "exit", "exit_group", "getrlimit", "rt_sigreturn", "sigreturn"]


def service_settings(unit_path):
    settings, section = [], None
    with open(unit_path, encoding="utf-8") as unit:
        for raw in unit:
            line = raw.strip()
            if not line or line[0] in "#;":
                continue
            if line.startswith("["):
                section = line
            elif section == "[Service]" and "=" in line:
                key, value = line.split("=", 1)
                settings.append((key.strip(), value.strip()))
    return settings


def expand(names, seen=None):
    seen = set() if seen is None else seen
    calls = set()
    for name in names:
        if not name.startswith("@"):
            calls.add(name)
            continue
        if name in seen:
            continue
        seen.add(name)
        listing = subprocess.run(["systemd-analyze", "syscall-filter", name], check=True, capture_output=True, text=True).stdout
        members = [l.strip() for l in listing.splitlines()[1:] if l.strip() and not l.strip().startswith("#")]
        calls |= expand(members, seen)
    return calls


def build_filter(settings, mdwe_override):
    allowed, error_number, families, mdwe, nnp = None, errno.EPERM, None, False, False
    for key, value in settings:
        if key == "SystemCallFilter":
            deny = value.startswith("~")
            names = expand(value.lstrip("~").split())
            if allowed is None:
                if deny:
                    raise SystemExit("unit-sandbox: deny-list-first SystemCallFilter= is not emulated; start with an allow list")
                allowed = set(ALWAYS_ALLOWED)
            allowed = allowed - names if deny else allowed | names
        elif key == "SystemCallErrorNumber":
            error_number = getattr(errno, value)
        elif key == "RestrictAddressFamilies":
            families = {getattr(socket, name) for name in value.split()}
        elif key == "MemoryDenyWriteExecute":
            mdwe = value == "yes"
        elif key == "NoNewPrivileges":
            nnp = value == "yes"
    if allowed is None:
        raise SystemExit("unit-sandbox: the unit has no SystemCallFilter=")
    if mdwe_override is not None:
        mdwe = mdwe_override == "yes"

    rules = seccomp.SyscallFilter(defaction=seccomp.ERRNO(error_number))
    rules.set_attr(seccomp.Attr.CTL_NNP, 1 if nnp else 0)
    for call in sorted(allowed):
        try:
            if call == "socket" and families is not None:
                continue
            if mdwe and call in ("mmap", "mmap2", "mprotect", "pkey_mprotect", "shmat"):
                continue
            rules.add_rule(seccomp.ALLOW, call)
        except (RuntimeError, ValueError):
            pass  # a name this kernel/architecture does not have (e.g. the 32-bit variants on x86-64)
    if "socket" in allowed and families is not None:
        for family in families:
            rules.add_rule(seccomp.ALLOW, "socket", seccomp.Arg(0, seccomp.EQ, family))
        # Any other family fails with EAFNOSUPPORT, as with systemd's RestrictAddressFamilies= (AF_MAX is 46).
        for family in range(0, 46):
            if family not in families:
                rules.add_rule(seccomp.ERRNO(errno.EAFNOSUPPORT), "socket", seccomp.Arg(0, seccomp.EQ, family))
    if mdwe:
        add_mdwe_rules(rules, allowed)
    return rules


def add_mdwe_rules(rules, allowed):
    write_exec = PROT_WRITE | PROT_EXEC
    for call in ("mmap", "mmap2"):
        if call in allowed:
            try:
                rules.add_rule(seccomp.ALLOW, call, seccomp.Arg(2, seccomp.MASKED_EQ, write_exec, 0))
                rules.add_rule(seccomp.ALLOW, call, seccomp.Arg(2, seccomp.MASKED_EQ, write_exec, PROT_WRITE))
                rules.add_rule(seccomp.ALLOW, call, seccomp.Arg(2, seccomp.MASKED_EQ, write_exec, PROT_EXEC))
            except (RuntimeError, ValueError):
                pass
    for call in ("mprotect", "pkey_mprotect"):
        if call in allowed:
            rules.add_rule(seccomp.ALLOW, call, seccomp.Arg(2, seccomp.MASKED_EQ, PROT_EXEC, 0))
    if "shmat" in allowed:
        rules.add_rule(seccomp.ALLOW, "shmat", seccomp.Arg(2, seccomp.MASKED_EQ, SHM_EXEC, 0))


def main(argv):
    if "--" not in argv or argv.index("--") < 2:
        raise SystemExit(__doc__)
    split = argv.index("--")
    unit, options, command = argv[1], argv[2:split], argv[split + 1:]
    mdwe = next((o.split("=", 1)[1] for o in options if o.startswith("--mdwe=")), None)
    build_filter(service_settings(unit), mdwe).load()
    os.execvp(command[0], command)


if __name__ == "__main__":
    main(sys.argv)
