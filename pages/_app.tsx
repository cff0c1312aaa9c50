import type { AppProps } from "next/app";
import "@fontsource/be-vietnam-pro/400.css";
import "@fontsource/be-vietnam-pro/500.css";
import "@fontsource/be-vietnam-pro/600.css";
import "@fontsource/be-vietnam-pro/700.css";
import "../app/globals.css";

/** The Pages Router's app (only /meetings/new, decision 019): the same fonts and styles as app/layout.tsx. */
export default function App({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
