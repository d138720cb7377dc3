#!/usr/bin/env bash
# Builds the release packages into dist/, each the way its community installs
# native code, all from ONE Linux release build (glibc 2.17, scripts/lib.sh)
# and the Windows DLLs of scripts/build-windows.sh (target/windows/):
#   dist/python/  wheels py3-none-manylinux2014_x86_64, -win_amd64, -win32, and the sdist
#   dist/java/    the jar (natives for linux-x86-64, win32-x86-64, win32-x86), -sources, -javadoc, the pom
#   dist/csharp/  SmartbillSignup.<version>.nupkg (lib/netstandard2.0, lib/net45, runtimes/*/native, build/)
#   dist/c/       the Linux tar.gz and the two Windows zips (header, copybook, libraries, pkg-config)
#   dist/cli/     the command-line tool: a Linux tar.gz, smartbill-signup.exe in a zip per Windows target
#   dist/SHA256SUMS
# Without the Windows DLLs it packages Linux only and says so; with
# SMARTBILL_DIST_WINDOWS=require it fails instead. The same inputs give the
# same files. Installs what it needs; safe to run again.
# Usage: bash scripts/dist.sh [python] [java] [csharp] [c] [cli]    (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
source scripts/dist/common.sh
source scripts/dist/python.sh
source scripts/dist/java.sh
source scripts/dist/csharp.sh
source scripts/dist/c.sh
source scripts/dist/cli.sh

parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(python java csharp c cli)
for part in "${parts[@]}"; do
    case "$part" in python | java | csharp | c | cli) ;; *) dist_die "unknown part '$part' (python, java, csharp, c, cli)" ;; esac
done

dist_prepare
for part in "${parts[@]}"; do
    echo
    echo "== dist/$part"
    "dist_$part"
done
dist_checksums
echo
echo "dist: done (version $SB_VERSION)"
dist_list
