import { describe, expect, it } from 'vitest';
import { optionalField, requiredField } from './setting-fields.ts';

describe('setting fields', () => {
  it('declares a required field', () => {
    expect(requiredField('clientId', 'Client ID', 'string', 'The licence id.')).toEqual({
      key: 'clientId',
      label: 'Client ID',
      type: 'string',
      required: true,
      description: 'The licence id.',
    });
  });

  it('declares an optional field with its default, or none', () => {
    expect(optionalField('sizeParam', 'Page size parameter', 'string', 'The parameter.', 'limit')).toEqual({
      key: 'sizeParam',
      label: 'Page size parameter',
      type: 'string',
      required: false,
      description: 'The parameter.',
      default: 'limit',
    });
    expect(optionalField('password', 'Password', 'secret', 'Password.')).not.toHaveProperty('default');
  });
});
