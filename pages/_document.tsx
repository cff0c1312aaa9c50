import { Head, Html, Main, NextScript, type DocumentProps } from "next/document";

/** The Pages Router's document (only /meetings/new uses it, decision 019): as app/layout.tsx's. */
export default function Document(props: DocumentProps) {
  const pageProps = props.__NEXT_DATA__.props?.pageProps as { locale?: string; nonce?: string } | undefined;
  const locale = pageProps?.locale ?? "vi";
  // The page's CSP nonce (decision 023), for any script Next.js itself would add here.
  const nonce = pageProps?.nonce || undefined;
  return (
    <Html lang={locale}>
      <Head nonce={nonce}>
        {/* The field app (decision 070), as app/layout.tsx's metadata gives the App Router's pages. */}
        <link rel="manifest" href="/manifest.webmanifest" />
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <link rel="apple-touch-icon" href="/icons/apple-touch-icon.png" />
      </Head>
      <body className="min-h-screen bg-stone-50 font-sans text-stone-900 antialiased">
        <Main />
        <NextScript nonce={nonce} />
      </body>
    </Html>
  );
}
