/**
 * Rows of OXID's oxcountry table as the shop ships them (source/Setup/Sql/initial_data.sql of OXID eShop CE):
 * the ids are OXID's own (uniqid style, not ISO codes) and the same in every installation. A subset: the
 * countries of the sample data, a few neighbours, and "Anderes Land" (other country), which has no ISO code.
 */
import type { OxidCountry } from '../../adapters/oxid/oxid-types.ts';

/** [OXID, OXACTIVE, OXTITLE, OXISOALPHA2, OXISOALPHA3] */
const ROWS: ReadonlyArray<readonly [string, string, string, string, string]> = [
  ['2db455824e4a19cc7.14731328', '0', 'Anderes Land', '', ''],
  ['a7c40f631fc920687.20179984', '1', 'Deutschland', 'DE', 'DEU'],
  ['a7c40f6320aeb2ec2.72885259', '1', 'Österreich', 'AT', 'AUT'],
  ['a7c40f6321c6f6109.43859248', '1', 'Schweiz', 'CH', 'CHE'],
  ['a7c40f6322d842ae3.83331920', '0', 'Liechtenstein', 'LI', 'LIE'],
  ['a7c40f6323c4bfb36.59919433', '1', 'Italien', 'IT', 'ITA'],
  ['a7c40f63264309e05.58576680', '0', 'Luxemburg', 'LU', 'LUX'],
  ['a7c40f63272a57296.32117580', '1', 'Frankreich', 'FR', 'FRA'],
  ['a7c40f632848c5217.53322339', '1', 'Schweden', 'SE', 'SWE'],
  ['a7c40f63293c19d65.37472814', '1', 'Finnland', 'FI', 'FIN'],
  ['a7c40f632a0804ab5.18804076', '1', 'Vereinigtes Königreich', 'GB', 'GBR'],
  ['a7c40f632be4237c2.48517912', '0', 'Irland', 'IE', 'IRL'],
  ['a7c40f632cdd63c52.64272623', '1', 'Niederlande', 'NL', 'NLD'],
  ['a7c40f632e04633c9.47194042', '1', 'Belgien', 'BE', 'BEL'],
  ['a7c40f632f65bd8e2.84963272', '0', 'Portugal', 'PT', 'PRT'],
  ['a7c40f633038cd578.22975442', '1', 'Spanien', 'ES', 'ESP'],
  ['a7c40f633114e8fc6.25257477', '0', 'Griechenland', 'GR', 'GRC'],
  ['8f241f110957cb457.97820918', '1', 'Tschechische Republik', 'CZ', 'CZE'],
  ['8f241f110957e6ef8.56458418', '1', 'Dänemark', 'DK', 'DNK'],
  ['8f241f11096176795.61257067', '1', 'Norwegen', 'NO', 'NOR'],
  ['8f241f1109624d3f8.50953605', '1', 'Polen', 'PL', 'POL'],
  ['8f241f110967bba40.88233204', '1', 'Türkei', 'TR', 'TUR'],
  ['8f241f11096877ac0.98748826', '1', 'Vereinigte Staaten von Amerika', 'US', 'USA'],
];

export const OXID_COUNTRIES: readonly OxidCountry[] = ROWS.map(
  ([OXID, OXACTIVE, OXTITLE, OXISOALPHA2, OXISOALPHA3]) => ({
    OXID,
    OXACTIVE,
    OXTITLE,
    OXISOALPHA2,
    OXISOALPHA3,
  }),
);

/** "Anderes Land": a real country row without an ISO code. */
export const OTHER_COUNTRY_ID = '2db455824e4a19cc7.14731328';

const BY_ISO = new Map(OXID_COUNTRIES.filter((c) => c.OXISOALPHA2 !== '').map((c) => [c.OXISOALPHA2, c]));

/** The oxcountry row of an ISO code (sample data only uses codes this table has). */
export function oxidCountryOf(iso: string): OxidCountry {
  const country = BY_ISO.get(iso);
  if (!country) throw new RangeError(`The OXID simulator has no oxcountry row for ${iso}.`);
  return country;
}
