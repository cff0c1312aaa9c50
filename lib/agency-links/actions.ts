"use server";
import { defineAction, type ActionState } from "../actions/define-action";
import { decideSchema, linkSchema, revokeLinkSchema } from "./schemas";
import { decideAnswer, reissueLink, revokeLink } from "./staff";

/** Staff who handle the petition reissue, revoke, and decide on the agency's answers (decision 063). */
const reissue = defineAction({
  schema: linkSchema,
  permission: "petition:update:subtree",
  run: ({ input, actor }) => reissueLink(actor, input.petitionId),
  revalidate: ({ data }) => [`/petitions/${data.petitionId}`],
});

const revoke = defineAction({
  schema: revokeLinkSchema,
  permission: "petition:update:subtree",
  run: ({ input, actor }) => revokeLink(actor, input.petitionId),
  revalidate: ({ data }) => [`/petitions/${data.petitionId}`],
});

const decide = defineAction({
  schema: decideSchema,
  permission: "petition:update:subtree",
  run: ({ input, actor }) => decideAnswer(actor, input),
  revalidate: ({ data }) => [`/petitions/${data.petitionId}`, "/petitions"],
});

export type ReissueLinkState = ActionState<Awaited<ReturnType<typeof reissueLink>>>;
export type RevokeLinkState = ActionState<Awaited<ReturnType<typeof revokeLink>>>;
export type DecideAnswerState = ActionState<Awaited<ReturnType<typeof decideAnswer>>>;

export async function reissueAgencyLinkAction(prev: ReissueLinkState, formData: FormData): Promise<ReissueLinkState> {
  return reissue(prev, formData);
}

export async function revokeAgencyLinkAction(prev: RevokeLinkState, formData: FormData): Promise<RevokeLinkState> {
  return revoke(prev, formData);
}

export async function decideAgencyAnswerAction(prev: DecideAnswerState, formData: FormData): Promise<DecideAnswerState> {
  return decide(prev, formData);
}
