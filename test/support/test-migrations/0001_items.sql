-- Schema of the storage layer's own tests (independent of the project's migrations).
CREATE TYPE item_kind AS ENUM ('small', 'large');

CREATE TABLE item (
  id bigserial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  kind item_kind NOT NULL DEFAULT 'small',
  tags text[] NOT NULL DEFAULT '{}',
  data jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
