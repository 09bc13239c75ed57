/** Die Meldungen der Batchprozesse auf Deutsch (the messages of batch processes in German). */
import type { Translation } from './catalogue.ts';

export const GERMAN: Translation = {
  NO_NAME: 'Der Kunde hat weder einen Namen noch einen Firmennamen.',
  INVALID_EMAIL: 'Die E-Mail-Adresse „{email}“ ist ungültig.',
  INVALID_CHARACTERS: 'Die Kundendaten enthalten ein NUL-Zeichen, das nicht gespeichert werden kann.',
  INVALID_DATE: 'Die Änderungszeit „{value}“ ist kein Datum.',
  NO_ADDRESS: 'Der Kunde hat keine Adresse.',
  UNKNOWN_COUNTRY: 'Das Land „{country}“ ist kein Ländercode nach ISO 3166.',
  'UNKNOWN_COUNTRY.meant':
    'Das Land „{country}“ ist kein Ländercode nach ISO 3166 (meinte der Shop {meant}?).',
  TAX_ID_FORMAT: 'Die Steuernummer „{taxId}“ hat nicht das Format von {country}.',
  'TAX_ID_FORMAT.no-country': 'Die Steuernummer „{taxId}“ hat nicht das Format ihres Landes.',
  DUPLICATE_EMAIL: 'Der Partner {partner} hat bereits die E-Mail-Adresse {email}.',
  'DUPLICATE_EMAIL.this-run': 'Ein in diesem Lauf angelegter Partner hat bereits die E-Mail-Adresse {email}.',
  FUTURE_CHANGE_TIME:
    'Der Shop gibt für diesen Kunden eine Änderungszeit in der Zukunft an ({changedAt}); der Stand der letzten Übertragung bleibt bei {readStartedAt} stehen.',
  EMAIL_NOT_FOUND: 'Der Shop hat keinen Kunden mit der E-Mail-Adresse {email}.',
  OPEN_RECORDS_NOT_REREAD:
    'Die offenen Datensätze des Kanals konnten nicht erneut nach ID gelesen werden: {reason} Sie bleiben offen.',
  GUEST_PSEUDO_PARTNER:
    'Gelegenheitskunde: Es wird kein Partner angelegt; der Pseudopartner {partner} des Kanals steht für ihn.',
  GUEST_LINKED:
    'Gelegenheitskunde mit dem Partner {partner} verknüpft, den dieser Kanal bereits für {email} hat.',
  'GUEST_LINKED.created':
    'Gelegenheitskunde mit dem Partner verknüpft, der für dieselbe E-Mail-Adresse angelegt wurde und den dieser Kanal bereits für {email} hat.',
  ACCOUNT_DELETED:
    'Das Kundenkonto wurde am {deletedAt} im Kanal gelöscht; die Verknüpfung mit dem Partner {partner} ist deaktiviert.',
  RECORD_IGNORED: 'Von {user} ignoriert: Der Datensatz wird nicht importiert und ist nicht mehr offen.',
  MATCHED_EXISTING: 'Mit dem vorhandenen Partner {partner} verknüpft: gleiche {rule} ({key}).',
  MATCH_AMBIGUOUS:
    '{count} Partner passen über {rule} ({key}): {partners}; mit einem verknüpfen (records link) oder einen neuen Partner anlegen (records create-new).',
  LINKED_BY_USER:
    'Nach Entscheidung eines Benutzers mit dem vorhandenen Partner {partner} verknüpft (records link).',
  'match.tax-id': 'Steuernummer',
  'match.email': 'E-Mail-Adresse',
  'match.phone': 'Telefonnummer',
  WRITE_REFUSED: 'Der Partnerstamm hat die Daten des Kunden abgelehnt: {reason}',
  INVALID_RECORD:
    'Der Kanal hat einen Datensatz geliefert, der nicht die erwartete Form hat (Adapter: {detail})',
  MISSING_ID: 'Der Kanal hat einen Kunden ohne Kennung geliefert (Adapter: {detail})',
  'INVALID_DATE.channel': 'Die Änderungszeit des Kunden ist kein gültiges Datum (Adapter: {detail})',
  'INVALID_EMAIL.channel': 'Die E-Mail-Adresse des Kunden ist ungültig (Adapter: {detail})',
  'channel.data-error': 'Der Kanal hat einen unbrauchbaren Datensatz geliefert (Adapter: {detail})',
  'summary.import-run':
    'Importlauf {run} des Vertriebskanals „{channel}“ {outcome}: gelesen {read}, angelegt {created}, aktualisiert {updated}, Fehler {errors}, warten auf Bestätigung {awaiting}, deaktiviert {deactivated}.',
  'summary.with-error': '{summary} {error}',
  'summary.stopped': 'Angehalten ({reason}). {summary}',
  'summary.server-died':
    'Der Anwendungsserver {server} hat nicht mehr geantwortet, während er diesen Job ausführte.',
  'summary.waiter-gone':
    'Der Prozess, der diesen Job mit --wait eingereicht hat ({waiter}), wurde beendet, bevor der Job starten konnte.',
  'outcome.finished': 'beendet',
  'outcome.failed': 'fehlgeschlagen',
  'outcome.running': 'läuft',
  'outcome.finished-with-errors': {
    one: 'mit {count} Fehler beendet',
    other: 'mit {count} Fehlern beendet',
  },
  'report.headline': 'Importlauf {run} des Vertriebskanals „{channel}“ {outcome} ({mode}).',
  'report.counts':
    'gelesen {read}, angelegt {created}, aktualisiert {updated}, unverändert {unchanged}, übersprungen {skipped}, Warnungen {warnings}, Fehler {errors}, warten auf Bestätigung {awaiting}, deaktiviert {deactivated}',
  'report.failed': 'Fehlgeschlagen: {message} [{code}]',
  'report.watermark-held':
    'Die letzte Übertragung bleibt bei {watermark} stehen (der Änderungszeit des ältesten nicht importierten Kunden), damit dieser erneut gelesen wird.',
  'report.watermark-moved': 'Die letzte Übertragung steht jetzt bei {watermark}.',
  'report.awaiting': {
    one: '{count} Kunde wartet auf die Bestätigung seiner Warnungen: Importieren Sie erneut mit --confirm-all-warnings, um ihn zu importieren.',
    other:
      '{count} Kunden warten auf die Bestätigung ihrer Warnungen: Importieren Sie erneut mit --confirm-all-warnings, um sie zu importieren.',
  },
  'report.log-heading': 'Laufprotokoll (nicht importiert, mit Warnungen importiert, deaktiviert):',
  'report.column.level': 'Stufe',
  'report.column.customer': 'Kunde',
  'report.column.code': 'Code',
  'report.column.reason': 'Grund',
  'report.more': '... und {more} weitere (alle mit --json).',
  'stop.timeout': 'maximale Laufzeit von {seconds} s erreicht',
  'stop.canceled': 'von einem Benutzer abgebrochen',
  'stop.server-stopped': 'der Anwendungsserver {server} wird beendet',
  'notice.job': 'Batchjob „{name}“ ({id})',
  'notice.run-ended.finished': '{job} beendet',
  'notice.run-ended.finished-errors': '{job} mit Fehlern beendet',
  'notice.run-ended.failed': '{job} fehlgeschlagen',
  'notice.run-ended.failed-errors': '{job} fehlgeschlagen (mit Fehlern)',
  'notice.run-ended.canceled': '{job} abgebrochen',
  'notice.run-ended.canceled-errors': '{job} mit Fehlern abgebrochen',
  'notice.run-ended.abandoned': '{job} aufgegeben',
  'notice.run-ended.abandoned-errors': '{job} mit Fehlern aufgegeben',
  'notice.timeout.title': '{job} hat seine maximale Laufzeit erreicht',
  'notice.timeout.message': 'Der Lauf wurde nach seiner maximalen Laufzeit angehalten. {summary}',
  'notice.series-canceled.title': 'Serie des Batchjobs „{name}“ ({id}) abgebrochen',
  'notice.series-canceled.by-user': 'Die Serie wurde von einem Benutzer abgebrochen.',
  'notice.missed.title': '{job} hat seinen Start verpasst',
  'notice.missed.message':
    'Kein Anwendungsserver hat ihn in seinem Startfenster nach Beginn {begin} gestartet.',
};
