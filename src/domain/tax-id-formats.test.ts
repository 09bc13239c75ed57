import { describe, expect, it } from 'vitest';
import { taxIdFormatValid } from './tax-id-formats.ts';

describe('tax id formats', () => {
  it.each([
    ['DE123456789', 'DE'],
    ['de 123 456 789', null],
    ['123456789', 'DE'],
    ['ATU12345678', 'AT'],
    ['EL123456789', 'GR'],
    ['CHE-123.456.789 MWST', 'CH'],
    ['NL123456789B01', 'NL'],
    ['FR1X123456789', 'FR'],
    ['RSSMRA85T10A562S', 'IT'],
    ['FRRMRA80A01H501U', 'IT'],
    ['PLLMRA80A01H501U', 'IT'],
    ['12345678Z', 'ES'],
    ['GB123456789', 'GB'],
  ])('accepts %s (%s)', (taxId, country) => {
    expect(taxIdFormatValid(taxId, country)).toBe(true);
  });

  it.each([
    ['DE12345678', 'DE'],
    ['DE1234567890', 'DE'],
    ['ATU1234567', 'AT'],
    ['GR123456789', 'GR'],
    ['12345', 'PL'],
    ['PL123', 'DE'],
  ])('refuses %s (%s)', (taxId, country) => {
    expect(taxIdFormatValid(taxId, country)).toBe(false);
  });

  it('knows no format for countries without a rule, or without any country', () => {
    expect(taxIdFormatValid('12-3456789', 'US')).toBeNull();
    expect(taxIdFormatValid('123', null)).toBeNull();
  });
});
