/**
 * Examples for `kontor <command> --help`, by command path ('' is `kontor` itself). main.ts adds them to every
 * registered command; test/cli-help.test.ts checks that every command has some. A new command: add its path.
 */
import type { Command } from 'commander';

export const HELP_EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  '': [
    'kontor demo                             a first look: simulated shops, imports, the web UI',
    'kontor --db /var/lib/kontor/db serve    the web UI, HTTP API and an application server',
    'kontor --config /etc/kontor/kontor.json jobs list',
    'kontor --oltp TEST partners list        work on the OLTP database TEST (or env KONTOR_OLTP)',
  ],
  channel: ['kontor channel list', 'kontor channel add --help'],
  'channel add': [
    'kontor channel add shop --adapter magento --type b2c --url https://shop.example.com --setting token=...',
    'kontor channel add b2b --adapter shopware --type b2b --url https://b2b.example.com --customer-approval',
    'kontor channel add amazon --adapter amazon --type b2b-b2c --url https://sellingpartnerapi-eu.amazon.com --match tax-id,email',
  ],
  'channel edit': [
    'kontor channel edit shop --url https://new.example.com --setting token=...',
    'kontor channel edit shop --setting pageSize= --no-pseudo-partner',
    'kontor channel edit shop --match email,phone      match customers without a link to existing partners',
    'kontor channel edit shop --match none',
  ],
  'channel list': ['kontor channel list', 'kontor channel list --json'],
  'channel show': ['kontor channel show shop', 'kontor channel show shop --json'],
  'channel test': ['kontor channel test shop'],
  'import-customers': [
    'kontor import-customers --channel shop --user anna                       file a job (runs on a server)',
    'kontor import-customers --channel shop --changed-since anytime --wait    run it here and wait',
    'kontor import-customers --channel shop --changed-since last-transfer --preview   what it would do',
    'kontor import-customers --channel shop --start series --pattern "0 * * * *" --time-zone Europe/Berlin',
    'kontor import-customers --channel shop --language de --wait             run log and notices in German',
  ],
  partners: ['kontor partners list --channel shop', 'kontor partners show 10001'],
  'partners list': [
    'kontor partners list --search berlin --type B2B',
    'kontor partners list --channel shop --json',
    'kontor partners list --run 12',
    'kontor partners list --job nightly --merged include --json',
  ],
  'partners show': ['kontor partners show 10001', 'kontor partners show 10001 --history --json'],
  'partners release': ['kontor partners release 100001', 'kontor partners release 100001 --user anna'],
  'partners block': ['kontor partners block 100001', 'kontor partners block 100001 --user anna --json'],
  'partners merge': ['kontor partners merge 100001 100042', 'kontor partners merge 100001 100042 --json'],
  'partners merges': ['kontor partners merges', 'kontor partners merges --json'],
  oltp: ['kontor oltp list', 'kontor oltp add TEST --language de', 'kontor --oltp TEST channel list'],
  'oltp add': ['kontor oltp add TEST', 'kontor oltp add PROD_PL --language pl'],
  'oltp list': ['kontor oltp list', 'kontor oltp list --json'],
  'oltp remove': ['kontor oltp remove TEST              (refused while jobs filed for it have not ended)'],
  queue: ['kontor queue list', 'kontor queue add imports --description "nightly imports"'],
  'queue add': ['kontor queue add imports --description "nightly imports"'],
  'queue edit': ['kontor queue edit imports --description ""'],
  'queue list': ['kontor queue list --json'],
  jobs: ['kontor jobs list --state ready,active', 'kontor jobs log 42'],
  'jobs list': ['kontor jobs list --state failed --queue imports', 'kontor jobs list --user anna --json'],
  'jobs show': ['kontor jobs show 42', 'kontor jobs show hourly --json'],
  'jobs log': ['kontor jobs log 42', 'kontor jobs log 42 --run 7 --json'],
  'jobs edit': [
    'kontor jobs edit 42 --queue imports --max-run-time 600',
    'kontor jobs edit 42 --app-server ""',
  ],
  'jobs release': ['kontor jobs release 42'],
  'jobs cancel': ['kontor jobs cancel 42'],
  'jobs rerun': ['kontor jobs rerun 42                  file an ended job again with the same settings'],
  records: ['kontor records list --channel shop', 'kontor records confirm --channel shop 143'],
  'records list': [
    'kontor records list --channel shop --state open --code INVALID_DATE',
    'kontor records list --json',
  ],
  'records confirm': ['kontor records confirm --channel shop 40 143   import them now, warnings confirmed'],
  'records ignore': ['kontor records ignore --channel shop 40         close them (listed as ignored)'],
  'records retry': ['kontor records retry --channel shop 40          read them again from the shop'],
  'records link': [
    'kontor records link --channel shop 40 --partner 100007   import it onto partner 100007 (MATCH_AMBIGUOUS)',
  ],
  'records create-new': ['kontor records create-new --channel shop 40     import it as a new partner'],
  'jobs trigger': ['kontor jobs trigger hourly            (in a crontab: a job with --start external)'],
  notifications: ['kontor notifications list', 'kontor notifications ack 5'],
  'notifications list': [
    'kontor notifications list --user anna',
    'kontor notifications list --all-users --all',
  ],
  'notifications ack': ['kontor notifications ack 5'],
  worker: ['kontor --db postgres://kontor@db/kontor worker --app-server batch-1'],
  serve: [
    'kontor serve                                           http://127.0.0.1:8080',
    'kontor --db /var/lib/kontor/db serve --port 8080 --trust-proxy   behind nginx or Caddy (docs/operations.md)',
  ],
  'app-server': ['kontor app-server list'],
  'app-server list': ['kontor app-server list --json'],
  user: ['kontor user add anna --role administrator', 'kontor user list'],
  'user add': ['kontor user add anna', 'printf %s "$PASSWORD" | kontor user add ci --password-stdin'],
  'user list': ['kontor user list --json'],
  'user passwd': ['kontor user passwd anna            (prints a new one-time password)'],
  secrets: ['kontor secrets rotate'],
  'secrets rotate': ['kontor secrets rotate --json'],
  backup: [
    'kontor --db /var/lib/kontor/db backup /backup/kontor-$(date +%F).tar.gz     (also while serve runs)',
    'PostgreSQL: pg_dump --format=custom --file kontor.dump "postgres://..."',
  ],
  restore: [
    'kontor --db /var/lib/kontor/restored restore /backup/kontor-2026-12-01.tar.gz',
    'PostgreSQL: pg_restore --clean --if-exists --dbname "postgres://..." kontor.dump',
  ],
  demo: ['kontor demo', 'kontor demo --once --customers 20'],
  simulator: [
    'kontor simulator magento --port 8901',
    'kontor simulator shopware --customers 50 --control-port 0',
  ],
};

/** The path of a command below `kontor`: 'jobs log'. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current?.parent; current = current.parent)
    names.unshift(current.name());
  return names.join(' ');
}

/** Adds the examples to `command` and every command below it. */
export function addHelpExamples(command: Command): void {
  const examples = HELP_EXAMPLES[commandPath(command)];
  if (examples)
    command.addHelpText('after', `\nExamples:\n${examples.map((line) => `  ${line}`).join('\n')}`);
  for (const sub of command.commands) addHelpExamples(sub);
}
