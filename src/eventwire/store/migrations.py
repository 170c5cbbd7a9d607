"""Ordered, recorded schema migrations for the DuckDB store.

Each migration is ``(version, name, sql)``; versions only ever grow. A store
records what it applied in ``schema_migrations`` and applies the rest, in
order, in one transaction each. Never edit a released migration: add one.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "documents and rejections", """
CREATE TABLE documents (
    document_id       VARCHAR PRIMARY KEY,
    content_hash      VARCHAR NOT NULL,
    source            VARCHAR,
    format            VARCHAR,
    url               VARCHAR,
    title             VARCHAR,
    standfirst        VARCHAR,
    author            VARCHAR,
    outlet            VARCHAR,
    published         DATE,
    language          VARCHAR,
    raw_text          VARCHAR NOT NULL,
    clean_text        VARCHAR NOT NULL,
    offset_map        VARCHAR NOT NULL,          -- JSON [[clean_start, raw_start, length], ...]
    near_duplicate_of VARCHAR,
    status            VARCHAR NOT NULL DEFAULT 'new',   -- new | processed | skipped_language | failed
    meta              VARCHAR,                   -- JSON
    ingested_at       TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE UNIQUE INDEX documents_hash ON documents (content_hash);
CREATE INDEX documents_url ON documents (url);
CREATE TABLE document_aliases (              -- exact duplicates seen under another id/source
    alias_id      VARCHAR,
    source        VARCHAR,
    document_id   VARCHAR NOT NULL,
    seen_at       TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE SEQUENCE rejections_seq;
CREATE TABLE rejections (
    rejection_id  BIGINT PRIMARY KEY DEFAULT nextval('rejections_seq'),
    source        VARCHAR NOT NULL,
    line          INTEGER,
    code          VARCHAR NOT NULL,
    reason        VARCHAR NOT NULL,
    rejected_at   TIMESTAMP NOT NULL DEFAULT current_timestamp
);
"""),
    (2, "mentions, events, sources and history", """
CREATE TABLE mentions (
    mention_id      VARCHAR PRIMARY KEY,
    document_id     VARCHAR NOT NULL,
    event_id        VARCHAR,
    event_type      VARCHAR NOT NULL,
    sub_event_type  VARCHAR NOT NULL,
    event_date      DATE,
    date_start      DATE,
    date_end        DATE,
    is_background   BOOLEAN NOT NULL DEFAULT false,
    country         VARCHAR,
    record          VARCHAR NOT NULL               -- JSON of the mention
);
CREATE INDEX mentions_document ON mentions (document_id);
CREATE INDEX mentions_event ON mentions (event_id);
CREATE TABLE events (
    event_id        VARCHAR PRIMARY KEY,
    event_type      VARCHAR NOT NULL,
    sub_event_type  VARCHAR NOT NULL,
    event_date      DATE,
    date_start      DATE,
    date_end        DATE,
    is_background   BOOLEAN NOT NULL DEFAULT false,
    country         VARCHAR,
    admin1          VARCHAR,
    lat             DOUBLE,
    lon             DOUBLE,
    actor1          VARCHAR,
    actor2          VARCHAR,
    fatalities_best INTEGER,
    num_sources     INTEGER NOT NULL DEFAULT 0,
    num_documents   INTEGER NOT NULL DEFAULT 0,
    record          VARCHAR NOT NULL,              -- JSON of the full event record
    updated_at      TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE INDEX events_date ON events (event_date);
CREATE INDEX events_country ON events (country, admin1);
CREATE INDEX events_type ON events (event_type, sub_event_type);
CREATE INDEX events_actor1 ON events (actor1);
CREATE INDEX events_actor2 ON events (actor2);
CREATE INDEX events_latlon ON events (lat, lon);
CREATE TABLE event_sources (
    event_id        VARCHAR NOT NULL,
    mention_id      VARCHAR NOT NULL,
    document_id     VARCHAR NOT NULL,
    attribution     VARCHAR,
    attribution_type VARCHAR
);
CREATE INDEX event_sources_event ON event_sources (event_id);
CREATE SEQUENCE history_seq;
CREATE TABLE history (
    change_id       BIGINT PRIMARY KEY DEFAULT nextval('history_seq'),
    event_id        VARCHAR NOT NULL,
    change          VARCHAR NOT NULL,              -- created | updated | merged | deleted
    detail          VARCHAR,                       -- JSON
    changed_at      TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE INDEX history_time ON history (changed_at);
"""),
    (3, "document MinHash signatures for near-duplicate links", """
CREATE TABLE document_signatures (
    document_id     VARCHAR PRIMARY KEY,
    num_perm        INTEGER NOT NULL,
    minhash         BLOB NOT NULL                  -- uint32 hash values, little-endian
);
"""),
    (4, "fusion blocks, event profiles and fused documents", """
CREATE TABLE event_blocks (                    -- blocking keys (country/actor x 8-day bucket), hashed
    block           BIGINT NOT NULL,
    event_id        VARCHAR NOT NULL
);
CREATE INDEX event_blocks_block ON event_blocks (block);
CREATE INDEX event_blocks_event ON event_blocks (event_id);
CREATE TABLE event_profiles (                  -- what fusion compares new mentions with (JSON)
    event_id        VARCHAR PRIMARY KEY,
    profile         VARCHAR NOT NULL
);
CREATE TABLE fused_documents (                 -- what each document contributed, to revise it
    document_id     VARCHAR PRIMARY KEY,
    url             VARCHAR,
    mention_ids     VARCHAR NOT NULL,              -- JSON list
    digest          VARCHAR NOT NULL,
    fused_at        TIMESTAMP NOT NULL
);
CREATE INDEX fused_documents_url ON fused_documents (url);
CREATE INDEX events_range ON events (date_start, date_end);
CREATE INDEX events_updated ON events (updated_at);
CREATE INDEX history_event ON history (event_id);
CREATE INDEX event_sources_document ON event_sources (document_id);
"""),
    (5, "processing order: the batch and position each document was stored in", """
CREATE TABLE document_batches (                -- a resumed run processes pending documents in this order
    document_id     VARCHAR PRIMARY KEY,
    batch_no        BIGINT NOT NULL,
    position        INTEGER NOT NULL
);
CREATE INDEX document_batches_batch ON document_batches (batch_no, position);
"""),
]

LATEST = MIGRATIONS[-1][0]
