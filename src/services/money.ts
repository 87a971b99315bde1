/** Money and time as integers: cents and minutes, never floats. */

/** Integer quotient of two non-negative integers, exact (no float rounding on large sums). */
export const div = (n: number, d: number): number => (n - (n % d)) / d;

/** Cents from a sum of minutes × cents-per-hour, rounded half up to whole cents once. */
export const centsOfMinuteCents = (minuteCents: number): number => div(minuteCents + 30, 60);

/** The amount for `minutes` at `rateCents` per hour, rounded half up to whole cents once. */
export const amountForMinutes = (minutes: number, rateCents: number): number => centsOfMinuteCents(minutes * rateCents);

/** Minutes as hours rounded half up to hundredths. */
export const hoursOf = (minutes: number): number => div(minutes * 100 + 30, 60) / 100;

/** Minutes as hours with one decimal, rounded half up: 125 → "2.1". */
export const formatHours = (minutes: number): string => {
  const tenths = div(minutes + 3, 6);
  return `${div(tenths, 10)}.${tenths % 10}`;
};

/** Integer cents as "$12,000.00", without floats. */
export const formatMoney = (cents: number): string => {
  const digits = String(Math.abs(cents)).padStart(3, '0');
  const dollars = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${cents < 0 ? '-' : ''}$${dollars}.${digits.slice(-2)}`;
};
