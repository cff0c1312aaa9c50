import { signInFromForm } from "@/lib/auth/sign-in-form";

export const POST = signInFromForm;
