#!/bin/sh
# Creates each AINS topic that does not exist yet; existing topics are left as they are (the same
# rule as the services' own provisioning, libs/messaging/src/kafka/topic-provisioner.ts).
# Reads KAFKA_BROKERS, KAFKA_TOPIC_PARTITIONS and KAFKA_REPLICATION_FACTOR (the ains-kafka
# ConfigMap) and, for a secured cluster, KAFKA_ADMIN_CONFIG: the path of a client properties file
# (SASL/TLS) mounted into the Job.
set -eu
: "${KAFKA_BROKERS:?}" "${KAFKA_TOPIC_PARTITIONS:?}" "${KAFKA_REPLICATION_FACTOR:?}"
TOPICS="ains.task.v1 ains.chain.v1 ains.agent.v1 ains.trust.v1 ains.routing.v1 ains.schedule.v1 ains.webhook.v1 ains.dead-letter.v1"
MIN_ISR=$(( KAFKA_REPLICATION_FACTOR < 2 ? KAFKA_REPLICATION_FACTOR : 2 ))
for topic in $TOPICS; do
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$KAFKA_BROKERS" ${KAFKA_ADMIN_CONFIG:+--command-config "$KAFKA_ADMIN_CONFIG"} \
    --create --if-not-exists --topic "$topic" \
    --partitions "$KAFKA_TOPIC_PARTITIONS" --replication-factor "$KAFKA_REPLICATION_FACTOR" \
    --config "min.insync.replicas=$MIN_ISR"
done
/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$KAFKA_BROKERS" ${KAFKA_ADMIN_CONFIG:+--command-config "$KAFKA_ADMIN_CONFIG"} --describe --topics-with-overrides
