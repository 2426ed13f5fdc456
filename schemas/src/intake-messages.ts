/**
 * The words of every intake error, in one place so the portal's form shows exactly what the API
 * answers and Open311 clients receive. Field names are Open311's.
 */

export const descriptionMaxLength = 4000;

export const intakeMessages = {
  serviceCode: 'Choose a service: send service_code, e.g. pothole',
  notANumber: (field: string, value: unknown) =>
    `${field} must be a decimal number of degrees such as ${field === 'lat' ? '39.7817' : '-89.6501'}; "${String(value)}" is not`,
  latRange: (value: number) => `lat must be between -90 and 90 degrees; ${value} is outside`,
  longRange: (value: number) => `long must be between -180 and 180 degrees; ${value} is outside`,
  longMissing:
    'Send long together with lat: a point needs both, in WGS84 decimal degrees (e.g. long=-89.6501)',
  latMissing: 'Send lat together with long: a point needs both, in WGS84 decimal degrees (e.g. lat=39.7817)',
  noLocation:
    'Say where the problem is: send lat and long, x and y with a spatial_reference, an address_string, or an address_id',
  descriptionTooLong: (length: number) =>
    `Description is ${length} characters; shorten it to ${descriptionMaxLength} or fewer`,
  descriptionMarkup: (tag: string) => `Description cannot contain markup such as ${tag}; write plain text`,
  descriptionEmail: (address: string) =>
    `Description is shown to the public, so it cannot contain an email address (${address}); remove it and put it in the email field, which only city staff see`,
  descriptionPhone: (number: string) =>
    `Description is shown to the public, so it cannot contain a phone number (${number}); remove it and put it in the phone field, which only city staff see`,
  descriptionEmergency: (words: string) =>
    `"${words}" sounds like an emergency: call 911 now. This service is not watched around the clock. If it is not an emergency, describe the problem without those words`,
  email: (value: unknown) => `"${String(value)}" is not an email address; write it like name@example.org`,
  phone: (value: unknown) =>
    `"${String(value)}" is not a phone number; use digits, spaces, +, -, ( and ), e.g. +1 217 555 0100`,
  mediaUrl: (value: unknown) =>
    `media_url must be a web address starting with http:// or https://; "${String(value)}" is not`,
  tooLong: (field: string, max: number) => `${field} is longer than ${max} characters; shorten it`,
  channel: 'channel must be one of web, open311, email, sms, chat or phone',
  notFields: 'Send the report as fields such as service_code, lat, long and description',
  attributes: 'Send attributes as attribute[code]=value (attribute[code][]=value for several answers)',
} as const;
