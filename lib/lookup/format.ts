/** "0123 4567", as the receipt prints a lookup number (pure: the receipt's client component imports it). */
export function formatLookupNumberText(number: string): string {
  return number.length === 8 ? `${number.slice(0, 4)} ${number.slice(4)}` : number;
}
