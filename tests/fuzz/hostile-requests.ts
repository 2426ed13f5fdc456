/**
 * Seeded generator of malformed and hostile Open311 requests: wrong types, huge fields, broken
 * UTF-8 bytes, SQL and script payloads, path tricks in ids and names, odd content types, duplicated
 * parameters and every attribute[] shape. Each POST carries at least one "poison" (a mutation that
 * is invalid whatever else is sent), so none may be stored; the rest of the payload is free to be
 * anything at all.
 */
import fc from 'fast-check';

export interface HostileRequest {
  label: string;
  method: string;
  /** Path and query after the base URL, already percent-encoded (may hold broken sequences). */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

const BASE = '/open311/v2';

/** Values that have broken servers before. */
const nasty = [
  "' OR '1'='1",
  '1; DROP TABLE service_requests; --',
  '1 UNION SELECT email FROM service_requests',
  '<script>alert(1)</script>',
  ']]><!--',
  '&amp;&#0;&lt;',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00',
  '\u0000',
  '\u0007bell',
  '\uFFFE\uFFFF',
  '\u202Eevil',
  '𝕏😀',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e309',
  '0x1F',
  '99999999999999999999999999',
  '-1',
  '1.5',
  '[]',
  '{}',
  'null',
  'undefined',
  'true',
  ' ',
  '\t\r\n',
  '__proto__',
  'constructor',
  '2026-13-45T99:99:99Z',
  '2026-01-01',
  '9999-12-31T23:59:59Z',
  '0000-01-01T00:00:00Z',
  'open,closed,,,',
  ',,,',
  '1,2,3,abc',
  '181,91,-181,-91',
];

/** Raw percent sequences that do not decode to valid UTF-8. */
const brokenUtf8 = [
  '%FF',
  '%FE%FF',
  '%C3',
  '%C3%28',
  '%E0%A4',
  '%ED%A0%80',
  '%F4%90%80%80',
  '%C0%AF',
  '%',
  '%G1',
  '%%',
];

/** A text value, encoded for a URL or form (may contain broken sequences on purpose). */
const encodedValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...nasty).map(encode) },
  { weight: 2, arbitrary: fc.constantFrom(...brokenUtf8) },
  { weight: 2, arbitrary: fc.fullUnicodeString({ maxLength: 40 }).map(encode) },
  { weight: 1, arbitrary: fc.string16bits({ maxLength: 20 }).map(encode) },
  { weight: 1, arbitrary: fc.double().map((n) => encode(String(n))) },
  { weight: 1, arbitrary: fc.bigInt().map((n) => n.toString()) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 6000 }).map((n) => 'A'.repeat(n)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.string({ maxLength: 5 }), fc.constantFrom(...brokenUtf8))
      .map(([a, b]) => encode(a) + b),
  },
);

/** Names: the real parameters, their attribute[] shapes, and junk. */
const queryName = fc.constantFrom(
  'service_request_id',
  'service_code',
  'start_date',
  'end_date',
  'status',
  'page',
  'page_size',
  'updated_after',
  'updated_before',
  'lat',
  'long',
  'radius',
  'bbox',
  'extensions',
  'jurisdiction_id',
  'status[]',
  'service_code[0]',
  '%00',
  '%FF',
  '__proto__',
);

const formName = fc.constantFrom(
  'service_code',
  'lat',
  'long',
  'address_string',
  'address_id',
  'description',
  'email',
  'phone',
  'first_name',
  'last_name',
  'device_id',
  'account_id',
  'media_url',
  'jurisdiction_id',
  'api_key',
  'attribute[depth_cm]',
  'attribute[depth_cm][]',
  'attribute[location_type]',
  'attribute[location_type][]',
  'attribute[]',
  'attribute[[x]]',
  'attribute[depth_cm][][]',
  'attribute[__proto__][]',
  'attribute[__proto__]',
  'attribute[constructor]',
  'attribute',
  'attribute[',
  'channel',
  '%00',
  '%FF%FE',
);

const pair = (names: fc.Arbitrary<string>) =>
  fc.tuple(names, encodedValue).map(([k, v]) => `${k.includes('%') ? k : encode(k)}=${v}`);

/** Invalid whatever else comes with it: each one alone gets the submission refused. */
const poisons = [
  'lat=200&long=0',
  'long=-500&lat=1',
  'attribute%5Bno_such_question%5D=1',
  'service_code=unicorn-sighting',
  'api_key=wrong-key',
  'description=%3Cb%3Ebold%3C%2Fb%3E',
  'email=not-an-address',
  'media_url=javascript%3Aalert(1)',
  'attribute%5Blocation_type%5D=river',
  'attribute%5Bdepth_cm%5D=deep',
  `description=${'x'.repeat(4001)}`,
  'description=there%20is%20a%20gas%20leak',
];

const pathSegment = fc.oneof(
  // Bare `..` / `%2e%2e` segments are resolved by the client's URL parser and leave /open311/v2,
  // so only the forms a server sees as one segment are sent.
  fc.constantFrom(
    '..%2f..%2fetc%2fpasswd',
    '%2e%2e%2f%2e%2e%2f',
    '..%5c..%5cwin.ini',
    '...',
    '%00',
    "1'%20OR%20'1'%3D'1",
    '%3Cscript%3E',
    '-1',
    '0',
    '1e3',
    '0x10',
    '99999999999999999999999',
    '00000000-0000-4000-8000-000000000000',
    'pothole%00',
    'POTHOLE',
    '',
  ),
  encodedValue.map((v) => v.slice(0, 300)),
);

/** Refused by every GET endpoint whatever else is sent (checked before anything else). */
const anyGetPoison = [
  'jurisdiction_id=capital-city.gov',
  'jurisdiction_id=%00',
  'jurisdiction_id=a.gov&jurisdiction_id=b.gov',
  'jurisdiction_id=%27%20OR%201%3D1%20--',
];
/** Refused by GET /requests, after the jurisdiction: they reach the filter checks. */
const requestsPoison = [
  'start_date=yesterday',
  'status=pending',
  'page_size=0',
  'page=-1',
  'bbox=1,2',
  'radius=5',
  'lat=95&long=0',
  'extensions=maybe',
  'service_request_id=abc',
  'updated_after=2026-01-01',
  'start_date=2020-01-01T00:00:00Z&end_date=2026-01-01T00:00:00Z',
];
const updatesPoison = [
  'start_date=yesterday',
  'end_date=2026-13-01T00:00:00Z',
  'start_date=2020-01-01T00:00:00Z&end_date=2026-01-01T00:00:00Z',
];

/** [resource, poisons that make it invalid]; item resources are poisoned by their path segment. */
const getTargets: [string, string[]][] = [
  ['discovery', anyGetPoison],
  ['services', anyGetPoison],
  ['requests', [...anyGetPoison, ...requestsPoison]],
  ['servicerequestupdates', [...anyGetPoison, ...updatesPoison]],
  ['tokens/{x}', ['']],
  ['services/{x}', ['']],
  ['requests/{x}', ['']],
  ['nothing', ['']],
  ['{x}', ['']],
  ['requests/{x}/{x}', ['']],
];

const suffix = fc.constantFrom('.json', '.xml', '.XML', '.Json', '', '.html', '.json.xml', '.json%00');

const getRequest: fc.Arbitrary<HostileRequest> = fc
  .tuple(
    fc.constantFrom(...getTargets),
    fc.nat(100),
    fc.array(pathSegment, { minLength: 2, maxLength: 2 }),
    suffix,
    fc.array(pair(queryName), { maxLength: 8 }),
    fc.constantFrom('GET', 'GET', 'GET', 'GET', 'HEAD', 'DELETE', 'PUT', 'PATCH', 'OPTIONS'),
  )
  .map(([[resource, poisons], pick, segments, ext, query, method]) => {
    let i = 0;
    const path = resource.replace(/\{x\}/g, () => segments[i++ % segments.length]!);
    const poison = poisons[pick % poisons.length]!;
    // Keep the URL under Node's 16 KiB header limit, which would answer 431 before our code runs.
    const kept: string[] = [];
    for (const p of query) if (kept.join('&').length + p.length < 7000) kept.push(p);
    const params = poison
      ? [...kept.slice(0, pick % (kept.length + 1)), poison, ...kept.slice(pick % (kept.length + 1))]
      : kept;
    return {
      label: `${method} ${resource} ${poison}`,
      method,
      path: `${BASE}/${path}${ext}${params.length ? `?${params.join('&')}` : ''}`,
      headers: {},
    };
  });

const contentType = fc.constantFrom(
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=utf-8',
  'APPLICATION/X-WWW-FORM-URLENCODED;CHARSET=UTF-8',
  'application/x-www-form-urlencoded; charset=latin1',
  'application/x-www-form-urlencodedX',
  'application/json',
  'text/xml',
  'text/plain',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  '',
);

export interface FuzzKeys {
  /** Valid keys to rotate through, so the per-key rate limit does not hide deeper validation. */
  keys: string[];
}

const postRequest = (keys: string[]): fc.Arbitrary<HostileRequest> =>
  fc
    .tuple(
      fc.constantFrom(...poisons),
      fc.subarray([
        'service_code=pothole',
        'lat=39.79',
        'long=-89.65',
        'attribute%5Bdepth_cm%5D=5',
        'attribute%5Blocation_type%5D=road',
        'address_string=1%20Main%20St',
      ]),
      fc.array(pair(formName), { maxLength: 6 }),
      fc.nat(keys.length - 1),
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom('form', 'multipart') },
        { weight: 1, arbitrary: fc.constantFrom('json', 'bytes') },
      ),
      fc.oneof(
        { weight: 3, arbitrary: fc.constant('application/x-www-form-urlencoded') },
        { weight: 2, arbitrary: contentType },
      ),
      fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom('requests.json', 'requests.xml') },
        {
          weight: 2,
          arbitrary: fc.constantFrom(
            'requests',
            'requests.html',
            'services.json',
            'requests/1.json',
            '..%2frequests.json',
          ),
        },
      ),
      fc.uint8Array({ maxLength: 400 }),
    )
    .map(([poison, base, extra, keyIndex, shape, type, target, bytes]) => {
      const fields = [`api_key=${encode(keys[keyIndex]!)}`, ...base, ...extra, poison];
      const shuffled = fields.sort((a, b) => hash(a) - hash(b));
      let body: Buffer;
      let headerType = type;
      if (shape === 'multipart') {
        const boundary = 'fuzzBoundary7MA4YWxkTrZu0gW';
        body = multipart(shuffled, boundary);
        headerType =
          type.startsWith('multipart') || type === '' ? `multipart/form-data; boundary=${boundary}` : type;
      } else if (shape === 'json') {
        body = Buffer.from(JSON.stringify(Object.fromEntries(shuffled.map((f) => f.split('=')))));
      } else if (shape === 'bytes') {
        body = Buffer.concat([Buffer.from(`${poison}&`), Buffer.from(bytes)]);
      } else {
        body = Buffer.from(shuffled.join('&'), 'latin1');
      }
      return {
        label: `POST ${target} ${shape} ${type || '(no content type)'}`,
        method: 'POST',
        path: `${BASE}/${target}`,
        headers: headerType ? { 'content-type': headerType } : ({} as Record<string, string>),
        body,
      };
    });

/** `count` hostile requests, the same ones for the same seed. */
export function hostileRequests(count: number, seed: number, { keys }: FuzzKeys): HostileRequest[] {
  const request = fc.oneof({ weight: 1, arbitrary: getRequest }, { weight: 1, arbitrary: postRequest(keys) });
  return fc.sample(request, { numRuns: count, seed });
}

/** Percent-encodes text; lone surrogates (which cannot be UTF-8) become a broken sequence. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return `${encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, ''))}%ED%A0%80`;
  }
}

/** A multipart/form-data body from encoded `name=value` pairs (values decoded to raw bytes). */
function multipart(pairs: string[], boundary: string): Buffer {
  const parts = pairs.map((p) => {
    const [name = '', value = ''] = p.split(/=(.*)/s);
    return Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${rawBytes(name).toString('latin1').replace(/"/g, '%22')}"\r\n\r\n`,
        'latin1',
      ),
      rawBytes(value),
      Buffer.from('\r\n'),
    ]);
  });
  return Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]);
}

/** Decodes percent sequences to bytes without checking they form UTF-8. */
function rawBytes(encoded: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    const hex = encoded.slice(i + 1, i + 3);
    if (encoded[i] === '%' && /^[0-9a-f]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(encoded.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes);
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return h;
}
