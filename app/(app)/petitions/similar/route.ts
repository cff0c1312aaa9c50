import { NextResponse } from "next/server";
import { getActor } from "@/lib/auth/current";
import { allows } from "@/lib/auth/roles";
import { cleanText, parseId } from "@/lib/forms/fields";
import { findSimilarOpenPetitions } from "@/lib/petitions/similar";

/** GET /petitions/similar?unit=<village id>&q=<text>: for the intake form, while typing. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return NextResponse.json({ error: "unauthenticated" }, { status: 401 });
  if (!allows(actor, "petition:create:subtree")) return NextResponse.json({ error: "not_found" }, { status: 404 });
  const url = new URL(request.url);
  const unit = parseId(url.searchParams.get("unit"));
  const q = cleanText(url.searchParams.get("q") ?? "");
  if (unit === null) return NextResponse.json({ items: [] });
  const items = await findSimilarOpenPetitions(actor, unit, q.slice(0, 500));
  return NextResponse.json({ items: items.map(({ id, code, status, excerpt }) => ({ id, code, status, excerpt })) });
}
