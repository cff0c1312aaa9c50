/**
 * Personal data for those who may not read it: enough to tell two records apart, not
 * enough to identify or call anyone.
 */

/** "Nguyễn Văn Đức" → "N***** V** Đ**". */
export function maskName(name: string): string {
  return name
    .normalize("NFC")
    .trim()
    .split(/\s+/)
    .map((word) => {
      const [first, ...rest] = [...word];
      return first + "*".repeat(Math.max(rest.length, 1));
    })
    .join(" ");
}

/** "0912345678" → "091****678". */
export function maskPhone(phone: string): string {
  return phone.length <= 6 ? "***" : `${phone.slice(0, 3)}${"*".repeat(phone.length - 6)}${phone.slice(-3)}`;
}
