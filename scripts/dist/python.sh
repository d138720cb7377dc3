# shellcheck shell=bash
# dist/python: one wheel per platform, py3-none-<platform> (ctypes: no
# Python C API), the library inside the package folder, and the sdist. The
# wheels come from the package's own build backend, given each library.

# Runs a hook of bindings/python's build backend: dist_python_backend HOOK OUT_DIR [key=value...]
dist_python_backend() {
    local hook=$1 out=$2
    shift 2
    python3 - "$SB_ROOT/bindings/python/build_backend" "$hook" "$out" "$@" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import smartbill_signup_build as backend
hook, out = sys.argv[2], sys.argv[3]
settings = dict(arg.split("=", 1) for arg in sys.argv[4:])
print("   " + getattr(backend, hook)(out, settings))
PY
}

dist_python() {
    dist_fresh python
    local out="$DIST/python"
    dist_python_backend build_wheel "$out" native="$LINUX_SO" platform=manylinux2014_x86_64
    if [ "$WINDOWS" = yes ]; then
        dist_python_backend build_wheel "$out" native="$WIN64_DIR/smartbill_signup.dll" platform=win_amd64
        dist_python_backend build_wheel "$out" native="$WIN32_DIR/smartbill_signup.dll" platform=win32
    fi
    dist_python_backend build_sdist "$out"
    # auditwheel reads the library's symbol versions: the tag must be the one it allows.
    ensure_pip auditwheel
    local wheel="$out/smartbill_signup-$SB_VERSION-py3-none-manylinux2014_x86_64.whl" report
    report=$(python3 -m auditwheel show "$wheel" 2>&1) || dist_die "auditwheel show failed: $report"
    tr -s '[:space:]' ' ' <<<"$report" | grep -q 'consistent with the following platform tag: "manylinux_2_17_x86_64"' ||
        dist_die "auditwheel does not agree with manylinux2014 (manylinux_2_17):"$'\n'"$report"
    echo "   auditwheel: consistent with manylinux_2_17_x86_64 (manylinux2014)"
}
