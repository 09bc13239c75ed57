import { describe, expect, it } from 'vitest';
import { homeCountry, keysOfRule, matchKeys, normalEmail, normalPhone, normalTaxId } from './match-keys.ts';
import { formatMatchRules, parseMatchRules } from './match-rules.ts';

describe('normalEmail', () => {
  it('trims and case-folds', () => {
    expect(normalEmail('  Anna.Kraus@Example.COM ')).toBe('anna.kraus@example.com');
    expect(normalEmail('   ')).toBeNull();
    expect(normalEmail(null)).toBeNull();
  });
});

describe('normalTaxId', () => {
  it('drops spaces and punctuation and adds the address country where the tax id has no prefix', () => {
    expect(normalTaxId('de 123 456 789', 'DE')).toBe('DE123456789');
    expect(normalTaxId('DE-123.456.789', null)).toBe('DE123456789');
    expect(normalTaxId('123 456 789', 'de')).toBe('DE123456789');
    expect(normalTaxId('U 1234/5678', 'AT')).toBe('ATU12345678');
  });

  it('keeps the tax id of another country apart', () => {
    expect(normalTaxId('123456789', 'AT')).not.toBe(normalTaxId('123456789', 'DE'));
    expect(normalTaxId('AT123456789', 'DE')).toBe('AT123456789');
  });

  it('reads EL (the VAT prefix of Greece) as GR', () => {
    expect(normalTaxId('EL 094259216', 'GR')).toBe(normalTaxId('094259216', 'GR'));
  });

  it('gives no key without a prefix and without a country, or without a tax id', () => {
    expect(normalTaxId('123456789', null)).toBeNull();
    expect(normalTaxId('123456789', 'XX')).toBeNull();
    expect(normalTaxId(' - ', 'DE')).toBeNull();
  });
});

describe('normalPhone', () => {
  it('gives E.164 from the address country, whatever the formatting', () => {
    expect(normalPhone('030 1234567', 'DE')).toBe('+49301234567');
    expect(normalPhone('+49 (30) 123-4567', 'DE')).toBe('+49301234567');
    expect(normalPhone('+49 (30) 123-4567', 'AT')).toBe('+49301234567');
    expect(normalPhone('0049 30 1234567', 'DE')).toBe('+49301234567');
  });

  it('keeps national numbers of different countries apart', () => {
    expect(normalPhone('030 1234567', 'AT')).not.toBe(normalPhone('030 1234567', 'DE'));
  });

  it('gives no key for what is no possible number, or a national number without a country', () => {
    expect(normalPhone('12', 'DE')).toBeNull();
    expect(normalPhone('030 1234567', null)).toBeNull();
    expect(normalPhone('', 'DE')).toBeNull();
  });
});

describe('matchKeys', () => {
  const address = { country: 'AT', defaultBilling: false };
  it('takes the country of the default billing address, else of the first address with one', () => {
    expect(homeCountry([address, { country: 'DE', defaultBilling: true }])).toBe('DE');
    expect(homeCountry([{ country: null, defaultBilling: true }, address])).toBe('AT');
    expect(homeCountry([])).toBeNull();
  });

  it('gives every key of a customer, each phone once', () => {
    const keys = matchKeys({
      email: ' Info@Firma.DE',
      taxId: '123 456 789',
      phones: ['030 1234567', '+49 30 1234567', '0170 1234567'],
      addresses: [{ country: 'DE', defaultBilling: true }],
    });
    expect(keys).toEqual({
      taxId: 'DE123456789',
      email: 'info@firma.de',
      phones: ['+49301234567', '+491701234567'],
    });
    expect(keysOfRule(keys, 'tax-id')).toEqual(['DE123456789']);
    expect(keysOfRule(keys, 'phone')).toHaveLength(2);
  });
});

describe('match rules', () => {
  it('parses an ordered list or none', () => {
    expect(parseMatchRules('tax-id, email')).toEqual(['tax-id', 'email']);
    expect(parseMatchRules('none')).toEqual([]);
    expect(formatMatchRules(['phone', 'email'])).toBe('phone,email');
    expect(formatMatchRules([])).toBe('none');
  });

  it('refuses unknown and repeated rules, naming the field', () => {
    expect(() => parseMatchRules('email,name')).toThrow(/"name" is no matching rule/);
    expect(() => parseMatchRules('email,email')).toThrow(/given twice/);
  });
});
