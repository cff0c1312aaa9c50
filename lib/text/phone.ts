/**
 * Vietnamese phone numbers as written by people ("0912 345 678", "+84 912.345.678",
 * "(0211) 3862 123") → the national form with a leading 0 and digits only, or null when it
 * cannot be one: mobiles have 10 digits, landlines 11 (0 + area code 2xx + 7–8 digits).
 */
export function normalisePhone(value: string): string | null {
  let digits = value.trim().replace(/[\s.\-()]/g, "");
  if (digits.startsWith("+84")) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith("84") && digits.length === 11) digits = `0${digits.slice(2)}`;
  return /^0[1-9]\d{8}$/.test(digits) || /^02\d{9}$/.test(digits) ? digits : null;
}
