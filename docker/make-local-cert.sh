#!/usr/bin/env bash
# A self-signed certificate for a local `docker compose up` (nginx reads ./certs/fullchain.pem and
# ./certs/privkey.pem). Production mounts real ones with TLS_CERT_DIR instead.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
mkdir -p certs
if [[ -s certs/fullchain.pem && -s certs/privkey.pem ]]; then
  echo "certs/ already holds a certificate; delete it to make a new one"
  exit 0
fi
openssl req -x509 -newkey rsa:2048 -nodes -days 365 \
  -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout certs/privkey.pem -out certs/fullchain.pem
chmod 600 certs/privkey.pem
echo "certs/fullchain.pem and certs/privkey.pem written (self-signed, localhost, 365 days)"
