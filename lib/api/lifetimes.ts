/** The lifetimes offered when making a token, in days; "never" means no expiry. (No zod here: the form imports it.) */
export const TOKEN_LIFETIMES = ["30", "90", "365", "never"] as const;
export type TokenLifetime = (typeof TOKEN_LIFETIMES)[number];
