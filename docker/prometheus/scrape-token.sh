#!/bin/sh
# Writes the web nodes' scrape token (METRICS_SCRAPE_TOKEN, the app's Metrics:ScrapeToken) where
# prometheus.yml reads it, then becomes Prometheus. Keeps the token out of the repository.
set -eu
umask 077
printf '%s' "${METRICS_SCRAPE_TOKEN:?set METRICS_SCRAPE_TOKEN}" > /prometheus/scrape-token
exec /bin/prometheus "$@"
