import type { AppProps } from "next/app";
import "../app/globals.css";

/** The Pages Router's app (only /meetings/new, decision 019): the same styles as app/layout.tsx. */
export default function App({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
