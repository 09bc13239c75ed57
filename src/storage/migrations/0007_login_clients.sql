-- The login throttle counts failed logins per name *and client* (issue 11, defect 6): five wrong passwords
-- for a name from one client must not lock that name out everywhere. `client_key` is `ip:<address>` for a
-- client never seen before, `known:<SHA-256 of its known-client cookie>` for a browser that logged in as the
-- name before. The counts are minutes old at most, so the table starts empty.
drop table login_throttle;

create table login_throttle (
  name_key        text not null,
  client_key      text not null,
  failures        int not null,
  window_start_at timestamptz not null,
  primary key (name_key, client_key)
);

create index login_throttle_window_idx on login_throttle (window_start_at);

-- Browsers that logged in successfully: the cookie `kontor_client` holds a random id, the database only its
-- SHA-256. Such a client is slowed down after failed logins instead of refused.
create table known_login_client (
  id_hash       text primary key,
  user_name     text not null references app_user (name) on delete cascade on update cascade,
  last_login_at timestamptz not null
);

create index known_login_client_user_idx on known_login_client (user_name);
