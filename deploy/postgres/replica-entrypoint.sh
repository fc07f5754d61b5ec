#!/bin/sh
# The streaming replica: on first start, copy the primary with pg_basebackup -R (which writes
# standby.signal and primary_conninfo) through a replication slot, so the primary keeps the WAL
# the replica has not replayed yet; then run PostgreSQL as a hot standby.
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    until pg_isready -h "$PRIMARY_HOST" -p 5432 -U replicator; do sleep 2; done
    export PGPASSWORD="$REPLICATION_PASSWORD"
    copy() {
        rm -rf "${PGDATA:?}"/*
        pg_basebackup -h "$PRIMARY_HOST" -p 5432 -U replicator -D "$PGDATA" -R -X stream \
            -S "${REPLICA_SLOT:-replica_1}" --checkpoint=fast "$@"
    }
    # -C makes the slot; a replica rebuilt from scratch finds it made already.
    copy -C || copy
    chmod 0700 "$PGDATA"
fi
exec postgres -c hot_standby=on
