import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * The app's links: Next's `<Link>` (navigation without a full page load), never prefetching. Every page is
 * rendered per request (the session, the CSP nonce), so a prefetch brings only the route's shape, not the page,
 * and costs a request all the same: the nation's report page, with its 63 drill-down links and the menu, sent 45
 * of them as it loaded (≈ 15 ms of server CPU each, more than the page itself), and a list sends one per row it
 * shows. The page is fetched when the link is followed. `next/link` is imported here only (eslint.config.mjs).
 */
export default function Link(props: Omit<ComponentProps<typeof NextLink>, "prefetch">) {
  return <NextLink {...props} prefetch={false} />;
}
