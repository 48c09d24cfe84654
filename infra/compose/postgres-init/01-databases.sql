-- one database per service (each service runs its own Flyway migrations on start)
CREATE DATABASE booking;
CREATE DATABASE analytics;
CREATE DATABASE messaging;
