import { answerFromForm } from "@/lib/agency-links/routes";

/** The agency's answer through its link (decision 063): lib/agency-links/routes.ts. */
export const POST = answerFromForm;
