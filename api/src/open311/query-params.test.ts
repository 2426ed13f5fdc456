import { describe, expect, it } from 'vitest';
import { readQueryParams } from './query-params.js';

const read = (query: string) => readQueryParams(`http://x/requests.json?${query}`);

describe('readQueryParams', () => {
  it('drops empty values and joins repeated list parameters', () => {
    expect(read('status=&service_code=a&service_code=b,c&page=2&page=2')).toEqual({
      ok: true,
      values: { service_code: 'a,b,c', page: '2' },
    });
  });

  it('refuses a scalar sent twice with different values, and control characters, naming each', () => {
    expect(read('page=1&page=2&jurisdiction_id=%00')).toEqual({
      ok: false,
      errors: [
        'page: sent 2 times with different values; send it once.',
        'jurisdiction_id: contains control characters; send plain text.',
      ],
    });
  });

  it('reads broken percent-encoding as replacement characters instead of failing', () => {
    expect(read('service_code=%FF%C3')).toEqual({ ok: true, values: { service_code: '\uFFFD\uFFFD' } });
  });
});
