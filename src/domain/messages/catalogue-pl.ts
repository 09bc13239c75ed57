/** Komunikaty procesów wsadowych po polsku (the messages of batch processes in Polish). */
import type { Translation } from './catalogue.ts';

export const POLISH: Translation = {
  NO_NAME: 'Klient nie ma ani imienia i nazwiska, ani nazwy firmy.',
  INVALID_EMAIL: 'Adres e-mail „{email}” jest nieprawidłowy.',
  INVALID_CHARACTERS: 'Dane klienta zawierają znak NUL, którego nie można zapisać.',
  INVALID_DATE: 'Czas zmiany „{value}” nie jest datą.',
  NO_ADDRESS: 'Klient nie ma adresu.',
  UNKNOWN_COUNTRY: 'Kraj „{country}” nie jest kodem kraju według ISO 3166.',
  'UNKNOWN_COUNTRY.meant':
    'Kraj „{country}” nie jest kodem kraju według ISO 3166 (czy sklepowi chodziło o {meant}?).',
  TAX_ID_FORMAT: 'Numer podatkowy „{taxId}” nie ma formatu obowiązującego w kraju {country}.',
  'TAX_ID_FORMAT.no-country': 'Numer podatkowy „{taxId}” nie ma formatu obowiązującego w swoim kraju.',
  DUPLICATE_EMAIL: 'Partner {partner} ma już adres e-mail {email}.',
  'DUPLICATE_EMAIL.this-run': 'Partner utworzony w tym przebiegu ma już adres e-mail {email}.',
  FUTURE_CHANGE_TIME:
    'Sklep podaje dla tego klienta czas zmiany w przyszłości ({changedAt}); znacznik ostatniego transferu zatrzymuje się na {readStartedAt}.',
  EMAIL_NOT_FOUND: 'Sklep nie ma klienta z adresem e-mail {email}.',
  OPEN_RECORDS_NOT_REREAD:
    'Nie udało się ponownie odczytać otwartych rekordów kanału według identyfikatora: {reason} Pozostają otwarte.',
  GUEST_PSEUDO_PARTNER:
    'Klient okazjonalny: partner nie zostaje utworzony; zastępuje go pseudopartner {partner} kanału.',
  GUEST_LINKED:
    'Klient okazjonalny powiązany z partnerem {partner}, którego ten kanał ma już dla adresu {email}.',
  'GUEST_LINKED.created':
    'Klient okazjonalny powiązany z partnerem utworzonym dla tego samego adresu e-mail, którego ten kanał ma już dla adresu {email}.',
  ACCOUNT_DELETED:
    'Konto klienta zostało usunięte w kanale dnia {deletedAt}; powiązanie z partnerem {partner} zostało dezaktywowane.',
  RECORD_IGNORED:
    'Zignorowany przez użytkownika {user}: rekord nie zostaje zaimportowany i nie jest już otwarty.',
  MATCHED_EXISTING: 'Powiązano z istniejącym partnerem {partner}: ten sam {rule} ({key}).',
  MATCH_AMBIGUOUS:
    'Pasujący partnerzy ({count}) według kryterium {rule} ({key}): {partners}; powiąż rekord z jednym z nich (records link) lub utwórz nowego partnera (records create-new).',
  LINKED_BY_USER: 'Powiązano z istniejącym partnerem {partner} decyzją użytkownika (records link).',
  'match.tax-id': 'NIP',
  'match.email': 'adres e-mail',
  'match.phone': 'numer telefonu',
  WRITE_REFUSED: 'Kartoteka partnerów odrzuciła dane klienta: {reason}',
  INVALID_RECORD: 'Kanał przekazał rekord o nieoczekiwanej strukturze (adapter: {detail})',
  MISSING_ID: 'Kanał przekazał klienta bez identyfikatora (adapter: {detail})',
  'INVALID_DATE.channel': 'Czas zmiany klienta nie jest prawidłową datą (adapter: {detail})',
  'INVALID_EMAIL.channel': 'Adres e-mail klienta jest nieprawidłowy (adapter: {detail})',
  'channel.data-error': 'Kanał przekazał rekord, którego nie można użyć (adapter: {detail})',
  'summary.import-run':
    'Przebieg importu {run} kanału sprzedaży „{channel}” {outcome}: odczytano {read}, utworzono {created}, zaktualizowano {updated}, błędy {errors}, oczekuje na potwierdzenie {awaiting}, dezaktywowano {deactivated}.',
  'summary.with-error': '{summary} {error}',
  'summary.stopped': 'Zatrzymano ({reason}). {summary}',
  'summary.server-died': 'Serwer aplikacji {server} przestał odpowiadać podczas wykonywania tego zadania.',
  'summary.waiter-gone':
    'Proces, który zlecił to zadanie z opcją --wait ({waiter}), zakończył się, zanim zadanie mogło się rozpocząć.',
  'outcome.finished': 'zakończony',
  'outcome.failed': 'zakończony niepowodzeniem',
  'outcome.running': 'w toku',
  'outcome.finished-with-errors': {
    one: 'zakończony z {count} błędem',
    few: 'zakończony z {count} błędami',
    many: 'zakończony z {count} błędami',
    other: 'zakończony z {count} błędu',
  },
  'report.headline': 'Przebieg importu {run} kanału sprzedaży „{channel}” {outcome} ({mode}).',
  'report.counts':
    'odczytano {read}, utworzono {created}, zaktualizowano {updated}, bez zmian {unchanged}, pominięto {skipped}, ostrzeżenia {warnings}, błędy {errors}, oczekuje na potwierdzenie {awaiting}, dezaktywowano {deactivated}',
  'report.failed': 'Niepowodzenie: {message} [{code}]',
  'report.watermark-held':
    'Ostatni transfer zatrzymany na {watermark} (czas zmiany najstarszego niezaimportowanego klienta), aby ten klient został odczytany ponownie.',
  'report.watermark-moved': 'Ostatni transfer jest teraz na {watermark}.',
  'report.awaiting': {
    one: '{count} klient czeka na potwierdzenie swoich ostrzeżeń: zaimportuj ponownie z --confirm-all-warnings, aby go zaimportować.',
    few: '{count} klientów czeka na potwierdzenie swoich ostrzeżeń: zaimportuj ponownie z --confirm-all-warnings, aby ich zaimportować.',
    many: '{count} klientów czeka na potwierdzenie swoich ostrzeżeń: zaimportuj ponownie z --confirm-all-warnings, aby ich zaimportować.',
    other:
      '{count} klienta czeka na potwierdzenie swoich ostrzeżeń: zaimportuj ponownie z --confirm-all-warnings, aby ich zaimportować.',
  },
  'report.log-heading':
    'Dziennik przebiegu (niezaimportowane, zaimportowane z ostrzeżeniami, dezaktywowane):',
  'report.column.level': 'Poziom',
  'report.column.customer': 'Klient',
  'report.column.code': 'Kod',
  'report.column.reason': 'Przyczyna',
  'report.more': '... i {more} więcej (wszystkie z --json).',
  'stop.timeout': 'osiągnięto maksymalny czas działania {seconds} s',
  'stop.canceled': 'anulowanie przez użytkownika',
  'stop.server-stopped': 'serwer aplikacji {server} jest zatrzymywany',
  'notice.job': 'Zadanie wsadowe „{name}” ({id})',
  'notice.run-ended.finished': '{job} zakończone',
  'notice.run-ended.finished-errors': '{job} zakończone z błędami',
  'notice.run-ended.failed': '{job} zakończone niepowodzeniem',
  'notice.run-ended.failed-errors': '{job} zakończone błędem',
  'notice.run-ended.canceled': '{job} anulowane',
  'notice.run-ended.canceled-errors': '{job} anulowane z błędami',
  'notice.run-ended.abandoned': '{job} porzucone',
  'notice.run-ended.abandoned-errors': '{job} porzucone z błędami',
  'notice.timeout.title': '{job} osiągnęło maksymalny czas działania',
  'notice.timeout.message': 'Przebieg został zatrzymany po upływie maksymalnego czasu działania. {summary}',
  'notice.series-canceled.title': 'Seria zadania wsadowego „{name}” ({id}) anulowana',
  'notice.series-canceled.by-user': 'Seria została anulowana przez użytkownika.',
  'notice.missed.title': '{job} nie wystartowało w wyznaczonym czasie',
  'notice.missed.message':
    'Żaden serwer aplikacji nie uruchomił go w oknie startowym po terminie rozpoczęcia {begin}.',
};
