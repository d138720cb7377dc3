# shellcheck shell=bash
# Shared helpers for the project's scripts: install what is missing, once.
# Sourced, not run.

# Installs the Debian packages among "$@" that are not installed yet.
ensure_apt() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "installing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    if [ ! -f /tmp/.smartbill-apt-updated ]; then
        $sudo apt-get update -qq && touch /tmp/.smartbill-apt-updated
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Installs the pip requirements among "$@" that are not importable/installed.
ensure_pip() {
    local missing=()
    for req in "$@"; do
        python3 -m pip show -q "${req%%[<>=]*}" >/dev/null 2>&1 || missing+=("$req")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "installing pip packages: ${missing[*]}"
    python3 -m pip install -q --disable-pip-version-check "${missing[@]}"
}
