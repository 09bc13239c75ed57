/**
 * IBUS customers as the bus sends them, for the tests of the IBUS mapping and of the IBUS import: one
 * synchronized customer and one entered on a device (a draft until the device synchronizes).
 */
import type { IbusCustomer } from '../../src/adapters/ibus/ibus-types.ts';
import type { IbusDraft } from '../../src/simulators/ibus/seed.ts';

/** A synchronized customer with every field the mapping reads (a phone twice in another notation). */
export const SYNCHRONIZED_CUSTOMER = {
  id: 'K-000042',
  changedAt: '2025-06-01T08:03:11.123Z',
  deleted: false,
  createdAt: '2025-05-30T17:00:00.000Z',
  code: 'MUELLER-42',
  name: '  Müller & Söhne GmbH ',
  firstName: 'Jürgen',
  lastName: 'Müller',
  tin: 'DE811569869',
  email: 'einkauf@mueller-soehne.de',
  communication: [
    { type: 'phone', value: '+49 89 1234567' },
    { type: 'mobile', value: '+49 171 2345678' },
    { type: 'phone', value: '+49891234567' },
    { type: 'fax', value: '+49 89 1234599' },
    { type: 'url', value: 'https://www.mueller-soehne.de' },
  ],
  addresses: [
    {
      id: 1,
      type: 'main',
      street: 'Leopoldstraße 1',
      street2: '3. OG',
      postalCode: '80802',
      city: 'München',
      countryCode: 'de',
      region: 'Bayern',
    },
    {
      id: 2,
      type: 'delivery',
      street: 'Lagerweg 5',
      street2: null,
      postalCode: '85748',
      city: 'Garching',
      countryCode: 'DE',
      region: null,
    },
  ],
  contactPersons: [
    {
      id: 7,
      firstName: 'Eva',
      lastName: 'Huber',
      occupation: 'Einkauf',
      email: 'e.huber@mueller-soehne.de',
      phone: '+49 171 111',
    },
  ],
  salesTaxClassification: 'DOMESTIC',
  salesRepresentative: { code: 'SR-03', name: 'Tomasz Lis' },
  deviceId: 'MOB-SR-03',
} satisfies IbusCustomer;

/** A customer as a representative enters it on a device: every field the adapter imports. */
export const ENTERED_ON_DEVICE: IbusDraft = {
  createdAt: '2025-01-10T09:15:00.000Z',
  code: 'WOJCIK-HURT',
  name: 'Hurtownia Wójcik Sp. z o.o.',
  firstName: 'Jędrzej',
  lastName: 'Wójcik',
  tin: 'PL5260250995',
  email: 'biuro@wojcik-hurt.pl',
  communication: [
    { type: 'phone', value: '+48 22 123 45 67' },
    { type: 'mobile', value: '+48 601 234 567' },
    { type: 'fax', value: '+48 22 123 45 99' },
    { type: 'url', value: 'https://www.wojcik-hurt.pl' },
    { type: 'url', value: 'https://sklep.wojcik-hurt.pl' },
  ],
  addresses: [
    {
      id: 1,
      type: 'main',
      street: 'ul. Marszałkowska 84',
      street2: 'lok. 5',
      postalCode: '00-514',
      city: 'Warszawa',
      countryCode: 'PL',
      region: 'mazowieckie',
    },
    {
      id: 2,
      type: 'delivery',
      street: 'ul. Magazynowa 3',
      street2: null,
      postalCode: '05-800',
      city: 'Pruszków',
      countryCode: 'PL',
      region: null,
    },
    {
      id: 3,
      type: 'invoice',
      street: 'Friedrichstraße 10',
      street2: null,
      postalCode: '10117',
      city: 'Berlin',
      countryCode: 'DE',
      region: 'Berlin',
    },
  ],
  contactPersons: [
    {
      id: 1,
      firstName: 'Agnieszka',
      lastName: 'Nowak',
      occupation: 'Kierownik zakupów',
      email: 'a.nowak@wojcik-hurt.pl',
      phone: '+48 602 111 222',
    },
    { id: 2, firstName: null, lastName: 'Zieliński', occupation: null, email: null, phone: null },
  ],
  salesTaxClassification: 'EU',
  salesRepresentative: { code: 'SR-02', name: 'Anna Schmidt' },
  deviceId: 'MOB-TABLET-17',
};
