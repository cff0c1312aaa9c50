import { Head, Html, Main, NextScript, type DocumentProps } from "next/document";

/** The Pages Router's document (only /meetings/new uses it, decision 019): as app/layout.tsx's. */
export default function Document(props: DocumentProps) {
  const pageProps = props.__NEXT_DATA__.props?.pageProps as { locale?: string; nonce?: string } | undefined;
  const locale = pageProps?.locale ?? "vi";
  // The page's CSP nonce (decision 023), for any script Next.js itself would add here.
  const nonce = pageProps?.nonce || undefined;
  return (
    <Html lang={locale}>
      <Head nonce={nonce} />
      <body className="min-h-screen bg-stone-50 font-sans text-stone-900 antialiased">
        <Main />
        <NextScript nonce={nonce} />
      </body>
    </Html>
  );
}
