import { answerFromAccount } from "@/lib/agency-accounts/routes";

/** An agency's account answers on a petition its agency holds (decision 064): lib/agency-accounts/routes.ts. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return answerFromAccount(request, (await params).id);
}
