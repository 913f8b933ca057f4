"""Generated from openapi.yaml by ``make generate``; do not edit. Private: import from
``dub_client`` (the client), ``dub_client.models`` and ``dub_client.errors``."""
