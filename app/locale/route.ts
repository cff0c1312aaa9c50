import { switchLocale } from "@/lib/i18n/switch";

export const POST = switchLocale;
