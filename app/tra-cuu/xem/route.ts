import { lookupFromForm } from "@/lib/lookup/routes";

export const POST = lookupFromForm;
