#!/usr/bin/env bash
# Runs a single-node Apache Kafka broker (KRaft; broker and controller in one
# JVM) on 127.0.0.1 for development and tests. The broker's jars come from
# Maven Central through tools/kafka/pom.xml. See docs/kafka.md.
#
# Usage: tools/kafka/kafka.sh start|stop|status|reset
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
POM="$SCRIPT_DIR/pom.xml"
KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$POM")"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_DATA_DIR="${KAFKA_DATA_DIR:-$REPO_ROOT/.data/kafka}"
AINS_KAFKA_HOME="${AINS_KAFKA_HOME:-${HOME:-/tmp}/.cache/ains/kafka-$KAFKA_VERSION}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-60}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
KAFKA_OPTS="${KAFKA_OPTS:-}"

# Relative paths would break once the broker runs with the data dir as cwd.
case "$KAFKA_DATA_DIR" in /*) ;; *) KAFKA_DATA_DIR="$PWD/$KAFKA_DATA_DIR" ;; esac
case "$AINS_KAFKA_HOME" in /*) ;; *) AINS_KAFKA_HOME="$PWD/$AINS_KAFKA_HOME" ;; esac

PID_FILE="$KAFKA_DATA_DIR/kafka.pid"
PORT_FILE="$KAFKA_DATA_DIR/kafka.port"
LOG_FILE="$KAFKA_DATA_DIR/broker.log"
PROPS_FILE="$KAFKA_DATA_DIR/server.properties"
LOG_DIRS="$KAFKA_DATA_DIR/data"
LOCK_FILE="$KAFKA_DATA_DIR/.lock"
CP_FILE="$AINS_KAFKA_HOME/classpath.txt"
CP_KEY_FILE="$AINS_KAFKA_HOME/classpath.key"
WAIT_READY="$SCRIPT_DIR/wait-ready.mjs"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

say() { printf 'kafka: %s\n' "$*"; }
die() {
  printf 'kafka: error: %s\n' "$*" >&2
  exit 1
}

usage() {
  cat >&2 <<EOF
usage: $0 start|stop|status|reset

  start   resolve Kafka $KAFKA_VERSION (first run only), start it, wait until it serves clients
  stop    stop the broker (SIGTERM, SIGKILL after ${KAFKA_STOP_TIMEOUT}s)
  status  exit 0 if the broker runs and answers on 127.0.0.1:$KAFKA_PORT
  reset   stop and delete $KAFKA_DATA_DIR
EOF
  exit 2
}

# Serialises start/stop/reset, e.g. two test targets starting Kafka at once.
take_lock() {
  command -v flock >/dev/null 2>&1 || return 0
  mkdir -p "$KAFKA_DATA_DIR"
  exec 9>"$LOCK_FILE"
  if ! flock -n 9; then
    say "waiting for another kafka.sh run to finish"
    flock -w $((KAFKA_START_TIMEOUT + KAFKA_STOP_TIMEOUT + 600)) 9 || die "timed out waiting for $LOCK_FILE"
  fi
}

is_kafka_process() {
  local cmd=""
  if [[ -d /proc/$1 ]]; then
    # Empty for a zombie, which therefore does not count as running.
    cmd="$(tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline" || true)"
  else
    cmd="$(ps -p "$1" -o command= 2>/dev/null || true)"
  fi
  [[ $cmd == *" kafka.Kafka "* ]]
}

# Prints the broker's pid if the pid file names a live broker.
broker_pid() {
  [[ -f $PID_FILE ]] || return 1
  local pid
  pid="$(<"$PID_FILE")"
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  is_kafka_process "$pid" || return 1
  printf '%s\n' "$pid"
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# wait_ready TIMEOUT_SECONDS [PID]: 0 once the broker serves clients.
wait_ready() {
  local timeout="$1" pid="${2:-}" rc=0
  if command -v node >/dev/null 2>&1; then
    node "$WAIT_READY" --broker "127.0.0.1:$KAFKA_PORT" --timeout-ms "$((timeout * 1000))" \
      ${pid:+--pid "$pid"} || rc=$?
    case $rc in
      0 | 2) return "$rc" ;;
      4) return 1 ;;
      3) ;;
      *) say "wait-ready.mjs failed (exit $rc); falling back to the broker log" ;;
    esac
  fi
  # No node, no kafkajs in node_modules (e.g. before `npm ci`) or a broken
  # helper: fall back to the broker's own "started" log line plus an open port.
  local deadline=$((SECONDS + timeout))
  while :; do
    if [[ -n $pid ]] && ! is_kafka_process "$pid"; then return 2; fi
    if grep -q 'Kafka Server started' "$LOG_FILE" 2>/dev/null && port_open "$KAFKA_PORT"; then return 0; fi
    ((SECONDS < deadline)) || return 1
    sleep 0.25
  done
}

# Maven runs only when the cached classpath is missing, was made from another
# pom.xml, or names a jar that is no longer in the local repository.
resolve_classpath() {
  local key entry complete=1 entries=()
  key="$(cksum <"$POM")"
  if [[ -f $CP_FILE && -f $CP_KEY_FILE && "$(<"$CP_KEY_FILE")" == "$key" ]]; then
    # The file has no trailing newline, so read reports EOF after filling the array.
    IFS=: read -r -a entries <"$CP_FILE" || true
    for entry in "${entries[@]}"; do
      [[ -f $entry ]] || { complete=0; break; }
    done
    if ((complete)) && ((${#entries[@]} > 0)); then
      CLASSPATH_VALUE="$(<"$CP_FILE")"
      return 0
    fi
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found; Maven is needed once to fetch Kafka $KAFKA_VERSION"
  say "resolving Kafka $KAFKA_VERSION from Maven Central (first run only; cache: $AINS_KAFKA_HOME)"
  mkdir -p "$AINS_KAFKA_HOME"
  local tmp="$CP_FILE.tmp.$$" mvn_log="$AINS_KAFKA_HOME/mvn.log"
  if ! mvn -q -B -Dstyle.color=never -f "$POM" dependency:build-classpath \
    -Dmdep.outputFile="$tmp" -Dmdep.includeScope=runtime >"$mvn_log" 2>&1; then
    cat "$mvn_log" >&2
    rm -f "$tmp"
    die "Maven could not resolve Kafka $KAFKA_VERSION (log: $mvn_log)"
  fi
  mv "$tmp" "$CP_FILE"
  printf '%s\n' "$key" >"$CP_KEY_FILE"
  CLASSPATH_VALUE="$(<"$CP_FILE")"
}

write_config() {
  cat >"$PROPS_FILE" <<EOF
# Written by tools/kafka/kafka.sh on every start: edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$LOG_DIRS

num.partitions=3
default.replication.factor=1
min.insync.replicas=1
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0

# Sized for a 2-core machine; the defaults (3 network, 8 io threads, a 128 MiB
# log-cleaner buffer) assume a dedicated server.
num.network.threads=2
num.io.threads=4
log.cleaner.dedupe.buffer.size=33554432
EOF
}

java_opts() {
  local heap=() extra=()
  read -r -a heap <<<"$KAFKA_HEAP_OPTS"
  read -r -a extra <<<"$KAFKA_OPTS"
  JAVA_OPTS=(
    "${heap[@]}"
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35
    -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true
    "-XX:ErrorFile=$KAFKA_DATA_DIR/hs_err_pid%p.log"
    "-Dlog4j.configuration=file:$SCRIPT_DIR/log4j.properties"
    "-Dkafka.logs.dir=$KAFKA_DATA_DIR"
    ${extra[@]+"${extra[@]}"}
  )
}

format_storage() {
  [[ -f $LOG_DIRS/meta.properties ]] && return 0
  local cluster_id
  # Kafka's own ids never start with '-', which the CLI would take for an option.
  while :; do
    cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    [[ $cluster_id != -* ]] && break
  done
  say "formatting KRaft storage in $LOG_DIRS (cluster id $cluster_id)"
  if ! (cd "$KAFKA_DATA_DIR" && "$JAVA" "${JAVA_OPTS[@]}" -cp "$CLASSPATH_VALUE" kafka.tools.StorageTool \
    format --config "$PROPS_FILE" --cluster-id "$cluster_id" --ignore-formatted) >>"$LOG_FILE" 2>&1; then
    tail -n 50 "$LOG_FILE" >&2
    die "formatting the storage failed"
  fi
}

stop_pid() {
  local pid="$1" deadline
  say "stopping broker (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + KAFKA_STOP_TIMEOUT))
  while is_kafka_process "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
  if is_kafka_process "$pid"; then
    say "broker did not exit within ${KAFKA_STOP_TIMEOUT}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    deadline=$((SECONDS + 10))
    while is_kafka_process "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
  fi
  rm -f "$PID_FILE" "$PORT_FILE"
}

fail_start() {
  local pid="$1"
  printf -- '--- last 50 lines of %s ---\n' "$LOG_FILE" >&2
  tail -n 50 "$LOG_FILE" >&2 || true
  printf -- '---\n' >&2
  if is_kafka_process "$pid"; then stop_pid "$pid"; fi
  rm -f "$PID_FILE" "$PORT_FILE"
  die "$2"
}

cmd_start() {
  local started=$SECONDS pid running_port
  take_lock
  if pid="$(broker_pid)"; then
    running_port="$(cat "$PORT_FILE" 2>/dev/null || true)"
    if [[ -n $running_port && $running_port != "$KAFKA_PORT" ]]; then
      die "a broker (pid $pid) already runs from $KAFKA_DATA_DIR on port $running_port; stop it first"
    fi
    if wait_ready 0 "$pid"; then
      say "already running (pid $pid) on 127.0.0.1:$KAFKA_PORT"
      return 0
    fi
    say "broker pid $pid runs but does not answer yet; waiting up to ${KAFKA_START_TIMEOUT}s"
    wait_ready "$KAFKA_START_TIMEOUT" "$pid" || fail_start "$pid" "broker pid $pid does not answer on 127.0.0.1:$KAFKA_PORT"
    say "ready on 127.0.0.1:$KAFKA_PORT (pid $pid)"
    return 0
  fi
  rm -f "$PID_FILE" "$PORT_FILE"
  local port
  for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    if port_open "$port"; then
      die "127.0.0.1:$port is in use by a process this script did not start (set KAFKA_PORT / KAFKA_CONTROLLER_PORT)"
    fi
  done
  command -v "$JAVA" >/dev/null 2>&1 || die "java not found (Kafka $KAFKA_VERSION needs Java 11 or newer)"

  resolve_classpath
  mkdir -p "$KAFKA_DATA_DIR"
  java_opts
  write_config
  [[ -f $LOG_FILE ]] && mv -f "$LOG_FILE" "$LOG_FILE.1"
  format_storage

  say "starting Kafka $KAFKA_VERSION on 127.0.0.1:$KAFKA_PORT (data: $KAFKA_DATA_DIR, log: $LOG_FILE)"
  (
    cd "$KAFKA_DATA_DIR"
    exec 9>&- # the broker must not inherit (and so keep holding) the lock
    launcher=()
    # Own session: a Ctrl-C in the terminal that ran `start` must not reach the broker.
    command -v setsid >/dev/null 2>&1 && launcher=(setsid)
    exec ${launcher[@]+"${launcher[@]}"} "$JAVA" "${JAVA_OPTS[@]}" -cp "$CLASSPATH_VALUE" kafka.Kafka "$PROPS_FILE" \
      </dev/null >>"$LOG_FILE" 2>&1
  ) &
  pid=$!
  printf '%s\n' "$pid" >"$PID_FILE"
  printf '%s\n' "$KAFKA_PORT" >"$PORT_FILE"

  local rc=0
  wait_ready "$KAFKA_START_TIMEOUT" "$pid" || rc=$?
  case $rc in
    0) say "ready on 127.0.0.1:$KAFKA_PORT (pid $pid, $((SECONDS - started))s)" ;;
    2) fail_start "$pid" "the broker exited during startup" ;;
    *) fail_start "$pid" "the broker did not serve clients within ${KAFKA_START_TIMEOUT}s" ;;
  esac
}

cmd_stop() {
  local pid
  if [[ ! -d $KAFKA_DATA_DIR ]]; then
    say "not running"
    return 0
  fi
  take_lock
  if ! pid="$(broker_pid)"; then
    rm -f "$PID_FILE" "$PORT_FILE"
    say "not running"
    return 0
  fi
  stop_pid "$pid"
  say "stopped"
}

cmd_status() {
  local pid
  if ! pid="$(broker_pid)"; then
    say "not running"
    return 3
  fi
  if ! wait_ready 0 "$pid"; then
    say "broker pid $pid runs but does not answer on 127.0.0.1:$KAFKA_PORT"
    return 1
  fi
  say "running (pid $pid) on 127.0.0.1:$KAFKA_PORT"
}

cmd_reset() {
  case "$KAFKA_DATA_DIR" in
    / | "$REPO_ROOT" | "$REPO_ROOT/" | "${HOME:-/}" | "${HOME:-/}/")
      die "refusing to delete KAFKA_DATA_DIR=$KAFKA_DATA_DIR"
      ;;
  esac
  cmd_stop
  if [[ -d $KAFKA_DATA_DIR ]]; then
    rm -rf "$KAFKA_DATA_DIR"
    say "deleted $KAFKA_DATA_DIR"
  fi
}

[[ -n $KAFKA_VERSION ]] || die "cannot read <kafka.version> from $POM"
case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  reset) cmd_reset ;;
  *) usage ;;
esac
