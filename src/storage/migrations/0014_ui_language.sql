-- The language a user chose for the web UI (en, de, pl; see src/domain/ui-language.ts). Null: the web UI
-- follows the browser's languages. Checked by the user service, not here: a new language needs no migration.
alter table app_user add column ui_language text;
