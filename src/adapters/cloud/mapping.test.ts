import { describe, expect, it } from 'vitest';
import { readMapping } from './mapping.ts';

const errorOf = (text: string): string => {
  try {
    readMapping(text);
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
};

describe('the mapping setting', () => {
  it('is the Kontor cloud shape when empty, and replaces defaults key by key', () => {
    const mapping = readMapping('');
    expect(mapping.externalId.text).toBe('id');
    expect(mapping.address.street.map((p) => p.text)).toEqual(['street', 'street2']);
    const custom = readMapping('{"externalId":"customer_no","taxId":null,"address":{"city":"town"}}');
    expect(custom.externalId.text).toBe('customer_no');
    expect(custom.taxId).toBeNull();
    expect(custom.address.city?.text).toBe('town');
    expect(custom.address.postalCode?.text).toBe('postalCode');
    expect(readMapping('{"guest":"account_type=guest"}').guest).toMatchObject({ equals: 'guest' });
    expect(readMapping('{"phones":"contact.phone_numbers[].number"}').phones[0]?.segments).toEqual([
      { key: 'contact', spread: false },
      { key: 'phone_numbers', spread: true },
      { key: 'number', spread: false },
    ]);
  });

  it.each([
    ['{"externalId":', 'it is not JSON'],
    ['["id"]', 'it must be a JSON object'],
    ['{"mail":"email"}', 'mapping has no field "mail" (fields: externalId, email,'],
    ['{"address":{"zip":"zip"}}', 'mapping.address has no field "zip"'],
    ['{"address":"addresses"}', 'mapping.address must be an object'],
    ['{"email":42}', 'mapping.email must be a path (text) or null, not 42'],
    ['{"company":"org..name"}', 'mapping.company is "org..name": a path is keys separated by dots'],
    ['{"email":"kind=private"}', 'mapping.email is "kind=private": a comparison ("=") is only allowed'],
    ['{"phones":["phone",7]}', 'mapping.phones[1] must be a path (text), not 7'],
    ['{"updatedAt":null}', 'mapping.updatedAt is required'],
  ])('refuses %s', (text, message) => {
    const error = errorOf(text);
    expect(error).toContain('The Cloud setting Field mapping ("mapping") is not valid: ');
    expect(error).toContain(message);
  });
});
