CREATE TABLE counter (
  name text PRIMARY KEY,
  value integer NOT NULL
);

INSERT INTO counter (name, value) VALUES ('main', 0);
