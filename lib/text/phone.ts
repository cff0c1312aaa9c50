/**
 * Vietnamese phone numbers as written by people ("0912 345 678", "+84 912.345.678",
 * "(0211) 3862 123") → the national form with a leading 0 and digits only, or null when it
 * cannot be one: mobiles have 10 digits, landlines 10 or 11.
 */
export function normalisePhone(value: string): string | null {
  let digits = value.replace(/[\s.\-()]/g, "");
  if (digits.startsWith("+84")) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith("84") && digits.length === 11) digits = `0${digits.slice(2)}`;
  if (!/^0\d{9,10}$/.test(digits)) return null;
  return digits;
}
