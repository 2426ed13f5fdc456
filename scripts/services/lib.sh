# Shared helpers for the service scripts (sourced, not run). Progress goes to stderr so that a
# script's stdout carries only what a caller captures (a path, a URL, env lines).

CIVICDESK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CIVICDESK_STATE="$CIVICDESK_ROOT/.civicdesk" # git-ignored
CIVICDESK_RUN="$CIVICDESK_STATE/run"         # pid files and logs of services started by these scripts

log() { printf '[%s] %s\n' "${LOG_TAG:-services}" "$*" >&2; }
die() {
  printf '[%s] ERROR: %s\n' "${LOG_TAG:-services}" "$*" >&2
  exit 1
}

# Whole seconds since the epoch, for timeouts.
now() { date +%s; }

# is_alive PID: true if a process with that pid exists.
is_alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

# port_open HOST PORT: true if something accepts TCP connections there (bash's /dev/tcp, no nc needed).
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# apt_install PKG...: installs Debian packages as root, running `apt-get update` at most once per
# process, and only when the package lists are missing or the first install attempt fails.
APT_UPDATED=0
apt_update_once() {
  [[ $APT_UPDATED == 1 ]] && return 0
  log "apt-get update"
  apt-get update -qq >&2 || die "apt-get update failed (network or sources.list problem?)"
  APT_UPDATED=1
}
apt_install() {
  command -v apt-get >/dev/null || die "apt-get not found: install these packages by hand: $*"
  [[ $(id -u) == 0 ]] || die "installing $* needs root: run 'sudo apt-get install -y $*' or rerun this script as root"
  export DEBIAN_FRONTEND=noninteractive
  if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then apt_update_once; fi
  log "apt-get install -y $*"
  if ! apt-get install -y -qq "$@" </dev/null >&2; then
    [[ $APT_UPDATED == 1 ]] && die "apt-get install $* failed"
    apt_update_once
    apt-get install -y -qq "$@" </dev/null >&2 || die "apt-get install $* failed"
  fi
}
