# Sourced by scripts/setup.sh and scripts/setup-tex.sh: installs Debian packages with apt-get,
# through sudo when not root, or says in one line what to run instead.
#   apt_install NAME PACKAGE...   (NAME starts the messages, e.g. "setup")
apt_install() {
  local name=$1
  shift
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "$name: not root and no sudo: run as root: apt-get install -y $*" >&2
      return 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "$@"
}
