import { describe, expect, it } from 'vitest';
import { readOpen311PostFields } from './form-fields.js';

describe('readOpen311PostFields', () => {
  it('splits plain fields, single attributes and attribute[code][] lists; empty is absent', () => {
    expect(
      readOpen311PostFields([
        ['service_code', ' pothole '],
        ['email', ''],
        ['attribute[depth_cm]', '5'],
        ['attribute[bins][]', 'trash'],
        ['attribute[bins][]', ''],
        ['attribute[bins][]', 'yard'],
      ]),
    ).toEqual({
      fields: { service_code: 'pothole' },
      attributes: { depth_cm: '5', bins: ['trash', 'yard'] },
      errors: [],
    });
  });

  it('refuses duplicates with different values, control characters and attribute[__proto__]', () => {
    const read = readOpen311PostFields([
      ['lat', '1'],
      ['lat', '2'],
      ['description', 'a\u0000b'],
      ['attribute[__proto__][]', 'x'],
    ]);
    expect(read.errors.map((e) => e.split(':')[0])).toEqual(['lat', 'description', 'attribute[__proto__][]']);
    expect(Object.getPrototypeOf(read.attributes)).toBe(Object.prototype);
  });
});
