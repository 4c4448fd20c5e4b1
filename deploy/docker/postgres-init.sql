-- One database per service (docker compose only).
CREATE DATABASE relais_ambassadors;
CREATE DATABASE relais_editorial;
CREATE DATABASE relais_aggregator;
