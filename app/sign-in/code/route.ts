import { signInWithCodeFromForm } from "@/lib/auth/sign-in-code";

export const POST = signInWithCodeFromForm;
