import type { Locale } from "./i18n/config";
import { TIME_ZONE } from "./i18n/config";

/** dd/mm/yyyy in Vietnam's time zone, whatever the locale. */
export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return "";
  const date = typeof value === "string" ? new Date(value) : value;
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" }).format(date);
  return parts; // en-GB already gives dd/mm/yyyy
}

/** dd/mm/yyyy hh:mm in Vietnam's time zone. */
export function formatDateTime(value: Date | null | undefined): string {
  if (!value) return "";
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hour12: false }).format(value);
  return `${formatDate(value)} ${time}`;
}

/** Vietnamese separators (1.234.567,8) in Vietnamese, English ones in English. */
export function formatNumber(value: number, locale: Locale = "vi", fractionDigits = 0): string {
  return new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-GB", {
    maximumFractionDigits: fractionDigits,
    minimumFractionDigits: 0,
  }).format(value);
}

/** A month key "2026-03" as the reports write it: "03/2026". */
export function formatMonth(month: string): string {
  const [year, mm] = month.split("-");
  return `${mm}/${year}`;
}
