# Sourced by bin/test and bin/screenshots: the browser ITs (local/.../browser/*IT) drive the Debian
# chromium through its chromedriver. warta_ensure_browser installs the two packages where it may (as
# root, or with sudo that needs no password); where it cannot, it prints why and exports
# WARTA_BROWSER_TESTS_SKIPPED, and those tests are skipped with that reason (under CI=true they fail).

warta_ensure_browser() {
  local sudo="" reason=""
  warta_browser_present && return 0
  if [ "$(id -u)" -ne 0 ]; then
    sudo -n true 2>/dev/null && sudo="sudo -n" || reason="chromium or chromedriver missing, and neither root nor passwordless sudo to install them"
  fi
  if [ -z "$reason" ]; then
    echo "Installing the Debian packages chromium chromium-driver for the browser tests"
    warta_apt_install $sudo || { $sudo apt-get update -qq >/dev/null 2>&1 && warta_apt_install $sudo; } \
      || reason="apt-get install chromium chromium-driver failed"
  fi
  warta_browser_present && return 0
  reason="${reason:-/usr/bin/chromium or /usr/bin/chromedriver still missing after installing}"
  if [ "${CI:-}" = "true" ]; then
    echo "error: CI runs the browser tests, but $reason (they will fail)" >&2
  else
    echo "skipped: browser tests ($reason)"
  fi
  export WARTA_BROWSER_TESTS_SKIPPED="$reason"
}

warta_browser_present() {
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]
}

warta_apt_install() { # [sudo -n]
  "$@" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null 2>&1
}
