import { IsIP, isIP, Matches, ValidateBy, ValidationOptions } from 'class-validator';
import { BadInputError } from '../../src/core/errors';

/** An id as the API hands them out: a positive integer in a string, such as "42". */
const ID_PATTERN = /^[1-9][0-9]{0,9}$/;

export const IsId = (options: ValidationOptions = {}) =>
  Matches(ID_PATTERN, { message: '$property must be an id such as "42"', ...options });

/** Rejects strings made only of spaces. */
export const NotBlank = (options: ValidationOptions = {}) => Matches(/\S/, { message: '$property must not be blank', ...options });

/** A calendar date such as "2026-12-31". */
export const IsCalendarDate = () =>
  Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: '$property must be a date written YYYY-MM-DD' });

/** An id given as a plain query argument (input objects are checked by IsId instead). */
export function parseId(value: string, field: string): number {
  if (!ID_PATTERN.test(value)) throw new BadInputError(field, 'must be an id such as "42"');
  return Number(value);
}

/** An IPv4 or IPv6 network in CIDR notation, such as "192.168.10.0/24". */
/** A list of IPv4 or IPv6 addresses. */
export const IsIpList = () => IsIP(undefined, { each: true, message: 'each of $property must be an IPv4 or IPv6 address' });

export const IsCidr = () =>
  ValidateBy({
    name: 'isCidr',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string') return false;
        const [address, prefix, ...rest] = value.split('/');
        const maxBits = isIP(address, 4) ? 32 : isIP(address, 6) ? 128 : 0;
        return rest.length === 0 && maxBits > 0 && /^\d{1,3}$/.test(prefix ?? '') && Number(prefix) <= maxBits;
      },
      defaultMessage: () => '$property must be a network in CIDR notation, such as "192.168.10.0/24"',
    },
  });

/** "any", or ports and low-high ranges of 1 to 65535, comma-separated: "80,443,8000-8100". */
export const IsPortList = () =>
  ValidateBy({
    name: 'isPortList',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' &&
        (value === 'any' ||
          value.split(',').every((part) => {
            const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(part);
            const [low, high] = [Number(m?.[1]), Number(m?.[2] ?? m?.[1])];
            return Boolean(m) && low >= 1 && high <= 65535 && low <= high;
          })),
      defaultMessage: () => '$property must be "any", a port (1-65535), a low-high range or a comma list such as "80,443,8000-8100"',
    },
  });

/** A nullable numeric id as the GraphQL ID it is shown as. */
export const idOrNull = (value: number | null): string | null => (value == null ? null : String(value));
