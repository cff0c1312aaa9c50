import { rateFromForm } from "@/lib/lookup/routes";

export const POST = rateFromForm;
