import { describe, expect, it } from 'vitest';
import { readCloudSettings } from './settings.ts';

const errorOf = (settings: Record<string, string>): string => {
  try {
    readCloudSettings(settings);
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
};

describe('readCloudSettings', () => {
  it('needs only a token for the Kontor cloud shape', () => {
    const settings = readCloudSettings({ token: 't0k3n' });
    expect(settings).toMatchObject({
      auth: { kind: 'bearer', token: 't0k3n' },
      customersPath: '/api/v1/customers',
      paging: { kind: 'cursor', cursorParam: 'cursor' },
      sizeParam: 'limit',
      pageSize: 100,
      changedSince: { param: 'updatedSince', format: 'iso' },
      extraQuery: [],
    });
    expect(settings.itemsPath?.text).toBe('items');
  });

  it('reads the other auth, paging and selection rules', () => {
    expect(readCloudSettings({ auth: 'basic', username: 'kontor', password: 'pw' }).auth).toEqual({
      kind: 'basic',
      username: 'kontor',
      password: 'pw',
    });
    expect(readCloudSettings({ auth: 'API-KEY', token: 'k', apiKeyHeader: 'X-Auth-Token' }).auth).toEqual({
      kind: 'api-key',
      header: 'X-Auth-Token',
      token: 'k',
    });
    expect(readCloudSettings({ auth: 'none', paging: 'page', firstPage: '0' }).paging).toEqual({
      kind: 'page',
      pageParam: 'page',
      firstPage: 0,
    });
    expect(readCloudSettings({ auth: 'none', paging: 'offset', offsetParam: 'skip' }).paging).toEqual({
      kind: 'offset',
      offsetParam: 'skip',
    });
    expect(
      readCloudSettings({ auth: 'none', paging: 'next-link', nextPath: 'links.next' }).paging,
    ).toMatchObject({ kind: 'next-link' });
    expect(readCloudSettings({ auth: 'none', changedSinceParam: 'None' }).changedSince).toBeNull();
    expect(readCloudSettings({ auth: 'none', itemsPath: '$' }).itemsPath).toBeNull();
    expect(readCloudSettings({ auth: 'none', extraQuery: '?sort=modified&order=asc' }).extraQuery).toEqual([
      ['sort', 'modified'],
      ['order', 'asc'],
    ]);
  });

  it.each([
    [{}, 'The Cloud channel needs the setting Token / API key ("token"): the bearer token.'],
    [{ auth: 'basic', username: 'u' }, 'needs the setting Password ("password")'],
    [
      { auth: 'oauth', token: 't' },
      'The Cloud setting Authentication ("auth") is "oauth"; expected one of bearer, api-key, basic, none.',
    ],
    [{ token: 't', paging: 'links' }, 'expected one of cursor, next-link, page, offset'],
    [
      { token: 't', apiKeyHeader: 'X Key', auth: 'api-key' },
      'API key header ("apiKeyHeader") is "X Key"; expected an HTTP header name',
    ],
    [{ token: 't', customersPath: 'customers' }, 'a path starting with "/"'],
    [
      { token: 't', changedSinceFormat: 'rfc2822' },
      'expected one of iso, iso-seconds, sql, unix, unix-ms, date',
    ],
    [{ token: 't', sizeParam: 'per page' }, 'Page size parameter ("sizeParam") is "per page"'],
    [{ token: 't', nextPath: 'links..next' }, 'Next path ("nextPath") is "links..next"'],
    [{ token: 't', pageSize: '5000' }, 'a whole number from 1 to 1000'],
    [{ token: 't', mapping: '{"mail":"email"}' }, 'mapping has no field "mail"'],
  ])('refuses %j', (settings, message) => {
    expect(errorOf(settings)).toContain(message);
  });
});
