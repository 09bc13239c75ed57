-- Users of the web UI and HTTP API, their sessions, and the throttle of failed logins (docs/api.md).

create table app_user (
  name                 text primary key,
  display_name         text not null,
  role                 text not null check (role in ('administrator', 'user')),
  -- argon2id, PHC string format ($argon2id$v=19$m=...,t=...,p=...$salt$hash).
  password_hash        text not null,
  -- Set for a one-time password (and a password an administrator set): every route but /api/auth/* is refused.
  must_change_password boolean not null default true,
  disabled             boolean not null default false,
  created_at           timestamptz not null default now(),
  last_login_at        timestamptz
);

-- "Admin" and "admin" would be one person to a reader: names are unique regardless of case.
create unique index app_user_lower_name_idx on app_user (lower(name));

-- A session: the cookie holds a random id, the database only its SHA-256 (a leaked table opens no session).
create table user_session (
  id_hash      text primary key,
  user_name    text not null references app_user (name) on delete cascade on update cascade,
  created_at   timestamptz not null,
  last_seen_at timestamptz not null,
  -- min(last use + 12 h, created + 7 days); moved on use.
  expires_at   timestamptz not null
);

create index user_session_user_idx on user_session (user_name);
create index user_session_expires_idx on user_session (expires_at);

-- Failed logins per (lower-case) name within a window, for known and unknown names alike: a throttled
-- answer does not tell whether a name exists.
create table login_throttle (
  name_key        text primary key,
  failures        int not null,
  window_start_at timestamptz not null
);
